// identity: a participant's declared stakeholder group, its changes (audited, one per 30 days) and its verification by
// the secretariat (claims with evidence, approved or refused with a reason, audited). What an input records about its
// group is taken from here when it is sent (./snapshot.ts) and never rewritten afterwards.
import "server-only";
import { db, type Tx } from "../db/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { nextGroupChangeAt } from "./rules";
import { ClaimDecisionSchema, GroupClaimSchema } from "./schema";

export type { Actor };

/** Every change of one person's group (their own, a claim's approval) runs under this lock. */
async function lockPerson(tx: Tx, userId: string): Promise<void> {
  await lockKey(tx, "stakeholder-group", userId);
}

/**
 * Changes the participant's declared group inside the caller's transaction (the profile form). Nothing happens when
 * the group is the same. A change resets the group's verification, is audited, and is refused within 30 days of the
 * previous one: a change sooner goes through a claim the secretariat approves. Past inputs keep their snapshot.
 */
export async function changeDeclaredGroup(tx: Tx, userId: string, group: StakeholderGroup): Promise<Result<{ changed: boolean }>> {
  await lockPerson(tx, userId);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { stakeholderGroup: true, groupVerifiedAt: true, groupChangedAt: true } });
  if (!user) return fail("forbidden", undefined, 403);
  if (user.stakeholderGroup === group) return ok({ changed: false });
  const now = await databaseNow(tx);
  const next = nextGroupChangeAt(user.groupChangedAt, now);
  if (next) return fail("groupChangeTooSoon", { stakeholderGroup: ["groupChangeTooSoon"] }, 429, { params: { date: next.toISOString() } });
  await tx.user.update({ where: { id: userId }, data: { stakeholderGroup: group, groupVerifiedAt: null, groupChangedAt: now } });
  // A pending claim for the group left behind no longer says anything about the person.
  await tx.stakeholderGroupClaim.updateMany({ where: { userId, status: "PENDING", stakeholderGroup: { not: group } }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
  await recordAudit(tx, {
    actorId: userId, action: "identity.group.change", entityType: "User", entityId: userId,
    details: { from: user.stakeholderGroup, to: group, wasVerified: user.groupVerifiedAt !== null, via: "profile" },
  });
  return ok({ changed: true });
}

export interface GroupStanding {
  stakeholderGroup: StakeholderGroup;
  verifiedAt: Date | null;
  /** when the participant may change their group themselves again (null: now) */
  nextChangeAt: Date | null;
  /** the latest claim, whatever its state */
  latestClaim: { id: string; stakeholderGroup: StakeholderGroup; status: string; reason: string | null; createdAt: Date; decidedAt: Date | null } | null;
}

/** For the profile page: the declared group, whether it is verified, when it may change, the latest claim. */
export async function groupStanding(userId: string): Promise<GroupStanding | null> {
  const [user, claim, now] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { stakeholderGroup: true, groupVerifiedAt: true, groupChangedAt: true } }),
    db.stakeholderGroupClaim.findFirst({
      where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, stakeholderGroup: true, status: true, reason: true, createdAt: true, decidedAt: true },
    }),
    databaseNow(db),
  ]);
  if (!user) return null;
  return { stakeholderGroup: user.stakeholderGroup, verifiedAt: user.groupVerifiedAt, nextChangeAt: nextGroupChangeAt(user.groupChangedAt, now), latestClaim: claim };
}

/**
 * A participant asks the secretariat to verify a stakeholder group (their declared one, or another one they move to
 * once it is approved), with evidence. One pending claim at a time; a claim for the group already verified is refused.
 */
export async function fileGroupClaim(actor: Actor | null, raw: unknown): Promise<Result<{ id: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = GroupClaimSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    await lockPerson(tx, actor.id);
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { stakeholderGroup: true, groupVerifiedAt: true } });
    if (!user) return fail("signInRequired", undefined, 401);
    if (user.groupVerifiedAt && user.stakeholderGroup === input.stakeholderGroup) return fail("alreadyVerified", { form: ["alreadyVerified"] }, 409);
    const pending = await tx.stakeholderGroupClaim.findFirst({ where: { userId: actor.id, status: "PENDING" }, select: { id: true } });
    if (pending) return fail("claimPending", { form: ["claimPending"] }, 409);
    const now = await databaseNow(tx);
    const claim = await tx.stakeholderGroupClaim.create({
      data: { userId: actor.id, stakeholderGroup: input.stakeholderGroup, evidence: input.evidence, link: input.link ?? null, createdAt: now },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: "identity.claim.file", entityType: "StakeholderGroupClaim", entityId: claim.id,
      details: { group: input.stakeholderGroup, declared: user.stakeholderGroup },
    });
    return ok({ id: claim.id });
  });
}

