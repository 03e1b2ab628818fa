// balance: publishing decisions under the consultation's group caps, the held queue and its release.
// Every function that may publish runs under lockKey(BALANCE_LOCK, consultationId), so counts cannot race.
import "server-only";
import type { Tx } from "../db/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import type { StakeholderGroup } from "../db/generated/enums";
import { notify, MY_CONTRIBUTIONS_PATH } from "../notifications/service";
import { excerpt } from "../notifications/kinds";
import { notifyReplyPublished } from "../comments/notify";
import { BALANCE_LOCK, getBalancePolicy, type Policy } from "./policy";
import { fitsGroupCap, releasableInArrivalOrder, totalOf, type GroupCap, type GroupCounts } from "./rules";

export type InputKind = "SUBMISSION" | "COMMENT";

export function capOf(policy: Policy, kind: InputKind): GroupCap {
  return kind === "SUBMISSION"
    ? { maxGroupShare: policy.maxGroupShare, minSample: policy.minSample }
    : { maxGroupShare: policy.commentMaxGroupShare, minSample: policy.commentMinSample };
}

/** Takes the consultation's balance lock for the rest of the transaction. */
export async function lockBalance(tx: Tx, consultationId: string): Promise<void> {
  await lockKey(tx, BALANCE_LOCK, consultationId);
}

/**
 * Published inputs per group, as the caps count them: every one, or (policy.countVerifiedOnly) only those whose group
 * was verified when they were sent.
 */
export async function publishedGroupCounts(tx: Tx, consultationId: string, kind: InputKind, policy?: Policy): Promise<GroupCounts> {
  const verifiedOnly = (policy ?? (await getBalancePolicy(tx, consultationId))).countVerifiedOnly;
  const where = { consultationId, status: "PUBLISHED" as const, ...(verifiedOnly ? { groupVerified: true } : {}) };
  const rows =
    kind === "SUBMISSION"
      ? await tx.submission.groupBy({ by: ["stakeholderGroup"], where, _count: { _all: true } })
      : await tx.comment.groupBy({ by: ["stakeholderGroup"], where, _count: { _all: true } });
  const counts: GroupCounts = {};
  for (const row of rows) counts[row.stakeholderGroup] = row._count._all;
  return counts;
}

/** Whether an input takes part in the group caps: always, or only when its group was verified (countVerifiedOnly). */
export function countsTowardCaps(policy: Policy, verified: boolean): boolean {
  return !policy.countVerifiedOnly || verified;
}

/**
 * Whether one more published input of this group keeps the consultation within its cap. `verified`: the input's
 * snapshot says its group was verified; under countVerifiedOnly an unverified input is outside the caps (published
 * once moderated, never held, counted apart).
 * The caller must hold the balance lock (lockBalance) in the same transaction, and must write the result
 * in that transaction, or two requests could both see room for one.
 */
export async function decidePublication(tx: Tx, consultationId: string, kind: InputKind, group: StakeholderGroup, verified: boolean): Promise<"PUBLISHED" | "HELD_FOR_BALANCE"> {
  const policy = await getBalancePolicy(tx, consultationId);
  if (!countsTowardCaps(policy, verified)) return "PUBLISHED";
  const counts = await publishedGroupCounts(tx, consultationId, kind, policy);
  return fitsGroupCap(counts, group, capOf(policy, kind)) ? "PUBLISHED" : "HELD_FOR_BALANCE";
}

/**
 * Once a consultation's contributions phase has closed, no input can arrive any more, so what is left to publish (a
 * backlog of imported letters, inputs still waiting at the deadline) is judged against the round as a whole: a group
 * is over balance when its share of everything published or waiting exceeds the cap. Every input of that group is
 * then flagged alike, whatever order the secretariat publishes them in; those of other groups are not flagged.
 * Null while the phase is open (the ordinary cap applies). The caller holds the balance lock.
 */
