// dispositions: the secretariat answers each comment on a draft version once the next version is published
// (accepted, partly accepted, not accepted, out of scope, answered without a change), with a reason and the paragraph
// of the next version that reflects it. Every answer and every revision is a new row, an audit event and a
// notification to the author; a revision is conditional on the revision (and the comment version) the secretariat saw.
import "server-only";
import { db, type Tx } from "../db/client";
import { databaseNow, isUniqueViolation, withTransaction } from "../db/transaction";
import { CommentStatus } from "../db/generated/enums";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { excerpt } from "../balance/service";
import { notify } from "../notifications/service";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { REASON_REQUIRED, type DispositionKindName } from "./kinds";
import { BulkDispositionSchema, DispositionSchema, type BulkDispositionInput, type DispositionInput, type DispositionTarget, type ParagraphChoice } from "./schema";
import { suggestParagraph } from "./suggest";

export type { Actor };

const forbidden = () => fail("forbidden", undefined, 403);

export interface DispositionOutcome {
  commentId: string;
  revision: number;
  /** false when the answer given is the one already recorded (nothing stored, nobody told) */
  changed: boolean;
}

async function resolveReason(tx: Tx, kind: DispositionKindName, reason: string, templateId: string): Promise<Result<string>> {
  let text = reason;
  if (!text && templateId) {
    const template = await tx.reasonTemplate.findFirst({ where: { id: templateId, kind: "DISPOSITION" } });
    if (!template) return fail("invalidInput", { reason: ["templateUnknown"] });
    text = template.text;
  }
  if (REASON_REQUIRED.has(kind) && !text) return fail("invalidInput", { reason: ["reasonRequired"] });
  return ok(text);
}

const commentSelect = {
  id: true, consultationId: true, draftId: true, parentId: true, status: true, revision: true, authorId: true, body: true,
  anchorId: true, proposedText: true, campaignId: true,
  draftVersion: { select: { id: true, number: true, draftId: true } },
  paragraph: { select: { text: true } },
  draft: { select: { slug: true, consultation: { select: { slug: true } } } },
} as const;

/** The paragraph of the next version the answer points to, resolved and checked. */
async function resolveParagraph(
  tx: Tx,
  choice: ParagraphChoice,
  comment: { anchorId: string | null; proposedText: string | null; paragraph: { text: string } | null },
  nextVersionId: string,
): Promise<Result<{ id: string; number: number } | null>> {
  if (choice === "none") return ok(null);
  if (choice === "suggested") {
    if (comment.anchorId) {
      const same = await tx.paragraph.findUnique({ where: { versionId_anchorId: { versionId: nextVersionId, anchorId: comment.anchorId } }, select: { id: true, number: true } });
      if (same && same.number !== null) return ok({ id: same.id, number: same.number });
    }
    if (!comment.paragraph) return ok(null);
    const candidates = await tx.paragraph.findMany({ where: { versionId: nextVersionId, number: { not: null } }, select: { id: true, anchorId: true, number: true, text: true }, orderBy: { position: "asc" } });
    const best = suggestParagraph({ anchorId: comment.anchorId, paragraphText: comment.paragraph.text, proposedText: comment.proposedText }, candidates);
    return ok(best && best.number !== null ? { id: best.id, number: best.number } : null);
  }
  const chosen = await tx.paragraph.findUnique({ where: { id: choice }, select: { id: true, versionId: true, number: true } });
  if (!chosen || chosen.versionId !== nextVersionId || chosen.number === null) return fail("invalidInput", { paragraph: ["paragraphNotInVersion"] });
  return ok({ id: chosen.id, number: chosen.number });
}

/** The public page where the author finds the comment with its answer. */
async function commentLink(tx: Tx, comment: { id: string; anchorId: string | null; draftId: string | null; draft: { slug: string; consultation: { slug: string } } | null }): Promise<string | null> {
  if (!comment.draft || !comment.draftId) return null;
  const base = `/consultations/${comment.draft.consultation.slug}/drafts/${comment.draft.slug}`;
  if (comment.anchorId) {
    const latest = await tx.draftVersion.findFirst({ where: { draftId: comment.draftId }, orderBy: { number: "desc" }, select: { id: true } });
    const present = latest ? await tx.paragraph.findUnique({ where: { versionId_anchorId: { versionId: latest.id, anchorId: comment.anchorId } }, select: { number: true } }) : null;
    if (present && present.number !== null) return `${base}?p=${encodeURIComponent(comment.anchorId)}#c-${comment.id}`;
  }
  return `${base}#c-${comment.id}`;
}