/** The participant withdraws their pending claim. */
export async function withdrawGroupClaim(actor: Actor | null, claimId: string): Promise<Result<{ id: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  return withTransaction(async (tx) => {
    const updated = await tx.stakeholderGroupClaim.updateMany({ where: { id: claimId, userId: actor.id, status: "PENDING" }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (updated.count !== 1) return fail("notFound", undefined, 404);
    await recordAudit(tx, { actorId: actor.id, action: "identity.claim.withdraw", entityType: "StakeholderGroupClaim", entityId: claimId });
    return ok({ id: claimId });
  });
}

export interface PendingClaim {
  id: string;
  version: number;
  stakeholderGroup: StakeholderGroup;
  evidence: string;
  link: string | null;
  createdAt: Date;
  user: { id: string; name: string; email: string; stakeholderGroup: StakeholderGroup; groupVerifiedAt: Date | null; country: string; organisation: string | null };
  /** earlier decisions on this person's claims */
  history: { stakeholderGroup: StakeholderGroup; status: string; reason: string | null; decidedAt: Date | null }[];
}

export const CLAIMS_PAGE = 50;

/** The secretariat's claims queue: pending claims, oldest first, with the evidence and the person's earlier claims. */
export async function listPendingClaims(actor: Actor | null): Promise<{ claims: PendingClaim[]; total: number } | null> {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  const [rows, total] = await Promise.all([
    db.stakeholderGroupClaim.findMany({
      where: { status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CLAIMS_PAGE,
      select: {
        id: true, version: true, stakeholderGroup: true, evidence: true, link: true, createdAt: true,
        user: {
          select: {
            id: true, name: true, email: true, stakeholderGroup: true, groupVerifiedAt: true, country: true, organisation: { select: { name: true } },
            groupClaims: { where: { status: { in: ["APPROVED", "REFUSED"] } }, orderBy: { createdAt: "desc" }, take: 5, select: { stakeholderGroup: true, status: true, reason: true, decidedAt: true } },
          },
        },
      },
    }),
    db.stakeholderGroupClaim.count({ where: { status: "PENDING" } }),
  ]);
  return {
    total,
    claims: rows.map((r) => ({
      id: r.id, version: r.version, stakeholderGroup: r.stakeholderGroup, evidence: r.evidence, link: r.link, createdAt: r.createdAt,
      user: { id: r.user.id, name: r.user.name, email: r.user.email, stakeholderGroup: r.user.stakeholderGroup, groupVerifiedAt: r.user.groupVerifiedAt, country: r.user.country, organisation: r.user.organisation?.name ?? null },
      history: r.user.groupClaims,
    })),
  };
}

/**
 * The secretariat approves or refuses a claim (a reason is required to refuse), conditional on the version it saw.
 * Approving verifies the claimed group, changing the declared group to it if needed (the secretariat's approval lifts
 * the 30-day limit). Nobody decides their own claim. Audited; the person's past inputs keep their snapshots.
 */
export async function decideGroupClaim(actor: Actor | null, raw: unknown): Promise<Result<{ id: string; status: "APPROVED" | "REFUSED" }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = ClaimDecisionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    const found = await tx.stakeholderGroupClaim.findUnique({ where: { id: input.claimId }, select: { userId: true } });
    if (!found) return fail("notFound", undefined, 404);
    if (found.userId === actor.id) return fail("ownClaim", { form: ["ownClaim"] }, 403);
    await lockPerson(tx, found.userId);
    const claim = await tx.stakeholderGroupClaim.findUnique({ where: { id: input.claimId }, select: { id: true, userId: true, status: true, version: true, stakeholderGroup: true } });
    if (!claim) return fail("notFound", undefined, 404);
    if (claim.status !== "PENDING" || claim.version !== input.version) return fail("claimChanged", { form: ["claimChanged"] }, 409, { params: { status: claim.status } });
    const now = await databaseNow(tx);
    const status = input.decision === "approve" ? ("APPROVED" as const) : ("REFUSED" as const);
    const updated = await tx.stakeholderGroupClaim.updateMany({
      where: { id: claim.id, status: "PENDING", version: claim.version },
      data: { status, reason: input.reason || null, decidedById: actor.id, decidedAt: now, version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail("claimChanged", { form: ["claimChanged"] }, 409);
    const user = await tx.user.findUniqueOrThrow({ where: { id: claim.userId }, select: { stakeholderGroup: true } });
    if (status === "APPROVED") {
      const changes = user.stakeholderGroup !== claim.stakeholderGroup;
      await tx.user.update({
        where: { id: claim.userId },
        data: { stakeholderGroup: claim.stakeholderGroup, groupVerifiedAt: now, ...(changes ? { groupChangedAt: now } : {}) },
      });
      if (changes) {
        await recordAudit(tx, {
          actorId: actor.id, action: "identity.group.change", entityType: "User", entityId: claim.userId,
          details: { from: user.stakeholderGroup, to: claim.stakeholderGroup, via: "claim", claimId: claim.id },
        });
      }
    }
    await recordAudit(tx, {
      actorId: actor.id, action: status === "APPROVED" ? "identity.claim.approve" : "identity.claim.refuse", entityType: "StakeholderGroupClaim", entityId: claim.id,
      details: { userId: claim.userId, group: claim.stakeholderGroup, declared: user.stakeholderGroup, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return ok({ id: claim.id, status });
  });
}