export async function closedRoundDecision(tx: Tx, consultationId: string, group: StakeholderGroup, verified: boolean): Promise<{ overBalance: boolean } | null> {
  const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { contributionsCloseAt: true } });
  const now = await databaseNow(tx);
  if (!consultation?.contributionsCloseAt || now < consultation.contributionsCloseAt) return null;
  const policy = await getBalancePolicy(tx, consultationId);
  if (!countsTowardCaps(policy, verified)) return { overBalance: false };
  const rows = await tx.submission.groupBy({
    by: ["stakeholderGroup"],
    where: { consultationId, status: { in: ["PUBLISHED", "PENDING", "HELD_FOR_BALANCE"] }, ...(policy.countVerifiedOnly ? { groupVerified: true } : {}) },
    _count: { _all: true },
  });
  const counts: GroupCounts = {};
  for (const row of rows) counts[row.stakeholderGroup] = row._count._all;
  const cap = capOf(policy, "SUBMISSION");
  const total = totalOf(counts);
  if (group === "UNCLASSIFIED" || total < cap.minSample) return { overBalance: false };
  return { overBalance: (counts[group] ?? 0) / total > cap.maxGroupShare + 1e-9 };
}

/**
 * For the comments concern: the initial status of a comment created under POST moderation. Takes the balance lock,
 * so call it inside the transaction that creates the comment.
 */
export async function decideCommentPublication(tx: Tx, consultationId: string, group: StakeholderGroup, verified: boolean): Promise<"PUBLISHED" | "HELD_FOR_BALANCE"> {
  await lockBalance(tx, consultationId);
  return decidePublication(tx, consultationId, "COMMENT", group, verified);
}

export interface SettleOutcome {
  released: number;
  publishedOverBalance: number;
}

/**
 * Brings the held queue up to date (idempotent; safe to call on every page load and after every moderation action):
 * - once a phase has closed, every held input of that kind is published, flagged overBalance: nothing accepted is lost;
 * - otherwise held inputs are released, in arrival order, as far as the caps now allow.
 * Must run with the balance lock held (settleBalanceInTx) or through settleBalance.
 */
