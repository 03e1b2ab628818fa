// roles: admins grant and revoke the secretariat and admin roles. Every change is audited, and the last admin
// cannot be removed (that would lock everyone out of role management).
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { lockKey, withTransaction } from "../db/transaction";
import { Role } from "../db/generated/enums";
import { hasRole } from "../auth/session-roles";
import { endAllSessions } from "../auth/sessions";
import { recordAudit } from "../audit/log";
import { fail, ok, type Result } from "../result";
import type { Actor } from "../auth/session-roles";

export type { Actor };

export const RoleChangeSchema = z.object({
  userId: z.string().trim().min(1).max(64),
  role: z.enum([Role.PARTICIPANT, Role.SECRETARIAT, Role.ADMIN], { error: "roleInvalid" }),
});

const PAGE = 50;

/** Staff first, then everyone matching the search, by name. Admin only. */
export async function listUsersForRoles(actor: Actor | null, query: { q?: string; cursor?: string }) {
  if (!actor || !hasRole(actor, "ADMIN")) return null;
  const q = (query.q ?? "").trim().slice(0, 200);
  const staff = await db.user.findMany({
    where: { role: { in: [Role.SECRETARIAT, Role.ADMIN] } },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true },
    take: 500,
  });
  const found = q
    ? await db.user.findMany({
        where: { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true, role: true },
        take: PAGE,
      })
    : [];
  return { staff, found, q };
}

export async function setUserRole(actor: Actor | null, raw: unknown): Promise<Result<{ id: string; role: Role }>> {
  if (!actor || !hasRole(actor, "ADMIN")) return fail("forbidden", undefined, 403);
  const parsed = RoleChangeSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", { role: ["roleInvalid"] });
  const { userId, role } = parsed.data;
  return withTransaction(async (tx) => {
    // One role change at a time: two admins demoting each other at once cannot leave zero admins.
    await lockKey(tx, "roles", "all");
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, email: true } });
    if (!target) return fail("notFound", undefined, 404);
    if (target.role === role) return ok({ id: target.id, role });
    if (target.role === Role.ADMIN && role !== Role.ADMIN) {
      const admins = await tx.user.count({ where: { role: Role.ADMIN } });
      if (admins <= 1) return fail("lastAdmin", undefined, 409);
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    // The person signs in again under the new role: every session they had ends now.
    await endAllSessions(tx, userId);
    await recordAudit(tx, { actorId: actor.id, action: "role.change", entityType: "User", entityId: userId, details: { email: target.email, from: target.role, to: role } });
    return ok({ id: userId, role });
  });
}
