// accounts: e-mail verification, password reset, changes of password and address, and ending sessions
// (docs/decisions/0013). Every link is single-use, stored as a hash, and written with its e-mail in one transaction.
import "server-only";
import { db, type Tx } from "../db/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { fail, fieldErrorsOf, ok, type Failure, type Result } from "../result";
import { recordAudit } from "../audit/log";
import { queueEmail } from "../email/queue";
import { enqueueJob } from "../jobs/queue";
import { hitRateLimit, resetRateLimit } from "../rate-limit/service";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordStrength } from "../auth/password-strength";
import { endAllSessions, endOtherSessions } from "../auth/sessions";
import { EMAIL_CHANGE, RESET_ADDRESS, RESET_IP, SIGNIN_ACCOUNT, VERIFY_RESEND } from "../auth/throttle";
import type { Actor } from "../auth/session-roles";
import { DEFAULT_LOCALE, isLocale } from "../i18n/config";
import { consumeToken, inspectToken, issueToken } from "./tokens";
import { ChangeEmailSchema, ChangePasswordSchema, ForgotPasswordSchema, ResetPasswordSchema } from "./schema";

/** A refusal because of a rate limit: the form says when to try again. */
function throttled(retryAfterSeconds: number) {
  return fail("throttled", { form: ["throttled"] }, 429, { params: { seconds: retryAfterSeconds, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) } });
}

/** Field errors for a password zxcvbn finds guessable: the verdict, then its reasons (keys under accounts.strength). */
export function weakPasswordErrors(password: string, related: (string | null | undefined)[]): string[] {
  const verdict = passwordStrength(password, related.filter((value): value is string => typeof value === "string"));
  return verdict.ok ? [] : ["accounts.strength.weak", ...verdict.reasons.map((reason) => `accounts.strength.${reason}`)];
}

// ---------------------------------------------------------------- verification

/** Issues a verification link for the account's current address and queues its e-mail, in `tx`. */
export async function sendVerification(tx: Tx, user: { id: string; email: string; name: string }): Promise<void> {
  const token = await issueToken(tx, user.id, "VERIFY_EMAIL", user.email);
  await queueEmail(tx, { to: { userId: user.id }, template: "auth.verify-email", params: { token, name: user.name } });
}

export async function isEmailVerified(tx: Pick<Tx, "user">, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return user?.emailVerifiedAt != null;
}

/** "Send the link again", at most VERIFY_RESEND.limit times an hour. */
export async function resendVerification(actor: Actor | null): Promise<Result<{ address: string; alreadyVerified: boolean }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
  if (!user) return fail("signInRequired", undefined, 401);
  if (user.emailVerifiedAt) return ok({ address: user.email, alreadyVerified: true });
  const limit = await hitRateLimit(VERIFY_RESEND, user.id);
  if (!limit.allowed) return throttled(limit.retryAfterSeconds);
  await withTransaction((tx) => sendVerification(tx, user));
  return ok({ address: user.email, alreadyVerified: false });
}

export type LinkState = "valid" | "used" | "expired" | "unknown";

/** What a verification or address-change link would do, without using it. */
export async function emailLinkState(token: unknown): Promise<{ state: LinkState; purpose?: "VERIFY_EMAIL" | "CHANGE_EMAIL"; email?: string }> {
  const found = await inspectToken(db, token, ["VERIFY_EMAIL", "CHANGE_EMAIL"]);
  if (found.state !== "valid") return { state: found.state };
  return { state: "valid", purpose: found.purpose === "CHANGE_EMAIL" ? "CHANGE_EMAIL" : "VERIFY_EMAIL", email: found.email };
}

