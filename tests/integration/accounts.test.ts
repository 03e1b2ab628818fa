// Accounts: verification (single use, 24 h, hash only, required to send), password reset (no enumeration, 1 h, single
// use, ends every session), changes of password and address, sessions that end, sign-in throttling.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { registerUser } from "@/lib/users/service";
import {
  changePassword, confirmEmail, emailLinkState, requestEmailChange, requestPasswordReset, resendVerification, resetLinkState, resetPassword,
  sendVerification, signOutEverywhere,
} from "@/lib/accounts/service";
import { hashToken } from "@/lib/accounts/tokens";
import { checkCredentials } from "@/lib/auth/credentials";
import { endSession, startSession } from "@/lib/auth/sessions";
import { userOfSession } from "@/lib/auth/session";
import { setUserRole } from "@/lib/roles/service";
import { saveDraft, submitContribution } from "@/lib/submissions/service";
import { verifyPassword } from "@/lib/auth/password";
import { runJobs } from "../fixtures/jobs";
import { buildConsultation, buildUser, TEST_PASSWORD } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { useSmtp } from "../fixtures/email";

withTemporaryStorage();
const NEW_PASSWORD = "violet harbour lanterns at dusk";

/** The token of the newest message of this template to this address, read from the outbox as an admin would. */
async function linkToken(address: string, template: string): Promise<string> {
  const row = await db.emailMessage.findFirst({ where: { toAddress: address, template }, orderBy: { createdAt: "desc" } });
  const token = (row?.params as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`no ${template} message to ${address}`);
  return token;
}

const signUp = {
  email: "", password: "seven rivers under moonlight", name: "Kofi Mensah", individual: "on", organisation: "",
  stakeholderGroup: "CIVIL_SOCIETY", country: "GH",
};