interface Scope {
  /** when set, the comment must be on this draft version (bulk answers from one version's working view) */
  versionId?: string;
  campaignId?: string | null;
}

async function applyDisposition(actor: Actor, input: ReturnType<typeof DispositionSchema.parse>, scope: Scope = {}): Promise<Result<DispositionOutcome>> {
  try {
    return await withTransaction(async (tx): Promise<Result<DispositionOutcome>> => {
      const reason = await resolveReason(tx, input.kind, input.reason, input.templateId);
      if (!reason.ok) return reason;
      const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: commentSelect });
      if (!comment || !comment.draftVersion || !comment.draftId) return fail("notFound", undefined, 404);
      if (scope.versionId && comment.draftVersion.id !== scope.versionId) return fail("notFound", undefined, 404);
      // Answers go to what the public reads: published comments that open a thread (replies are part of the discussion).
      if (comment.parentId !== null || comment.status !== CommentStatus.PUBLISHED) return fail("notDisposable", undefined, 409);
      const next = await tx.draftVersion.findUnique({
        where: { draftId_number: { draftId: comment.draftVersion.draftId, number: comment.draftVersion.number + 1 } },
        select: { id: true, number: true },
      });
      if (!next) return fail("noNextVersion", undefined, 409);
      if (comment.revision !== input.commentRevision) return fail("commentChanged", undefined, 409);
      const paragraph = await resolveParagraph(tx, input.paragraph, comment, next.id);
      if (!paragraph.ok) return paragraph;

      const current = await tx.commentDisposition.findFirst({ where: { commentId: comment.id, current: true }, include: { paragraph: { select: { number: true } } } });
      if ((current?.revision ?? 0) !== input.expectedRevision) return fail("dispositionChanged", undefined, 409);
      const paragraphId = paragraph.data?.id ?? null;
      if (current && current.kind === input.kind && current.reason === reason.data && current.paragraphId === paragraphId && current.commentRevision === comment.revision) {
        return ok({ commentId: comment.id, revision: current.revision, changed: false });
      }
      if (current) {
        // Of two secretaries revising at once, one retires the row; the other finds nothing to retire.
        const retired = await tx.commentDisposition.updateMany({ where: { id: current.id, current: true }, data: { current: false } });
        if (retired.count !== 1) return fail("dispositionChanged", undefined, 409);
      }
      const revision = input.expectedRevision + 1;
      const now = await databaseNow(tx);
      await tx.commentDisposition.create({
        data: { commentId: comment.id, revision, current: true, commentRevision: comment.revision, kind: input.kind, reason: reason.data, paragraphId, actorId: actor.id, createdAt: now },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: current ? "disposition.revise" : "disposition.record",
        entityType: "Comment",
        entityId: comment.id,
        consultationId: comment.consultationId,
        details: {
          draftId: comment.draftId, version: comment.draftVersion.number, revision, commentRevision: comment.revision,
          kind: input.kind, reason: reason.data, paragraph: paragraph.data ? { version: next.number, number: paragraph.data.number } : null,
          previous: current ? { kind: current.kind, reason: current.reason, paragraph: current.paragraph?.number ?? null } : null,
          ...(scope.campaignId ? { campaignId: scope.campaignId } : {}),
        },
      });
      await notify(tx, {
        userId: comment.authorId,
        kind: "disposition",
        params: { target: "COMMENT", title: excerpt(comment.body), reason: reason.data || null, disposition: input.kind, revised: current !== null },
        link: await commentLink(tx, { ...comment, draftId: comment.draftId }),
      });
      return ok({ commentId: comment.id, revision, changed: true });
    });
  } catch (error) {
    // Two first answers at once: the unique (comment, revision) lets one in.
    if (isUniqueViolation(error)) return fail("dispositionChanged", undefined, 409);
    throw error;
  }
}