/** Uses a verification or address-change link. Works without signing in: the link is the proof. */
export async function confirmEmail(token: unknown): Promise<Result<{ purpose: "VERIFY_EMAIL" | "CHANGE_EMAIL"; email: string }>> {
  try {
    return await withTransaction(async (tx) => {
      const used = await consumeToken(tx, token, ["VERIFY_EMAIL", "CHANGE_EMAIL"]);
      if (used.state !== "valid") return fail(`link_${used.state}`, undefined, used.state === "unknown" ? 404 : 410);
      const user = await tx.user.findUnique({ where: { id: used.userId }, select: { id: true, email: true } });
      if (!user) return fail("link_unknown", undefined, 404);
      if (used.purpose === "VERIFY_EMAIL") {
        // A link for an address the account no longer has proves nothing about the current one.
        if (user.email !== used.email) return fail("link_used", undefined, 410);
        await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = now() WHERE id = ${user.id}`;
        await recordAudit(tx, { actorId: user.id, action: "account.emailVerified", entityType: "User", entityId: user.id });
        return ok({ purpose: "VERIFY_EMAIL" as const, email: user.email });
      }
      await tx.$executeRaw`UPDATE "User" SET email = ${used.email}, "emailVerifiedAt" = now(), "updatedAt" = now() WHERE id = ${user.id}`;
      // The old address's verification links are worthless now.
      await tx.$executeRaw`UPDATE "AuthToken" SET "usedAt" = now() WHERE "userId" = ${user.id} AND purpose = 'VERIFY_EMAIL' AND "usedAt" IS NULL`;
      await recordAudit(tx, { actorId: user.id, action: "account.emailChanged", entityType: "User", entityId: user.id });
      return ok({ purpose: "CHANGE_EMAIL" as const, email: used.email });
    });
  } catch (error) {
    // The new address was taken by another account between the request and the click.
    if (isUniqueViolation(error)) return fail("emailTaken", undefined, 409);
    throw error;
  }
}

// ---------------------------------------------------------------- password reset

/**
 * /forgot-password. The same answer, and the same work in this request, whether or not the address has an account:
 * the request only enqueues a job (one INSERT); the job looks the address up and, if it is an account's, sends the link.
 */
export async function requestPasswordReset(raw: unknown, context: { ip: string; locale: string }): Promise<Result<{ address: string }>> {
  const parsed = ForgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const limit = await hitRateLimit(RESET_IP, context.ip);
  if (!limit.allowed) return throttled(limit.retryAfterSeconds);
  const locale = isLocale(context.locale) ? context.locale : DEFAULT_LOCALE;
  await enqueueJob(null, "accounts.passwordReset", { email: parsed.data.email, locale });
  return ok({ address: parsed.data.email });
}

/** The job behind requestPasswordReset. Silent for unknown addresses and past RESET_ADDRESS's limit. */
export async function sendPasswordReset(email: string): Promise<"sent" | "unknown" | "limited"> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return "unknown";
  if (!(await hitRateLimit(RESET_ADDRESS, user.email)).allowed) return "limited";
  await withTransaction(async (tx) => {
    const token = await issueToken(tx, user.id, "RESET_PASSWORD", user.email);
    await queueEmail(tx, { to: { userId: user.id }, template: "auth.password-reset", params: { token, name: user.name } });
  });
  return "sent";
}

export async function resetLinkState(token: unknown): Promise<LinkState> {
  return (await inspectToken(db, token, ["RESET_PASSWORD"])).state;
}

/** Uses a reset link: sets the password, ends every session, and proves the address. */
export async function resetPassword(raw: unknown): Promise<Result<{ email: string }>> {
  const parsed = ResetPasswordSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { token, password } = parsed.data;
  const found = await inspectToken(db, token, ["RESET_PASSWORD"]);
  if (found.state !== "valid") return fail(`link_${found.state}`, { form: [`link_${found.state}`] }, found.state === "unknown" ? 404 : 410);
  const user = await db.user.findUnique({ where: { id: found.userId }, select: { id: true, email: true, name: true } });
  if (!user) return fail("link_unknown", { form: ["link_unknown"] }, 404);
  const weak = weakPasswordErrors(password, [user.email, user.name]);
  if (weak.length) return fail("invalidInput", { password: weak });
  const passwordHash = await hashPassword(password);
  return withTransaction(async (tx) => {
    const used = await consumeToken(tx, token, ["RESET_PASSWORD"]);
    if (used.state !== "valid") return fail(`link_${used.state}`, { form: [`link_${used.state}`] }, 410);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // Whoever held a session (perhaps the person who guessed the old password) holds it no more.
    await endAllSessions(tx, user.id);
    // The link reached this address: it is the account's.
    await tx.$executeRaw`UPDATE "User" SET "emailVerifiedAt" = COALESCE("emailVerifiedAt", now()) WHERE id = ${user.id} AND email = ${used.email}`;
    await tx.$executeRaw`UPDATE "AuthToken" SET "usedAt" = now() WHERE "userId" = ${user.id} AND purpose = 'RESET_PASSWORD' AND "usedAt" IS NULL`;
    await resetRateLimit(SIGNIN_ACCOUNT, user.email, tx);
    await queueEmail(tx, { to: { userId: user.id }, template: "auth.password-changed", params: { name: user.name, at: new Date().toISOString() } });
    await recordAudit(tx, { actorId: user.id, action: "account.passwordReset", entityType: "User", entityId: user.id });
    return ok({ email: user.email });
  });
}

// ---------------------------------------------------------------- profile: password, address, sessions

/** Checks the current password behind the sign-in throttle (a stolen session must not become a guessing machine). */
async function currentPasswordProblem(user: { email: string; passwordHash: string }, password: string): Promise<Failure | null> {
  const limit = await hitRateLimit(SIGNIN_ACCOUNT, user.email);
  if (!limit.allowed) return throttled(limit.retryAfterSeconds);
  if (!(await verifyPassword(user.passwordHash, password))) return fail("invalidInput", { currentPassword: ["currentPasswordWrong"] });
  await resetRateLimit(SIGNIN_ACCOUNT, user.email);
  return null;
}

/** Changes the password; every other session ends, this one (`sid`) stays. */
export async function changePassword(actor: Actor | null, sid: string | null, raw: unknown): Promise<Result<null>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = ChangePasswordSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, passwordHash: true, organisation: { select: { name: true } } } });
  if (!user) return fail("signInRequired", undefined, 401);
  const problem = await currentPasswordProblem(user, parsed.data.currentPassword);
  if (problem) return problem;
  const weak = weakPasswordErrors(parsed.data.password, [user.email, user.name, user.organisation?.name]);
  if (weak.length) return fail("invalidInput", { password: weak });
  const passwordHash = await hashPassword(parsed.data.password);
  return withTransaction(async (tx) => {
    // Conditional on the hash just checked: a reset or another change in between wins, and this one says so.
    const { count } = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count !== 1) return fail("passwordChangedMeanwhile", { form: ["passwordChangedMeanwhile"] }, 409);
    await endOtherSessions(tx, user.id, sid);
    await queueEmail(tx, { to: { userId: user.id }, template: "auth.password-changed", params: { name: user.name, at: new Date().toISOString() } });
    await recordAudit(tx, { actorId: user.id, action: "account.passwordChanged", entityType: "User", entityId: user.id });
    return ok(null);
  });
}

/** Asks to use a new address: a link goes to it, a notice to the current one; nothing changes until the link is used. */
export async function requestEmailChange(actor: Actor | null, raw: unknown): Promise<Result<{ address: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = ChangeEmailSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, locale: true, passwordHash: true } });
  if (!user) return fail("signInRequired", undefined, 401);
  const address = parsed.data.email;
  if (address === user.email) return fail("invalidInput", { email: ["emailUnchanged"] });
  const problem = await currentPasswordProblem(user, parsed.data.currentPassword);
  if (problem) return problem;
  const limit = await hitRateLimit(EMAIL_CHANGE, user.id);
  if (!limit.allowed) return throttled(limit.retryAfterSeconds);
  if (await db.user.findUnique({ where: { email: address }, select: { id: true } })) return fail("invalidInput", { email: ["emailTaken"] }, 409);
  await withTransaction(async (tx) => {
    const token = await issueToken(tx, user.id, "CHANGE_EMAIL", address);
    await queueEmail(tx, { to: { address, locale: user.locale, userId: user.id }, template: "auth.confirm-email-change", params: { token, name: user.name, address } });
    await queueEmail(tx, { to: { userId: user.id }, template: "auth.email-change-notice", params: { name: user.name, newAddress: address } });
    await recordAudit(tx, { actorId: user.id, action: "account.emailChangeRequested", entityType: "User", entityId: user.id });
  });
  return ok({ address });
}

/** The address change waiting for its link, if any. */
export async function pendingEmailChange(userId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT email FROM "AuthToken" WHERE "userId" = ${userId} AND purpose = 'CHANGE_EMAIL' AND "usedAt" IS NULL AND "expiresAt" > now()
    ORDER BY "createdAt" DESC LIMIT 1`;
  return rows[0]?.email ?? null;
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function signOutEverywhere(actor: Actor | null): Promise<Result<null>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  await withTransaction(async (tx) => {
    await endAllSessions(tx, actor.id);
    await recordAudit(tx, { actorId: actor.id, action: "account.signedOutEverywhere", entityType: "User", entityId: actor.id });
  });
  return ok(null);
}
