// comments: write, reply to, edit and withdraw comments on drafts. Every rule (period, role, length, rate limit,
// idempotency, moderation status) is enforced here, inside one transaction, with the database clock.
import "server-only";
import { isEmailVerified } from "../accounts/service";
import type { Tx } from "../db/client";
import { databaseNow, isUniqueViolation, lockKey, lockRow, withTransaction } from "../db/transaction";
import { CommentStatus, ConsultationStatus, ModerationMode, type Gender, type GroupVerification, type StakeholderGroup, type UnRegion } from "../db/generated/enums";
import { hasRole } from "../auth/session-roles";
import { getBalancePolicy } from "../balance/policy";
import { decideCommentPublication, lockBalance } from "../balance/service";
import { notifyReplyPublished } from "./notify";
import { resolveIdentity } from "../identity/snapshot";
import { commentPeriodState } from "../drafts/period";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { EDITABLE } from "../moderation/statuses";
import { CommentCreateSchema, CommentEditSchema } from "./schema";
import { enqueueDetection } from "../moderation/enqueue";
import { accountLinksOf } from "../moderation/accounts";
import { enqueueSettle } from "../balance/tasks";
import type { Actor } from "../auth/session-roles";

export type { Actor };

/** Who wrote a comment, as they were when they wrote it: later profile edits never rewrite history. */
export interface CommentSnapshot {
  authorId: string;
  authorName: string;
  organisationName: string | null;
  stakeholderGroup: StakeholderGroup;
  groupVerified: boolean;
  groupVerifiedBy: GroupVerification;
  country: string;
  region: UnRegion;
  developing: boolean;
  gender: Gender | null;
  language: string;
  /** accounts the queue groups this author with (lib/moderation/accounts.ts) */
  accountDomain: string | null;
  accountOrganisationId: string | null;
}

export interface StatusContext {
  /** set when an existing comment is being edited */
  editing?: { commentId: string; status: CommentStatus };
}

/**
 * The one place that decides the status a new or edited comment starts in.
 * Pre-moderated consultations queue every comment and every edit, held and published ones included: the text
 * the secretariat approved (or would release from the hold) is not the text now, so it goes back to moderation.
 * Post-moderated ones publish at once, within the balance cap; an edit there keeps its place (held stays held,
 * published stays published).
 */
export async function decideInitialCommentStatus(
  tx: Tx,
  consultation: { id: string; moderationMode: ModerationMode },
  snapshot: CommentSnapshot,
  context: StatusContext = {},
): Promise<CommentStatus> {
  if (consultation.moderationMode !== ModerationMode.POST) return CommentStatus.PENDING;
  if (context.editing?.status === CommentStatus.HELD_FOR_BALANCE) return CommentStatus.HELD_FOR_BALANCE;
  // An edited published comment is already counted among the published: it keeps its place.
  if (context.editing?.status === CommentStatus.PUBLISHED) return CommentStatus.PUBLISHED;
  // Post-moderation publishes at once, unless that would push the author's group over the comment cap.
  return decideCommentPublication(tx, consultation.id, snapshot.stakeholderGroup, snapshot.groupVerified);
}

/** The comment's snapshot: who, as which group (verified or not, by what: lib/identity/snapshot.ts), from where. */
async function snapshotOf(tx: Tx, userId: string): Promise<CommentSnapshot | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { locale: true, organisation: { select: { name: true } } } });
  const identity = await resolveIdentity(tx, userId, "SELF");
  if (!user || !identity) return null;
  const links = await accountLinksOf(tx, userId, null);
  return {
    ...links,
    authorId: userId,
    authorName: identity.contributorName,
    organisationName: user.organisation?.name ?? null,
    stakeholderGroup: identity.stakeholderGroup,
    groupVerified: identity.groupVerified,
    groupVerifiedBy: identity.groupVerifiedBy,
    country: identity.country,
    region: identity.region,
    developing: identity.developing,
    gender: identity.gender,
    language: user.locale,
  };
}

type DraftWithConsultation = {
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
  consultation: { status: ConsultationStatus; commentsOpenAt: Date | null; commentsCloseAt: Date | null };
};

async function assertPeriodOpen(tx: Tx, draft: DraftWithConsultation): Promise<Result<Date>> {
  if (draft.consultation.status !== ConsultationStatus.PUBLISHED) return fail("notFound", undefined, 404);
  const now = await databaseNow(tx);
  if (commentPeriodState(draft, draft.consultation, now) !== "open") return fail("commentsClosed", undefined, 409);
  return ok(now);
}

export interface CreatedComment {
  id: string;
  status: CommentStatus;
  /** true when this was a repeated submit of a comment already stored */
  duplicate: boolean;
}