/** Records (or revises) the answer to one comment. Secretariat only. */
export async function recordDisposition(actor: Actor | null, raw: DispositionInput): Promise<Result<DispositionOutcome>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = DispositionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  return applyDisposition(actor, parsed.data);
}

export interface BulkDispositionSummary {
  done: number;
  unchanged: number;
  conflicts: { commentId: string; error: string; by: string | null }[];
  failed: number;
}

/** Who answered the comment last, for "already answered by …" messages. */
async function lastAnsweredBy(commentId: string): Promise<string | null> {
  const row = await db.commentDisposition.findFirst({ where: { commentId, current: true }, select: { actor: { select: { name: true } } } });
  return row?.actor?.name ?? null;
}

/**
 * The same answer to many comments of one version: the rows selected and every member of the selected campaigns
 * (near-identical comments, lib/moderation/campaigns) on that version. Each comment is its own transaction, so a
 * conflict on one never undoes the others; each gets its own row, audit event and notification.
 */
export async function recordDispositions(actor: Actor | null, raw: BulkDispositionInput): Promise<Result<BulkDispositionSummary>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = BulkDispositionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { versionId, kind, reason, templateId, paragraph } = parsed.data;
  if (REASON_REQUIRED.has(kind) && !reason && !templateId) return fail("invalidInput", { reason: ["reasonRequired"] });
  const version = await db.draftVersion.findUnique({ where: { id: versionId }, select: { id: true } });
  if (!version) return fail("notFound", undefined, 404);

  const targets = new Map<string, DispositionTarget & { campaignId: string | null }>();
  for (const t of parsed.data.targets) targets.set(t.commentId, { ...t, campaignId: null });
  for (const campaignId of parsed.data.campaigns) {
    const members = await db.comment.findMany({
      where: { campaignId, draftVersionId: versionId, parentId: null, status: CommentStatus.PUBLISHED },
      select: { id: true, revision: true, dispositions: { where: { current: true }, select: { revision: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 5000,
    });
    for (const m of members) {
      if (!targets.has(m.id)) targets.set(m.id, { commentId: m.id, commentRevision: m.revision, expectedRevision: m.dispositions[0]?.revision ?? 0, campaignId });
    }
  }

  const summary: BulkDispositionSummary = { done: 0, unchanged: 0, conflicts: [], failed: 0 };
  for (const target of targets.values()) {
    const result = await applyDisposition(actor, { ...target, kind, reason, templateId, paragraph }, { versionId, campaignId: target.campaignId });
    if (result.ok) {
      if (result.data.changed) summary.done++;
      else summary.unchanged++;
    } else if (result.status === 409 || result.status === 404) {
      summary.conflicts.push({ commentId: target.commentId, error: result.error, by: result.error === "dispositionChanged" ? await lastAnsweredBy(target.commentId) : null });
    } else if (result.status === 400 && result.fieldErrors) {
      // The same answer goes to every comment: an input error (unknown template, paragraph of another version) is everyone's.
      if (summary.done === 0 && summary.unchanged === 0) return result;
      summary.failed++;
    } else {
      summary.failed++;
    }
  }
  return ok(summary);
}

export type DispositionRevision = Awaited<ReturnType<typeof revisionsOf>>[number];

function revisionsOf(commentIds: string[]) {
  return db.commentDisposition.findMany({
    where: { commentId: { in: commentIds } },
    orderBy: [{ commentId: "asc" }, { revision: "desc" }],
    include: { actor: { select: { name: true } }, paragraph: { select: { number: true } } },
  });
}

/** Every revision of the answers to these comments, newest first, with who gave them (secretariat views). */
export async function dispositionHistory(actor: Actor | null, commentIds: string[]): Promise<Map<string, DispositionRevision[]>> {
  const out = new Map<string, DispositionRevision[]>();
  if (!actor || !hasRole(actor, "SECRETARIAT") || commentIds.length === 0) return out;
  for (const row of await revisionsOf(commentIds)) out.set(row.commentId, [...(out.get(row.commentId) ?? []), row]);
  return out;
}