describe("e-mail verification", () => {
  it("sign-up sends a single-use link, only its hash is stored, and sending waits for it (drafts do not)", async () => {
    useSmtp(null);
    const email = `kofi-${Date.now()}@example.org`;
    const created = await registerUser({ ...signUp, email }, { ip: "203.0.113.5", locale: "fr" });
    if (!created.ok) throw new Error(created.error);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.locale).toBe("fr");
    const token = await linkToken(email, "auth.verify-email");
    const stored = await db.authToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3600_000);

    const consultation = await buildConsultation();
    const actor = { id: user.id, role: user.role };
    expect((await saveDraft(actor, consultation.id, contributionInput())).ok).toBe(true);
    const refused = await submitContribution(actor, consultation.id, contributionInput());
    expect(refused.ok ? null : refused.error).toBe("emailNotVerified");

    expect(await emailLinkState(token)).toEqual({ state: "valid", purpose: "VERIFY_EMAIL", email });
    expect((await confirmEmail(token)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    const again = await confirmEmail(token);
    expect(again.ok ? null : again.error).toBe("link_used");
    const sent = await submitContribution(actor, consultation.id, contributionInput({ idempotencyKey: randomUUID(), onBehalfOf: "SELF" }));
    expect(sent.ok ? "ok" : sent.error).toBe("ok");
  });

  it("refuses an expired or unknown link, keeps only the newest link working, and rate-limits resends", async () => {
    const user = await buildUser({ verified: false });
    await withTransaction((tx) => sendVerification(tx, user));
    const first = await linkToken(user.email, "auth.verify-email");
    const resent = await resendVerification(user);
    expect(resent.ok).toBe(true);
    const second = await linkToken(user.email, "auth.verify-email");
    expect((await emailLinkState(first)).state).toBe("used"); // superseded
    await db.authToken.updateMany({ where: { tokenHash: hashToken(second) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await confirmEmail(second)).ok).toBe(false);
    expect((await emailLinkState("x".repeat(43))).state).toBe("unknown");
    expect((await resendVerification(user)).ok).toBe(true);
    expect((await resendVerification(user)).ok).toBe(true);
    const limited = await resendVerification(user);
    expect(limited.ok ? null : limited.error).toBe("throttled");
  });

  it("changing the address keeps the old one until the new one is confirmed, and tells the old one", async () => {
    const user = await buildUser();
    const wrong = await requestEmailChange(user, { currentPassword: "not it at all", email: "new@example.org" });
    expect(wrong.ok ? null : wrong.fieldErrors?.currentPassword).toEqual(["currentPasswordWrong"]);
    const newAddress = `new-${Date.now()}@example.org`;
    expect((await requestEmailChange(user, { currentPassword: TEST_PASSWORD, email: newAddress })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db.emailMessage.count({ where: { toAddress: user.email, template: "auth.email-change-notice" } })).toBe(1);
    const token = await linkToken(newAddress, "auth.confirm-email-change");
    expect((await confirmEmail(token)).ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBe(newAddress);
    expect(after.emailVerifiedAt).not.toBeNull();
  });
});

describe("password reset", () => {
  it("answers the same for a known and an unknown address, sends a link only to the account, valid 1 h, single use, ending every session", async () => {
    const user = await buildUser();
    const known = await requestPasswordReset({ email: user.email }, { ip: "198.51.100.1", locale: "en" });
    const unknown = await requestPasswordReset({ email: "nobody-here@example.org" }, { ip: "198.51.100.1", locale: "en" });
    expect(known).toEqual({ ok: true, data: { address: user.email } });
    expect(unknown).toEqual({ ok: true, data: { address: "nobody-here@example.org" } });
    await runJobs();
    expect(await db.emailMessage.count({ where: { toAddress: "nobody-here@example.org" } })).toBe(0);
    const token = await linkToken(user.email, "auth.password-reset");
    const stored = await db.authToken.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(3600_000);

    const laptop = await startSession(user.id, "laptop");
    const phone = await startSession(user.id, "phone");
    expect(await userOfSession(laptop)).not.toBeNull();
    expect(await resetLinkState(token)).toBe("valid");
    const weak = await resetPassword({ token, password: "password1234", confirm: "password1234" });
    expect(weak.ok ? null : weak.fieldErrors?.password?.[0]).toBe("accounts.strength.weak");
    expect((await resetPassword({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).ok).toBe(true);
    expect(await userOfSession(laptop)).toBeNull();
    expect(await userOfSession(phone)).toBeNull();
    const reused = await resetPassword({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(reused.ok ? null : reused.error).toBe("link_used");
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await db.emailMessage.count({ where: { userId: user.id, template: "auth.password-changed" } })).toBe(1);
  });

  it("refuses a link older than an hour", async () => {
    const user = await buildUser();
    await requestPasswordReset({ email: user.email }, { ip: "198.51.100.2", locale: "en" });
    await runJobs();
    const token = await linkToken(user.email, "auth.password-reset");
    await db.$executeRaw`UPDATE "AuthToken" SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = ${hashToken(token)}`;
    expect(await resetLinkState(token)).toBe("expired");
    expect((await resetPassword({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).ok).toBe(false);
  });
});

describe("sessions that end", () => {
  it("sign-out refuses the same token afterwards; sign out everywhere and a role change end them all; a password change keeps this one", async () => {
    const user = await buildUser();
    const one = await startSession(user.id, null);
    const two = await startSession(user.id, null);
    await endSession(one.sid);
    expect(await userOfSession(one)).toBeNull(); // the replayed cookie
    expect(await userOfSession(two)).not.toBeNull();

    const three = await startSession(user.id, null);
    expect((await changePassword(user, three.sid, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).ok).toBe(true);
    expect(await userOfSession(two)).toBeNull();
    expect(await userOfSession(three)).not.toBeNull();

    await signOutEverywhere(user);
    expect(await userOfSession(three)).toBeNull();

    const admin = await buildUser({ role: "ADMIN" });
    const four = await startSession(user.id, null);
    expect((await setUserRole(admin, { userId: user.id, role: "SECRETARIAT" })).ok).toBe(true);
    expect(await userOfSession(four)).toBeNull();
    expect(await userOfSession(await startSession(user.id, null))).not.toBeNull(); // a fresh sign-in carries the new version
  });
});

describe("sign-in throttling", () => {
  it("refuses the 11th attempt in 15 minutes, the right password included, without hashing; a success clears the count", async () => {
    const user = await buildUser();
    let hashes = 0;
    const verify = async (hash: string, password: string) => {
      hashes++;
      return verifyPassword(hash, password);
    };
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD }, "192.0.2.10", { verify })).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(await checkCredentials({ email: user.email, password: "wrong guess" }, "192.0.2.10", { verify })).toEqual({ ok: false, reason: "invalid" });
    expect(hashes).toBe(11);
    const refused = await checkCredentials({ email: user.email, password: TEST_PASSWORD }, "192.0.2.11", { verify });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(refused.ok === false && refused.reason === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(800);
    expect(hashes).toBe(11);
  });

  it("refuses an address after 50 attempts across accounts, unknown ones included", async () => {
    let hashes = 0;
    const verify = async () => {
      hashes++;
      return false;
    };
    for (let i = 0; i < 50; i++) await checkCredentials({ email: `nobody${i}@example.org`, password: "x" }, "192.0.2.99", { verify });
    expect(hashes).toBe(50);
    expect(await checkCredentials({ email: "another@example.org", password: "x" }, "192.0.2.99", { verify })).toMatchObject({ reason: "throttled" });
    expect(hashes).toBe(50);
  });

  it("limits sign-ups and reset requests per address", async () => {
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `r${i}@example.org` }, { ip: "192.0.2.50", locale: "en" });
    const limited = await requestPasswordReset({ email: "r@example.org" }, { ip: "192.0.2.50", locale: "en" });
    expect(limited.ok ? null : limited.error).toBe("throttled");
    for (let i = 0; i < 10; i++) await registerUser({ ...signUp, email: `s${i}-${Date.now()}@example.org` }, { ip: "192.0.2.51", locale: "en" });
    const refused = await registerUser({ ...signUp, email: `s-last-${Date.now()}@example.org` }, { ip: "192.0.2.51", locale: "en" });
    expect(refused.ok ? null : refused.error).toBe("throttled");
  });
});
