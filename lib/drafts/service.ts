// drafts: the secretariat creates drafts and publishes versions (paragraphs matched so anchors and comments
// follow the text) and sets each draft's comment period; the public reads drafts, versions and differences.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { databaseNow, isUniqueViolation, lockKey, withTransaction } from "../db/transaction";
import { ConsultationStatus } from "../db/generated/enums";
import { recordAudit } from "../audit/log";
import { enqueueSettle, enqueueSettleAtClose } from "../balance/tasks";
import { hasRole } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { parseDraftMarkdown, type DraftBlock } from "./parse";
import { matchVersions, type ChangeKind } from "./match";
import { sourceFromUpload } from "./docx";
import { DraftCreateSchema, PeriodSchema, VersionSchema } from "./schema";
import type { UploadedFile } from "../files/upload";
import { commentPeriodOf, commentPeriodState } from "./period";
import type { Actor } from "../auth/session-roles";

export type { Actor };

export const MAX_BLOCKS = 3000;

const forbidden = () => fail("forbidden", undefined, 403);

/** The Markdown to use: an uploaded file wins over pasted text. Errors are keyed to the field the person used. */
export async function draftSource(file: UploadedFile | null, pasted: string): Promise<Result<{ source: string; blocks: DraftBlock[] }>> {
  let source = pasted;
  let field = "source";
  if (file && file.bytes.byteLength > 0) {
    const uploaded = await sourceFromUpload(file);
    if (!uploaded.ok) return uploaded;
    source = uploaded.data;
    field = "file";
  }
  source = source.replace(/\r\n?/g, "\n").trim();
  const blocks = parseDraftMarkdown(source);
  if (!blocks.some((b) => b.number !== null)) return fail("invalidInput", { [field]: ["sourceEmpty"] });
  if (blocks.length > MAX_BLOCKS) return fail("invalidInput", { [field]: ["tooManyParagraphs"] });
  return ok({ source, blocks });
}

function anchorFactory(taken: Iterable<string>): () => string {
  const used = new Set(taken);
  return () => {
    for (;;) {
      // 48 random bits, URL-safe: short enough for links to a paragraph, unique within the draft.
      const id = randomBytes(6).toString("base64url");
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

export interface VersionSummary {
  number: number;
  counts: Record<ChangeKind | "REMOVED", number>;
}

/** `file`, when given, is an uploaded Markdown or DOCX document that replaces the pasted source. */
export async function createDraft(actor: Actor, consultationId: string, raw: unknown, file: UploadedFile | null = null): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = DraftCreateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const prepared = await draftSource(file, parsed.data.source);
  if (!prepared.ok) return prepared;
  const { title, slug, note, commentsOpenAt, commentsCloseAt } = parsed.data;
  try {
    const draft = await withTransaction(async (tx) => {
      const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { id: true } });
      if (!consultation) return null;
      const newAnchor = anchorFactory([]);
      const created = await tx.draftDocument.create({
        data: {
          consultationId, slug, title, commentsOpenAt, commentsCloseAt,
          versions: {
            create: {
              number: 1, source: prepared.data.source, note, createdById: actor.id, publishedAt: await databaseNow(tx),
              paragraphs: {
                createMany: {
                  data: prepared.data.blocks.map((b) => ({
                    anchorId: newAnchor(), number: b.number, position: b.position, kind: b.kind, level: b.level, text: b.text, sectionTitle: b.sectionTitle, change: "NEW" as const,
                  })),
                },
              },
            },
          },
        },
      });
      await enqueueSettleAtClose(tx, consultationId, `draft:${created.id}`, commentsCloseAt ?? null);
      await recordAudit(tx, {
        actorId: actor.id, action: "draft.create", entityType: "DraftDocument", entityId: created.id, consultationId,
        details: { slug, title, paragraphs: prepared.data.blocks.filter((b) => b.number !== null).length },
      });
      return created;
    });
    if (!draft) return fail("notFound", undefined, 404);
    return ok({ id: draft.id, slug: draft.slug });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

/** Publishes the next version, matching its paragraphs to the latest one so anchors and comments carry over. */
export async function publishDraftVersion(actor: Actor, draftId: string, raw: unknown, file: UploadedFile | null = null): Promise<Result<VersionSummary>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = VersionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const prepared = await draftSource(file, parsed.data.source);
  if (!prepared.ok) return prepared;
  return withTransaction(async (tx): Promise<Result<VersionSummary>> => {
    // Two secretariat members publishing at once must not both become version N+1 from the same base.
    await lockKey(tx, "draft-version", draftId);
    const draft = await tx.draftDocument.findUnique({ where: { id: draftId }, select: { id: true, consultationId: true } });
    if (!draft) return fail("notFound", undefined, 404);
    const latest = await tx.draftVersion.findFirst({
      where: { draftId }, orderBy: { number: "desc" },
      include: { paragraphs: { orderBy: { position: "asc" }, select: { anchorId: true, kind: true, text: true, number: true, position: true } } },
    });
    if (latest && latest.source.trim() === prepared.data.source) return fail("invalidInput", { source: ["versionUnchanged"] }, 409);
    const allAnchors = await tx.paragraph.findMany({ where: { version: { draftId } }, select: { anchorId: true }, distinct: ["anchorId"] });
    const newAnchor = anchorFactory(allAnchors.map((a) => a.anchorId));
    const { blocks, removed } = matchVersions(latest?.paragraphs ?? [], prepared.data.blocks, newAnchor);
    const number = (latest?.number ?? 0) + 1;
    const version = await tx.draftVersion.create({
      data: {
        draftId, number, source: prepared.data.source, note: parsed.data.note, createdById: actor.id, publishedAt: await databaseNow(tx),
        paragraphs: {
          createMany: {
            data: blocks.map((b) => ({
              anchorId: b.anchorId, number: b.number, position: b.position, kind: b.kind, level: b.level, text: b.text,
              sectionTitle: b.sectionTitle, change: b.change, previousNumber: b.previousNumber,
            })),
          },
        },
      },
    });
    const counts: VersionSummary["counts"] = { NEW: 0, UNCHANGED: 0, EDITED: 0, MOVED: 0, MOVED_EDITED: 0, REMOVED: removed.length };
    for (const b of blocks) counts[b.change]++;
    await recordAudit(tx, {
      actorId: actor.id, action: "draft.publishVersion", entityType: "DraftVersion", entityId: version.id, consultationId: draft.consultationId,
      details: { draftId, number, counts },
    });
    return ok({ number, counts });
  });
}

/** Sets (or clears, to inherit the consultation's comment phase) the draft's own comment period. */
export async function setDraftCommentPeriod(actor: Actor, draftId: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = PeriodSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  return withTransaction(async (tx) => {
    const before = await tx.draftDocument.findUnique({ where: { id: draftId } });
    if (!before) return fail("notFound", undefined, 404);
    await tx.draftDocument.update({ where: { id: draftId }, data: parsed.data });
    await enqueueSettleAtClose(tx, before.consultationId, `draft:${draftId}`, parsed.data.commentsCloseAt ?? null);
    await recordAudit(tx, {
      actorId: actor.id, action: "draft.setCommentPeriod", entityType: "DraftDocument", entityId: draftId, consultationId: before.consultationId,
      details: {
        before: { openAt: before.commentsOpenAt?.toISOString() ?? null, closeAt: before.commentsCloseAt?.toISOString() ?? null },
        after: { openAt: parsed.data.commentsOpenAt?.toISOString() ?? null, closeAt: parsed.data.commentsCloseAt?.toISOString() ?? null },
      },
    });
    return ok({ id: draftId });
  });
}

/** Closes comments now (by the database clock), keeping the opening date. */
export async function closeDraftComments(actor: Actor, draftId: string): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  return withTransaction(async (tx) => {
    const draft = await tx.draftDocument.findUnique({ where: { id: draftId }, include: { consultation: true } });
    if (!draft) return fail("notFound", undefined, 404);
    const now = await databaseNow(tx);
    const period = commentPeriodOf(draft, draft.consultation);
    const openAt = period.openAt && period.openAt < now ? period.openAt : new Date(now.getTime() - 1000);
    await tx.draftDocument.update({ where: { id: draftId }, data: { commentsOpenAt: openAt, commentsCloseAt: now } });
    // Closed now: held comments are published (over balance) as soon as this commits.
    await enqueueSettle(tx, draft.consultationId);
    await recordAudit(tx, { actorId: actor.id, action: "draft.closeComments", entityType: "DraftDocument", entityId: draftId, consultationId: draft.consultationId, details: { at: now.toISOString() } });
    return ok({ id: draftId });
  });
}

