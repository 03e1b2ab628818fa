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

  it("refuses a duplicate email, whatever its case, and changes nothing", async () => {
    await registerUser(signUp);
    const before = await db.user.findUniqueOrThrow({ where: { email: "amina@example.org" } });
    const again = await registerUser({ ...signUp, email: "AMINA@example.ORG", name: "Someone else", password: "another fine passphrase" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: ["emailTaken"] } });
    const after = await db.user.findUniqueOrThrow({ where: { email: "amina@example.org" } });
    expect(after).toEqual(before);
    expect(await db.user.count({ where: { name: "Someone else" } })).toBe(0);
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
