import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { registerUser, updateProfile } from "@/lib/users/service";
import { verifyPassword } from "@/lib/auth/password";
import { buildUser } from "../fixtures/users";

const signUp = {
  email: "Amina@Example.org",
  password: "tea and bread at noon",
  name: "Amina Yusuf",
  organisation: "Digital Rights Nigeria",
  stakeholderGroup: "CIVIL_SOCIETY",
  country: "ng",
};

describe("sign-up", () => {
  it("stores an argon2 hash, the normalised email and the organisation", async () => {
    const result = await registerUser(signUp);
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "amina@example.org" }, include: { organisation: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, signUp.password)).toBe(true);
    expect(user.role).toBe("PARTICIPANT");
    expect(user.country).toBe("NG");
    expect(user.organisation?.name).toBe("Digital Rights Nigeria");
    expect(user.organisation?.stakeholderGroup).toBe("CIVIL_SOCIETY");
  });

  it("answers a sign-up with a taken address exactly as a new one, changes nothing, and e-mails the owner instead of a link", async () => {
    const owner = { ...signUp, email: "Zainab@Example.org" };
    const first = await registerUser(owner, { ip: "198.51.100.7", locale: "en" });
    expect(first).toEqual({ ok: true, data: { email: "zainab@example.org" } });
    const before = await db.user.findUniqueOrThrow({ where: { email: "zainab@example.org" } });
    const again = await registerUser({ ...owner, email: "ZAINAB@example.ORG", name: "Someone else", password: "another fine passphrase" }, { ip: "198.51.100.7", locale: "en" });
    expect(again).toEqual(first); // no way to tell from the answer that the address has an account
    const after = await db.user.findUniqueOrThrow({ where: { email: "zainab@example.org" } });
    expect(after).toEqual(before);
    expect(await db.user.count({ where: { name: "Someone else" } })).toBe(0);
    expect(await verifyPassword(after.passwordHash, "another fine passphrase")).toBe(false);
    const messages = await db.emailMessage.findMany({ where: { toAddress: "zainab@example.org" }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.template)).toEqual(["auth.verify-email", "auth.account-exists"]);
    expect(await db.authToken.count({ where: { userId: before.id } })).toBe(1); // the attempt issued no link

    // Repeated attempts cannot flood the owner's mailbox: three notices an hour, then silence (same answer still).
    for (let i = 0; i < 4; i++) expect(await registerUser({ ...owner, password: "another fine passphrase" }, { ip: "198.51.100.9", locale: "en" })).toEqual(first);
    expect(await db.emailMessage.count({ where: { toAddress: "zainab@example.org", template: "auth.account-exists" } })).toBe(3);
  });

  it("two sign-ups with one new address at the same instant create one account and tell its owner of the other", async () => {
    const email = `race-${Date.now()}@example.org`;
    const results = await Promise.all([
      registerUser({ ...signUp, email }, { ip: "198.51.100.8", locale: "en" }),
      registerUser({ ...signUp, email, name: "Twin" }, { ip: "198.51.100.8", locale: "en" }),
    ]);
    expect(results).toEqual([{ ok: true, data: { email } }, { ok: true, data: { email } }]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const templates = (await db.emailMessage.findMany({ where: { toAddress: email } })).map((m) => m.template).sort();
    expect(templates).toEqual(["auth.account-exists", "auth.verify-email"]);
  });

  it("refuses weak passwords and bad fields without storing anything", async () => {
    const result = await registerUser({ ...signUp, email: "weak@example.org", organisation: "Unique Weak Org", password: "short", country: "ZZ", stakeholderGroup: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.password).toContain("passwordTooShort");
    expect(result.fieldErrors?.country).toContain("countryInvalid");
    expect(result.fieldErrors?.stakeholderGroup).toBeDefined();
    expect(await db.user.findUnique({ where: { email: "weak@example.org" } })).toBeNull();
    expect(await db.organisation.findUnique({ where: { normalizedName: "unique weak org" } })).toBeNull();
  });

  it("shares one organisation between people who spell it alike", async () => {
    await registerUser({ ...signUp, email: "a1@example.org", organisation: "Open Access Kenya" });
    await registerUser({ ...signUp, email: "b1@example.org", organisation: "  open   access KENYA " });
    const users = await db.user.findMany({ where: { email: { in: ["a1@example.org", "b1@example.org"] } } });
    expect(users).toHaveLength(2);
    expect(new Set(users.map((u) => u.organisationId)).size).toBe(1);
    expect(await db.organisation.count({ where: { normalizedName: "open access kenya" } })).toBe(1);
  });
});

describe("profile", () => {
  it("updates the stated details; individuals have no organisation", async () => {
    const user = await buildUser({ organisation: "Some Org" });
    const result = await updateProfile(user.id, { name: "New Name", individual: "on", organisation: "", stakeholderGroup: "ACADEMIC_COMMUNITY", country: "fr", gender: "FEMALE" });
    expect(result.ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ name: "New Name", organisationId: null, stakeholderGroup: "ACADEMIC_COMMUNITY", country: "FR", gender: "FEMALE" });
  });

  it("keeps the stored profile when the input is invalid", async () => {
    const user = await buildUser();
    const result = await updateProfile(user.id, { name: "", stakeholderGroup: "NOPE", country: "FR" });
    expect(result.ok).toBe(false);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
  });
});