const versionListSelect = { id: true, number: true, note: true, publishedAt: true } as const;

export async function listDraftsForAdmin(consultationId: string) {
  return db.draftDocument.findMany({
    where: { consultationId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { versions: true, comments: true } } },
  });
}

export async function getDraftForAdmin(consultationSlug: string, draftSlug: string) {
  const draft = await db.draftDocument.findFirst({
    where: { slug: draftSlug, consultation: { slug: consultationSlug } },
    include: {
      consultation: { select: { id: true, slug: true, title: true, status: true, commentsOpenAt: true, commentsCloseAt: true } },
      versions: { orderBy: { number: "desc" }, select: { ...versionListSelect, source: true, _count: { select: { comments: true } } } },
      _count: { select: { comments: true } },
    },
  });
  if (!draft) return null;
  const changes = await db.paragraph.groupBy({ by: ["versionId", "change"], where: { version: { draftId: draft.id } }, _count: true });
  return { ...draft, changes };
}

/** Drafts of a published consultation with at least one version, and where their comment period stands. */
export async function listPublicDrafts(consultationId: string, now = new Date()) {
  const rows = await db.draftDocument.findMany({
    where: { consultationId, versions: { some: {} }, consultation: { status: ConsultationStatus.PUBLISHED } },
    orderBy: { createdAt: "asc" },
    include: { consultation: { select: { commentsOpenAt: true, commentsCloseAt: true } }, _count: { select: { versions: true } } },
  });
  return rows.map((d) => ({ id: d.id, slug: d.slug, title: d.title, versions: d._count.versions, ...commentPeriodOf(d, d.consultation), state: commentPeriodState(d, d.consultation, now) }));
}

/** A draft of a published consultation, its versions (newest first) and the requested or latest version's paragraphs. */
export async function getPublicDraft(consultationSlug: string, draftSlug: string, versionNumber?: number) {
  const draft = await db.draftDocument.findFirst({
    where: { slug: draftSlug, consultation: { slug: consultationSlug, status: ConsultationStatus.PUBLISHED } },
    include: {
      consultation: { select: { id: true, slug: true, title: true, moderationMode: true, commentsOpenAt: true, commentsCloseAt: true } },
      versions: { orderBy: { number: "desc" }, select: versionListSelect },
    },
  });
  const latest = draft?.versions[0];
  if (!draft || !latest) return null;
  const version = versionNumber === undefined ? latest : draft.versions.find((v) => v.number === versionNumber);
  if (!version) return null;
  const paragraphs = await db.paragraph.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
  return { draft, consultation: draft.consultation, versions: draft.versions, latest, version, paragraphs };
}

export async function getVersionParagraphs(draftId: string, number: number) {
  const version = await db.draftVersion.findUnique({ where: { draftId_number: { draftId, number } }, select: { id: true } });
  if (!version) return null;
  return db.paragraph.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
}