export async function createComment(actor: Actor | null, raw: unknown): Promise<Result<CreatedComment>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  if (!hasRole(actor, "PARTICIPANT")) return fail("forbidden", undefined, 403);
  const parsed = CommentCreateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx): Promise<Result<CreatedComment>> => {
      // One writer per person at a time: the rate-limit count and the idempotency check below cannot race.
      await lockKey(tx, "comment-rate", actor.id);
      if (!(await isEmailVerified(tx, actor.id))) return fail("emailNotVerified", { form: ["emailNotVerified"] }, 403);
      if (input.idempotencyKey) {
        const existing = await tx.comment.findUnique({ where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } } });
        if (existing) return ok({ id: existing.id, status: existing.status, duplicate: true });
      }
      const draft = await tx.draftDocument.findUnique({ where: { id: input.draftId }, include: { consultation: true } });
      if (!draft) return fail("notFound", undefined, 404);
      const open = await assertPeriodOpen(tx, draft);
      if (!open.ok) return open;
      const now = open.data;
      const latest = await tx.draftVersion.findFirst({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { id: true } });
      if (!latest) return fail("notFound", undefined, 404);

      let target: { draftVersionId: string; paragraphId: string | null; anchorId: string | null; parentId: string | null };
      let proposedText = input.proposedText;
      if (input.parentId) {
        const parent = await tx.comment.findUnique({ where: { id: input.parentId } });
        const visible = parent && (parent.status === CommentStatus.PUBLISHED || parent.authorId === actor.id) && parent.status !== CommentStatus.WITHDRAWN;
        if (!parent || parent.draftId !== draft.id || !visible) return fail("notFound", undefined, 404);
        // Replies thread one level deep: a reply to a reply joins the same thread.
        if (parent.parentId) return fail("invalidInput", { body: ["replyTooDeep"] });
        target = { draftVersionId: parent.draftVersionId ?? latest.id, paragraphId: parent.paragraphId, anchorId: parent.anchorId, parentId: parent.id };
        proposedText = null;
      } else if (input.anchorId) {
        const paragraph = await tx.paragraph.findUnique({ where: { versionId_anchorId: { versionId: latest.id, anchorId: input.anchorId } } });
        if (!paragraph || paragraph.number === null) return fail("paragraphNotFound", undefined, 404);
        target = { draftVersionId: latest.id, paragraphId: paragraph.id, anchorId: paragraph.anchorId, parentId: null };
        // The form starts the proposal from the paragraph's text: unchanged, it is no proposal.
        if (proposedText !== null && proposedText.trim() === paragraph.text.trim()) proposedText = null;
      } else {
        target = { draftVersionId: latest.id, paragraphId: null, anchorId: null, parentId: null };
        proposedText = null;
      }

      const policy = await getBalancePolicy(tx, draft.consultationId);
      const since = new Date(now.getTime() - policy.commentRateWindowMinutes * 60_000);
      // Withdrawn comments count too: deleting and reposting must not reset the limit.
      const recent = await tx.comment.count({ where: { authorId: actor.id, consultationId: draft.consultationId, createdAt: { gt: since } } });
      if (recent >= policy.commentRateLimit) return fail("rateLimited", undefined, 429);
      // The per-person cap, counted under the same per-person lock as the rate limit: two comments sent at once
      // cannot both be the last one allowed. A withdrawn comment frees its place, as a withdrawn contribution does.
      // Rejected and hidden ones free their place too: the secretariat's decision never locks the author out.
      const written = await tx.comment.count({
        where: { authorId: actor.id, consultationId: draft.consultationId, status: { notIn: [CommentStatus.WITHDRAWN, CommentStatus.REJECTED, CommentStatus.HIDDEN] } },
      });
      if (written >= policy.commentMaxPerContributor) {
        return fail("commentCapReached", undefined, 409, { params: { cap: policy.commentMaxPerContributor, count: written } });
      }

      const snapshot = await snapshotOf(tx, actor.id);
      if (!snapshot) return fail("signInRequired", undefined, 401);
      const status = await decideInitialCommentStatus(tx, draft.consultation, snapshot);
      const { authorId, ...snap } = snapshot;
      const comment = await tx.comment.create({
        data: {
          consultationId: draft.consultationId, draftId: draft.id, ...target, authorId, ...snap,
          body: input.body, proposedText, status, idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now, publishedAt: status === CommentStatus.PUBLISHED ? now : null,
        },
      });
      await tx.moderationEvent.create({
        data: { targetType: "COMMENT", commentId: comment.id, actorId: actor.id, action: "SUBMIT", toStatus: status, createdAt: now },
      });
      if (status === CommentStatus.PUBLISHED && target.parentId) await notifyReplyPublished(tx, comment.id);
      await enqueueDetection(tx, "COMMENT", comment.id);
      // Published at once (post-moderation): a larger total can make room for other groups' held comments.
      if (status === CommentStatus.PUBLISHED) await enqueueSettle(tx, draft.consultationId);
      return ok({ id: comment.id, status, duplicate: false });
    });
  } catch (error) {
    if (input.idempotencyKey && isUniqueViolation(error)) {
      return fail("duplicateSubmit", undefined, 409);
    }
    throw error;
  }
}

