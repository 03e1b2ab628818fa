// users: sign-up, profile and organisations. Profile data is snapshotted on each contribution.
import "server-only";
import { db, type Tx } from "../db/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { hashPassword } from "../auth/password";
import { findOrCreateOrganisation } from "../organisations/service";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { ProfileSchema, SignUpSchema, type ProfileInput } from "./schema";
import { DEFAULT_LOCALE, isLocale } from "../i18n/config";
import { hitRateLimit } from "../rate-limit/service";
import { SIGNUP_ADDRESS, SIGNUP_IP } from "../auth/throttle";
import { queueEmail } from "../email/queue";
import { sendVerification, weakPasswordErrors } from "../accounts/service";
import { changeDeclaredGroup } from "../identity/service";


async function organisationIdFor(tx: Tx, input: ProfileInput): Promise<string | null> {
  if (input.individual) return null;
  return findOrCreateOrganisation(tx, input.organisation, input.stakeholderGroup, input.country);
}

export interface SignUpContext {
  /** the client address, for the per-address sign-up limit */
  ip: string;
  /** the language the person signed up in: their e-mails come in it */
  locale: string;
}

/**
 * Creates the account and, in the same transaction, its verification link and e-mail. The account can write drafts at
 * once; sending contributions and comments waits for the address to be confirmed.
 *
 * The answer is the same whether or not the address already has an account (no enumeration through the sign-up form):
 * the same checks, the same argon2 hash and one transaction that queues one e-mail either way. For a taken address
 * nothing is created or changed, and its owner is told by e-mail (auth.account-exists) instead of getting a link.
 */
export async function registerUser(raw: unknown, context: SignUpContext = { ip: "unknown", locale: DEFAULT_LOCALE }): Promise<Result<{ email: string }>> {
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const weak = weakPasswordErrors(input.password, [input.email, input.name, input.organisation]);
  if (weak.length) return fail("invalidInput", { password: weak });
  const limit = await hitRateLimit(SIGNUP_IP, context.ip);
  if (!limit.allowed) {
    return fail("throttled", { form: ["throttled"] }, 429, { params: { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)), seconds: limit.retryAfterSeconds } });
  }
  // Hashed whether or not the account will be created, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  try {
    await withTransaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
      if (existing) return tellOwnerOfSignUp(tx, existing);
      const organisationId = await organisationIdFor(tx, input);
      const created = await tx.user.create({
        data: {
          email: input.email,
          passwordHash,
          name: input.name,
          organisationId,
          stakeholderGroup: input.stakeholderGroup,
          country: input.country,
          gender: input.gender ?? null,
          locale: isLocale(context.locale) ? context.locale : DEFAULT_LOCALE,
        },
      });
      await sendVerification(tx, created);
    });
  } catch (error) {
    if (!isUniqueViolation(error, "email")) throw error;
    // Someone signed up with the same address at the same instant and won: the owner hears of this attempt too.
    await withTransaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
      if (owner) await tellOwnerOfSignUp(tx, owner);
    });
  }
  return ok({ email: input.email });
}

/** The e-mail a taken address gets instead of a verification link (at most SIGNUP_ADDRESS.limit an hour; the rest is dropped). */
async function tellOwnerOfSignUp(tx: Tx, owner: { id: string; name: string }): Promise<void> {
  if (!(await hitRateLimit(SIGNUP_ADDRESS, owner.id, tx)).allowed) return;
  await queueEmail(tx, { to: { userId: owner.id }, template: "auth.account-exists", params: { name: owner.name } });
}

export async function updateProfile(userId: string, raw: unknown): Promise<Result<{ id: string }>> {
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx): Promise<Result<{ id: string }>> => {
    // The group goes through its own rule (audited, one change per 30 days, verification reset): lib/identity.
    const group = await changeDeclaredGroup(tx, userId, input.stakeholderGroup);
    if (!group.ok) return group;
    const organisationId = await organisationIdFor(tx, input);
    await tx.user.update({
      where: { id: userId },
      data: {
        name: input.name,
        organisationId,
        country: input.country,
        gender: input.gender ?? null,
      },
    });
    return ok({ id: userId });
  });
}

export async function getProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, stakeholderGroup: true, country: true, gender: true, locale: true,
      organisation: { select: { id: true, name: true } },
    },
  });
}

export async function setPreferredLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/**
 * At sign-in: the interface language the person is using becomes their account's, so that e-mails and notifications
 * reach them in it (a choice made with the switcher while signed out, or their browser's language). Written only
 * when it differs.
 */
export async function rememberInterfaceLocale(userId: string, locale: string | null): Promise<void> {
  if (!isLocale(locale)) return;
  await db.user.updateMany({ where: { id: userId, locale: { not: locale } }, data: { locale } });
}
