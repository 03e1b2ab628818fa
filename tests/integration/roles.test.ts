import { describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { listUsersForRoles, setUserRole } from "@/lib/roles/service";
import { authOptions } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { sessionCookieName } from "@/lib/auth/cookies";
import { AuthError, getCurrentUser, requireRole } from "@/lib/auth/session";
import { buildUser, TEST_PASSWORD } from "../fixtures/users";

// The browser's cookie jar for getCurrentUser: whatever session cookie the test last "received".
const jar = vi.hoisted(() => ({ cookie: undefined as string | undefined, cookieName: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.cookie !== undefined && name === jar.cookieName ? { name, value: jar.cookie } : undefined) }),
}));

/** Signs in as the app does (the credentials provider, the jwt callback, next-auth's own encoding) and returns the cookie. */
async function signInCookie(email: string): Promise<string> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };
  const user = await provider.options.authorize({ email, password: TEST_PASSWORD }, { headers: { "user-agent": "test" } } as never);
  if (!user) throw new Error(`sign-in refused for ${email}`);
  const jwt = options.callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  const token = await jwt({ token: { sub: user.id }, user, account: null } as never);
  return encode({ token, secret: authSecret(), maxAge: options.session?.maxAge });
}

describe("role management", () => {
  it("lets an admin grant and revoke the secretariat role, audited", async () => {
    const admin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ email: `grant-${Date.now()}@test.example` });
    expect(await setUserRole(admin, { userId: person.id, role: "SECRETARIAT" })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("SECRETARIAT");
    expect(await setUserRole(admin, { userId: person.id, role: "PARTICIPANT" })).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findMany({ where: { entityId: person.id, action: "role.change" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ from: "PARTICIPANT", to: "SECRETARIAT" }),
      expect.objectContaining({ from: "SECRETARIAT", to: "PARTICIPANT" }),
    ]);
    const listed = await listUsersForRoles(admin, { q: "grant-" });
    expect(listed?.found.map((u) => u.id)).toContain(person.id);
  });

  it("never removes the last admin, even when two admins demote each other at once", async () => {
    // This file's database may hold other admins from earlier tests: demote them first, as an admin would.
    const a = await buildUser({ role: "ADMIN" });
    const b = await buildUser({ role: "ADMIN" });
    for (const other of await db.user.findMany({ where: { role: "ADMIN", id: { notIn: [a.id, b.id] } } })) {
      expect(await setUserRole(a, { userId: other.id, role: "PARTICIPANT" })).toMatchObject({ ok: true });
    }
    const results = await Promise.all([setUserRole(a, { userId: b.id, role: "PARTICIPANT" }), setUserRole(b, { userId: a.id, role: "PARTICIPANT" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "lastAdmin", status: 409 });
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
    const last = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    expect(await setUserRole(last, { userId: last.id, role: "SECRETARIAT" })).toMatchObject({ ok: false, error: "lastAdmin" });
  });

  it("refuses the secretariat, participants and anonymous callers, and bad roles", async () => {
    const target = await buildUser();
    for (const actor of [await buildUser({ role: "SECRETARIAT" }), await buildUser(), null]) {
      expect(await setUserRole(actor, { userId: target.id, role: "ADMIN" })).toMatchObject({ ok: false, status: 403 });
      expect(await listUsersForRoles(actor, {})).toBeNull();
    }
    const admin = await buildUser({ role: "ADMIN" });
    expect(await setUserRole(admin, { userId: target.id, role: "ROOT" })).toMatchObject({ ok: false, fieldErrors: { role: ["roleInvalid"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("PARTICIPANT");
  });
});

describe("a role change ends the person's sessions", () => {
  it("refuses the JWT they held before a demotion or a promotion; a new sign-in carries the new role", async () => {
    jar.cookieName = sessionCookieName();
    const admin = await buildUser({ role: "ADMIN" });
    const person = await buildUser({ role: "SECRETARIAT", email: `staff-${Date.now()}@test.example` });
    const before = await signInCookie(person.email);
    const elsewhere = await signInCookie(person.email); // a second device
    jar.cookie = before;
    expect(await getCurrentUser()).toMatchObject({ id: person.id, role: "SECRETARIAT" });
    expect((await requireRole("SECRETARIAT")).id).toBe(person.id);

    expect(await setUserRole(admin, { userId: person.id, role: "PARTICIPANT" })).toMatchObject({ ok: true });
    for (const cookie of [before, elsewhere]) {
      jar.cookie = cookie; // the same, validly signed and unexpired cookie, replayed
      expect(await getCurrentUser()).toBeNull();
      await expect(requireRole("SECRETARIAT")).rejects.toEqual(new AuthError(401, "Sign in to continue."));
    }

    jar.cookie = await signInCookie(person.email);
    expect(await getCurrentUser()).toMatchObject({ id: person.id, role: "PARTICIPANT" });
    await expect(requireRole("SECRETARIAT")).rejects.toMatchObject({ status: 403 });

    // A promotion ends the sessions too: the person signs in again under the new role.
    const participantCookie = jar.cookie;
    expect(await setUserRole(admin, { userId: person.id, role: "SECRETARIAT" })).toMatchObject({ ok: true });
    expect(await getCurrentUser()).toBeNull();
    jar.cookie = await signInCookie(person.email);
    expect((await requireRole("SECRETARIAT")).id).toBe(person.id);
    jar.cookie = participantCookie;
    expect(await getCurrentUser()).toBeNull();
    const sessions = await db.userSession.findMany({ where: { userId: person.id } });
    expect(sessions.filter((session) => session.revokedAt === null)).toHaveLength(1);
  });
});