/** The comment changed since the author's page showed it (a moderator's decision, an edit in another window). */
function changedWhileEditing(status: CommentStatus) {
  return fail("changedWhileEditing", undefined, 409, { params: { status } });
}

/**
 * Authors edit their own comment while the period is open; the previous text is kept in the moderation log.
 * Conditional on the version the author's page showed, with the row locked: of two edits (or an edit and a
 * moderator's decision) one wins and the other gets the conflict message.
 */
export async function editComment(actor: Actor | null, commentId: string, raw: unknown): Promise<Result<{ id: string; status: CommentStatus; version: number }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = CommentEditSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    // The balance lock before the row lock, in the order moderation takes them: an edit that may publish (post-
    // moderation) and a moderator's action on the same comment wait for each other instead of deadlocking.
    const where = await tx.comment.findUnique({ where: { id: commentId }, select: { consultationId: true } });
    if (!where) return fail("notFound", undefined, 404);
    await lockBalance(tx, where.consultationId);
    await lockRow(tx, "Comment", commentId);
    const comment = await tx.comment.findUnique({ where: { id: commentId }, include: { draft: { include: { consultation: true } } } });
    if (!comment || !comment.draft) return fail("notFound", undefined, 404);
    if (comment.authorId !== actor.id) return fail("forbidden", undefined, 403);
    const open = await assertPeriodOpen(tx, comment.draft);
    if (!open.ok) return open;
    if (comment.version !== input.expectedVersion) return changedWhileEditing(comment.status);
    if (!EDITABLE.has(comment.status)) return fail("commentLocked", undefined, 409);
    const snapshot = await snapshotOf(tx, actor.id);
    if (!snapshot) return fail("signInRequired", undefined, 401);
    const status = await decideInitialCommentStatus(tx, comment.draft.consultation, snapshot, { editing: { commentId, status: comment.status } });
    // Proposals belong to top-level comments on a paragraph only.
    const paragraph = comment.paragraphId ? await tx.paragraph.findUnique({ where: { id: comment.paragraphId }, select: { text: true } }) : null;
    const proposedText = paragraph && !comment.parentId && input.proposedText?.trim() !== paragraph.text.trim() ? input.proposedText : null;
    const updated = await tx.comment.updateMany({
      where: { id: commentId, authorId: actor.id, version: comment.version, status: comment.status },
      data: {
        body: input.body, proposedText, status, version: { increment: 1 }, revision: { increment: 1 },
        publishedAt: status === CommentStatus.PUBLISHED ? (comment.publishedAt ?? open.data) : null,
      },
    });
    if (updated.count !== 1) return changedWhileEditing(comment.status);
    await tx.moderationEvent.create({
      data: {
        targetType: "COMMENT", commentId, actorId: actor.id, action: "EDIT", fromStatus: comment.status, toStatus: status, createdAt: open.data,
        metadata: { previousVersion: comment.version, previousRevision: comment.revision, previousBody: comment.body, previousProposedText: comment.proposedText },
      },
    });
    await enqueueDetection(tx, "COMMENT", commentId);
    return ok({ id: commentId, status, version: comment.version + 1 });
  });
}

/**
 * Authors withdraw their own comment while the period is open. Nothing is deleted: the row becomes
 * WITHDRAWN (public pages show a "withdrawn" marker only where replies need their context). Only a comment the
 * author may still change can be withdrawn: a hidden or rejected one keeps the secretariat's decision and notice.
 */
export async function withdrawComment(actor: Actor | null, commentId: string, expectedVersion: number): Promise<Result<{ id: string }>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  return withTransaction(async (tx) => {
    await lockRow(tx, "Comment", commentId);
    const comment = await tx.comment.findUnique({ where: { id: commentId }, include: { draft: { include: { consultation: true } } } });
    if (!comment || !comment.draft) return fail("notFound", undefined, 404);
    if (comment.authorId !== actor.id) return fail("forbidden", undefined, 403);
    if (comment.status === CommentStatus.WITHDRAWN) return ok({ id: commentId });
    const open = await assertPeriodOpen(tx, comment.draft);
    if (!open.ok) return open;
    if (comment.version !== expectedVersion) return changedWhileEditing(comment.status);
    if (!EDITABLE.has(comment.status)) return fail("commentLocked", undefined, 409);
    const updated = await tx.comment.updateMany({
      where: { id: commentId, authorId: actor.id, version: comment.version, status: comment.status },
      data: { status: CommentStatus.WITHDRAWN, version: { increment: 1 } },
    });
    if (updated.count !== 1) return changedWhileEditing(comment.status);
    await tx.moderationEvent.create({
      data: { targetType: "COMMENT", commentId, actorId: actor.id, action: "WITHDRAW", fromStatus: comment.status, toStatus: CommentStatus.WITHDRAWN, createdAt: open.data },
    });
    if (comment.status === CommentStatus.PUBLISHED || comment.status === CommentStatus.HELD_FOR_BALANCE) await enqueueSettle(tx, comment.consultationId);
    return ok({ id: commentId });
  });
}