export async function settleBalanceInTx(tx: Tx, consultationId: string): Promise<SettleOutcome> {
  const consultation = await tx.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, contributionsCloseAt: true, commentsCloseAt: true },
  });
  if (!consultation) return { released: 0, publishedOverBalance: 0 };
  const policy = await getBalancePolicy(tx, consultationId);
  const now = await databaseNow(tx);
  const outcome: SettleOutcome = { released: 0, publishedOverBalance: 0 };

  // Submissions.
  const heldSubmissions = await tx.submission.findMany({
    where: { consultationId, status: "HELD_FOR_BALANCE" },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, stakeholderGroup: true, groupVerified: true, authorId: true, title: true, reference: true, version: true },
  });
  if (heldSubmissions.length > 0) {
    const closed = consultation.contributionsCloseAt !== null && now >= consultation.contributionsCloseAt;
    // Held before the policy turned to verified-only counting: an unverified input is outside the caps now.
    const outside = heldSubmissions.filter((s) => !countsTowardCaps(policy, s.groupVerified)).map((s) => s.id);
    const toPublish = closed
      ? heldSubmissions.map((s) => s.id)
      : [
          ...outside,
          ...releasableInArrivalOrder(
            heldSubmissions.filter((s) => countsTowardCaps(policy, s.groupVerified)).map((s) => ({ id: s.id, group: s.stakeholderGroup })),
            await publishedGroupCounts(tx, consultationId, "SUBMISSION", policy),
            capOf(policy, "SUBMISSION"),
          ),
        ];
    const ids = new Set(toPublish);
    for (const s of heldSubmissions.filter((h) => ids.has(h.id))) {
      // Conditional on the held version read above: an author's edit committed since then (back to moderation)
      // must not be published unreviewed.
      const updated = await tx.submission.updateMany({
        where: { id: s.id, status: "HELD_FOR_BALANCE", version: s.version },
        data: { status: "PUBLISHED", publishedAt: now, overBalance: closed ? true : undefined, version: { increment: 1 } },
      });
      if (updated.count !== 1) {
        ids.delete(s.id);
        continue;
      }
      await tx.moderationEvent.create({
        data: {
          targetType: "SUBMISSION", submissionId: s.id, actorId: null, createdAt: now,
          action: closed ? "PUBLISH_OVER_BALANCE" : "RELEASE_FROM_HOLD",
          fromStatus: "HELD_FOR_BALANCE", toStatus: "PUBLISHED",
          reason: closed ? "phaseClosed" : null, metadata: { automatic: true },
        },
      });
      await notify(tx, { userId: s.authorId, kind: "released", params: { target: "SUBMISSION", title: s.title, reference: s.reference }, link: `${MY_CONTRIBUTIONS_PATH}/${s.id}` });
    }
    if (closed) outcome.publishedOverBalance += ids.size;
    else outcome.released += ids.size;
  }

  // Comments: a comment on a draft follows the draft's comment phase, else the consultation's.
  const heldComments = await tx.comment.findMany({
    where: { consultationId, status: "HELD_FOR_BALANCE" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, stakeholderGroup: true, groupVerified: true, authorId: true, body: true, version: true, draft: { select: { commentsCloseAt: true } } },
  });
  if (heldComments.length > 0) {
    const closedFor = (c: (typeof heldComments)[number]) => {
      const closeAt = c.draft?.commentsCloseAt ?? consultation.commentsCloseAt;
      return closeAt !== null && now >= closeAt;
    };
    const closedIds = new Set(heldComments.filter(closedFor).map((c) => c.id));
    const open = heldComments.filter((c) => !closedIds.has(c.id));
    const counts = await publishedGroupCounts(tx, consultationId, "COMMENT", policy);
    for (const c of heldComments) if (closedIds.has(c.id) && countsTowardCaps(policy, c.groupVerified)) counts[c.stakeholderGroup] = (counts[c.stakeholderGroup] ?? 0) + 1;
    const capped = open.filter((c) => countsTowardCaps(policy, c.groupVerified));
    const released = new Set([
      ...open.filter((c) => !countsTowardCaps(policy, c.groupVerified)).map((c) => c.id),
      ...releasableInArrivalOrder(capped.map((c) => ({ id: c.id, group: c.stakeholderGroup })), counts, capOf(policy, "COMMENT")),
    ]);
    for (const c of heldComments) {
      const over = closedIds.has(c.id);
      if (!over && !released.has(c.id)) continue;
      const updated = await tx.comment.updateMany({
        where: { id: c.id, status: "HELD_FOR_BALANCE", version: c.version },
        data: { status: "PUBLISHED", publishedAt: now, overBalance: over ? true : undefined, version: { increment: 1 } },
      });
      if (updated.count !== 1) {
        closedIds.delete(c.id);
        released.delete(c.id);
        continue;
      }
      await tx.moderationEvent.create({
        data: {
          targetType: "COMMENT", commentId: c.id, actorId: null, createdAt: now,
          action: over ? "PUBLISH_OVER_BALANCE" : "RELEASE_FROM_HOLD",
          fromStatus: "HELD_FOR_BALANCE", toStatus: "PUBLISHED",
          reason: over ? "phaseClosed" : null, metadata: { automatic: true },
        },
      });
      await notify(tx, { userId: c.authorId, kind: "released", params: { target: "COMMENT", title: excerpt(c.body) } });
      await notifyReplyPublished(tx, c.id);
    }
    outcome.publishedOverBalance += closedIds.size;
    outcome.released += released.size;
  }
  return outcome;
}

/** settleBalanceInTx in its own transaction; a no-op (one cheap query) when nothing is held. */
export async function settleBalance(consultationId: string): Promise<SettleOutcome> {
  return withTransaction(async (tx) => {
    const [s, c] = await Promise.all([
      tx.submission.count({ where: { consultationId, status: "HELD_FOR_BALANCE" } }),
      tx.comment.count({ where: { consultationId, status: "HELD_FOR_BALANCE" } }),
    ]);
    if (s + c === 0) return { released: 0, publishedOverBalance: 0 };
    await lockBalance(tx, consultationId);
    return settleBalanceInTx(tx, consultationId);
  });
}

export { excerpt };
