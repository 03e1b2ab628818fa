import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listUsersForRoles, setUserRole } from "@/lib/roles/service";
import { buildUser } from "../fixtures/users";

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
