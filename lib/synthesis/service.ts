// synthesis: the secretariat builds the synthesis draft of a consultation (a background job with progress), edits
// it in the browser (rewrite, merge, split, move, reorder, set aside; kept and replayed on every regeneration), saves
// numbered snapshots that freeze the edited text, publishes one, and anybody downloads the published one as md, docx
// or html.
//
// API for other concerns (see also lib/synthesis/README.md):
// - citationsOfSubmission(submissionId): the paragraphs of the live draft and of the latest published snapshot that
//   cite a submission, or the reason it was set aside (issue 16, "what became of my contribution").
// - SynthesisCitation rows: every statement of every input behind each point (pointKey = SynthesisPoint.key), and
//   SynthesisPoint rows: each point's number, section and text as edited. Both are rewritten by builds and edits.
// - lib/synthesis/inputs.ts: the input side (SynthesisInputSource); other kinds of input plug in there (issue 12).
import "server-only";
import { db, type Tx } from "../db/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { enqueueJob } from "../jobs/queue";
import { hasRole } from "../auth/session-roles";
import type { Prisma } from "../db/generated/client";
import { fail, ok, type Result } from "../result";
import { synthesisFingerprint } from "./cache";
import { liveAnnexEntry, mirrorPoints, openLiveDraft, readGenerated, readLiveModel } from "./draft";
import type { AnnexSource } from "./annex";
import { EditPayloadSchema } from "./edits";
import { SynthesisModelSchema, type SynthesisFormatName, type SynthesisModel } from "./model";
import { renderMarkdown, type RenderOptions } from "./render-markdown";
import { renderSynthesis } from "./render";
import { ExportQuerySchema, SetAsideSchema, SnapshotNumberSchema, SynthesisSettingsSchema } from "./schema";
import { fieldErrorsOf } from "../result";
import type { Actor } from "../auth/session-roles";

export type { Actor };

const forbidden = () => fail("forbidden", undefined, 403);
const notFound = () => fail("notFound", undefined, 404);

export const CONTENT_TYPES: Record<SynthesisFormatName, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

async function consultationBySlug(client: Tx, slug: string) {
  return client.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
}

export interface BuildStatus {
  status: "NONE" | "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  phase: string;
  done: number;
  total: number;
  error: string | null;
  /** the inputs changed since the draft was built */
  stale: boolean;
  generation: number;
}

/** Where the live draft's build stands, and whether the inputs changed since. Secretariat only. */
export async function getBuildStatus(actor: Actor | null, slug: string): Promise<Result<BuildStatus>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  // Not the generated document: the page polls this while a build runs.
  const build = await db.synthesisBuild.findUnique({
    where: { consultationId: consultation.id },
    select: { status: true, phase: true, done: true, total: true, error: true, fingerprint: true, generation: true },
  });
  if (!build) return ok({ status: "NONE", phase: "none", done: 0, total: 0, error: null, stale: true, generation: 0 });
  const fingerprint = build.fingerprint ? await synthesisFingerprint(db, consultation.id) : null;
  // A build stored before the annex became rows has no fingerprint (its migration cleared the document): stale.
  return ok({ status: build.status, phase: build.phase, done: build.done, total: build.total, error: build.error, stale: build.generation === 0 || !build.fingerprint || fingerprint !== build.fingerprint, generation: build.generation });
}

/** Asks the job queue to (re)build the live draft from the inputs as they stand. Audited; one waiting job at a time. */
export async function requestSynthesisBuild(actor: Actor | null, slug: string): Promise<Result<{ queued: true }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  await withTransaction(async (tx) => {
    const now = await databaseNow(tx);
    await tx.synthesisBuild.upsert({
      where: { consultationId: consultation.id },
      create: { consultationId: consultation.id, status: "QUEUED", phase: "queued", requestedById: actor.id, requestedAt: now },
      update: { status: "QUEUED", phase: "queued", done: 0, total: 0, error: null, requestedById: actor.id, requestedAt: now },
    });
    await enqueueJob(tx, "synthesis.build", { consultationId: consultation.id }, { jobKey: `synthesis.build:${consultation.id}` });
    await recordAudit(tx, { actorId: actor.id, action: "synthesis.build", entityType: "Consultation", entityId: consultation.id, consultationId: consultation.id, details: {} });
  });
  return ok({ queued: true });
}

/** The live draft with the secretariat's edits (null before the first build). Secretariat only. */
export async function getLiveSynthesis(actor: Actor | null, slug: string): Promise<Result<SynthesisModel | null>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  return ok(await readLiveModel(db, consultation.id));
}

export interface SnapshotSummary {
  number: number;
  published: boolean;
  createdAt: Date;
  createdBy: string | null;
}

export async function listSnapshots(actor: Actor | null, slug: string): Promise<Result<SnapshotSummary[]>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const rows = await db.synthesisDraft.findMany({
    where: { consultationId: consultation.id },
    orderBy: { number: "desc" },
    select: { number: true, published: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return ok(rows.map((r) => ({ number: r.number, published: r.published, createdAt: r.createdAt, createdBy: r.createdBy?.name ?? null })));
}

/** A stored snapshot; the secretariat sees any, everybody else only published ones. */
export async function getSnapshot(actor: Actor | null, slug: string, rawNumber: unknown): Promise<Result<{ number: number; published: boolean; model: SynthesisModel }>> {
  const parsed = SnapshotNumberSchema.safeParse(rawNumber);
  if (!parsed.success) return fail("snapshotInvalid", { snapshot: ["snapshotInvalid"] }, 400);
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const secretariat = hasRole(actor, "SECRETARIAT");
  if (!secretariat && consultation.status !== "PUBLISHED") return notFound();
  const row = await db.synthesisDraft.findUnique({
    where: { consultationId_number: { consultationId: consultation.id, number: parsed.data } },
    select: { number: true, published: true, model: true },
  });
  if (!row || (!secretariat && !row.published)) return fail("snapshotNotFound", undefined, 404);
  const parsed2 = SynthesisModelSchema.safeParse(row.model);
  // Snapshots saved before the synthesis model's version 2 keep their Markdown only.
  if (!parsed2.success) return fail("snapshotOutdated", undefined, 410);
  return ok({ number: row.number, published: row.published, model: parsed2.data });
}

/** Builds the draft from the inputs as they stand and stores it as the next numbered snapshot. Audited. */
export async function saveSnapshot(actor: Actor | null, slug: string): Promise<Result<{ number: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  // The draft as the secretariat edited it: the snapshot freezes the edited text.
  const model = await readLiveModel(db, consultation.id);
  if (!model) return fail("notBuilt", undefined, 409);
  const markdown = renderMarkdown(model);
  const number = await withTransaction(async (tx) => {
    await lockKey(tx, "synthesis-snapshot", consultation.id);
    const last = await tx.synthesisDraft.aggregate({ where: { consultationId: consultation.id }, _max: { number: true } });
    const next = (last._max.number ?? 0) + 1;
    const row = await tx.synthesisDraft.create({
      data: { consultationId: consultation.id, number: next, model: model as unknown as Prisma.InputJsonValue, markdown, format: "MD", createdById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: "synthesis.snapshot", entityType: "SynthesisDraft", entityId: row.id, consultationId: consultation.id,
      details: { number: next, submissions: model.counts.submissions, comments: model.counts.comments },
    });
    return next;
  });
  return ok({ number });
}

/** Publishes a snapshot (anybody can then download it) or withdraws its publication. Audited. */
export async function setSnapshotPublished(actor: Actor | null, slug: string, rawNumber: unknown, published: boolean): Promise<Result<{ number: number; published: boolean }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = SnapshotNumberSchema.safeParse(rawNumber);
  if (!parsed.success) return fail("snapshotInvalid", { snapshot: ["snapshotInvalid"] }, 400);
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  return withTransaction(async (tx) => {
    const row = await tx.synthesisDraft.findUnique({ where: { consultationId_number: { consultationId: consultation.id, number: parsed.data } }, select: { id: true, published: true } });
    if (!row) return fail("snapshotNotFound", undefined, 404);
    if (row.published !== published) {
      await tx.synthesisDraft.update({ where: { id: row.id }, data: { published } });
      await recordAudit(tx, {
        actorId: actor.id, action: published ? "synthesis.publish" : "synthesis.unpublish", entityType: "SynthesisDraft", entityId: row.id,
        consultationId: consultation.id, details: { number: parsed.data },
      });
      // Followers hear of it from a job (there may be thousands), enqueued with the publication it announces.
      if (published) {
        await enqueueJob(tx, "notifications.synthesisPublished", { consultationId: consultation.id, number: parsed.data }, { jobKey: `synthesis-published:${consultation.id}:${parsed.data}` });
      }
    }
    return ok({ number: parsed.data, published });
  });
}

export interface SynthesisExport {
  body: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The download behind /api/v1/consultations/{slug}/synthesis. Secretariat: the live draft, or snapshot N.
 * Everybody else: the latest published snapshot (or published snapshot N); 403 while none is published.
 */
export async function exportSynthesis(actor: Actor | null, slug: string, query: { format?: unknown; snapshot?: unknown }, options: RenderOptions): Promise<Result<SynthesisExport>> {
  const parsed = ExportQuerySchema.safeParse(query);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), [i.message]]));
    return fail(parsed.error.issues[0]?.message ?? "invalidInput", fieldErrors, 400);
  }
  const { format, snapshot } = parsed.data;
  const consultation = await consultationBySlug(db, slug);
  const secretariat = hasRole(actor, "SECRETARIAT");
  if (!consultation || (!secretariat && consultation.status !== "PUBLISHED")) return notFound();

  let model: SynthesisModel;
  let annex: AnnexSource | undefined;
  let suffix: string;
  if (snapshot !== undefined) {
    const found = await getSnapshot(actor, slug, snapshot);
    if (!found.ok) return found;
    model = found.data.model;
    suffix = `-${found.data.number}`;
  } else if (secretariat) {
    // Annex I read from its rows a page at a time: a round of 100,000 contributions is never held whole.
    const live = await openLiveDraft(db, consultation.id);
    if (!live) return fail("notBuilt", undefined, 409);
    model = live.model;
    annex = live.annex;
    suffix = "-draft";
  } else {
    const latest = await db.synthesisDraft.findFirst({
      where: { consultationId: consultation.id, published: true },
      orderBy: { number: "desc" },
      select: { number: true, model: true },
    });
    if (!latest) return fail("notPublished", undefined, 403);
    const parsedLatest = SynthesisModelSchema.safeParse(latest.model);
    if (!parsedLatest.success) return fail("snapshotOutdated", undefined, 410);
    model = parsedLatest.data;
    suffix = `-${latest.number}`;
  }
  return ok({
    body: await renderSynthesis(model, format, options, annex),
    contentType: CONTENT_TYPES[format],
    filename: `${consultation.slug}-synthesis${suffix}.${format}`,
  });
}

/** Whether a published snapshot exists, for public pages that offer the download. */
export async function latestPublishedSnapshot(slug: string): Promise<number | null> {
  const row = await db.synthesisDraft.findFirst({
    where: { consultation: { slug, status: "PUBLISHED" }, published: true },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return row?.number ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Editing the live draft

/**
 * One edit of a point of the live draft: rewrite its text, restore the generated text, merge it into another point,
 * split statements off into a new point, move it to another section, move it up or down, set it aside with a reason,
 * reinstate it, or mark it reviewed after its sources changed. Kept with who, when, before and after; audited.
 * `generation` is the build the secretariat was looking at: an edit made on an older build is refused.
 */
export async function editSynthesisPoint(actor: Actor | null, slug: string, pointKey: string, raw: unknown, generation: number): Promise<Result<{ key: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = EditPayloadSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  return withTransaction(async (tx) => {
    await lockKey(tx, "synthesis-edit", consultation.id);
    const build = await tx.synthesisBuild.findUnique({ where: { consultationId: consultation.id }, select: { generation: true, status: true } });
    if (!build || build.generation === 0) return fail("notBuilt", undefined, 409);
    if (build.generation !== generation) return fail("staleDraft", undefined, 409);
    // The points alone: Annex I is not read for an edit.
    const before = await readLiveModel(tx, consultation.id, "none");
    const find = (model: SynthesisModel | null, key: string) =>
      model ? [...model.themes.flatMap((t) => [...t.paragraphs, ...t.further]), ...model.setAside].find((p) => p.key === key) : undefined;
    const point = find(before, pointKey);
    if (!point) return fail("pointNotFound", undefined, 404);
    const payload = parsed.data;
    if (payload.action === "merge" && (payload.into === pointKey || !find(before, payload.into))) return fail("invalidInput", { into: ["targetInvalid"] });
    if (payload.action === "move" && !(before?.themes.some((t) => t.key === payload.section))) return fail("invalidInput", { section: ["sectionInvalid"] });
    const edit = await tx.synthesisEdit.create({
      data: {
        consultationId: consultation.id, pointKey, action: payload.action, payload: payload as unknown as Prisma.InputJsonValue,
        before: { text: point.text, number: point.number } as Prisma.InputJsonValue, after: {}, membersHash: point.membersHash, actorId: actor.id,
      },
    });
    const after = await readLiveModel(tx, consultation.id, "none");
    if (after) await mirrorPoints(tx, consultation.id, after);
    const changed = find(after, payload.action === "merge" ? payload.into : pointKey);
    await tx.synthesisEdit.update({ where: { id: edit.id }, data: { after: { text: changed?.text ?? null, number: changed?.number ?? null } } });
    await recordAudit(tx, {
      actorId: actor.id, action: `synthesis.edit.${payload.action}`, entityType: "SynthesisPoint", entityId: pointKey, consultationId: consultation.id,
      details: { before: point.text, after: changed?.text ?? null },
    });
    return ok({ key: pointKey });
  });
}

export interface EditHistoryEntry {
  pointKey: string;
  action: string;
  actor: string | null;
  createdAt: Date;
  before: string | null;
  after: string | null;
}

/** Every edit of the live draft, newest first. Secretariat only. */
export async function listSynthesisEdits(actor: Actor | null, slug: string): Promise<Result<EditHistoryEntry[]>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const rows = await db.synthesisEdit.findMany({
    where: { consultationId: consultation.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { pointKey: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
  const textOf = (value: unknown) => (typeof value === "object" && value !== null && typeof (value as { text?: unknown }).text === "string" ? (value as { text: string }).text : null);
  return ok(rows.map((r) => ({ pointKey: r.pointKey, action: r.action, actor: r.actor?.name ?? null, createdAt: r.createdAt, before: textOf(r.before), after: textOf(r.after) })));
}

/** Sets a published contribution aside from the synthesis with a reason (or, with reason null, brings it back). */
export async function setSubmissionAside(actor: Actor | null, slug: string, raw: unknown): Promise<Result<{ submissionId: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = SetAsideSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const { submissionId, reason } = parsed.data;
  return withTransaction(async (tx) => {
    const submission = await tx.submission.findFirst({ where: { id: submissionId, consultationId: consultation.id, status: "PUBLISHED" }, select: { id: true, reference: true } });
    if (!submission) return fail("notFound", undefined, 404);
    if (reason === null) await tx.synthesisSetAside.deleteMany({ where: { consultationId: consultation.id, submissionId } });
    else {
      await tx.synthesisSetAside.upsert({
        where: { consultationId_submissionId: { consultationId: consultation.id, submissionId } },
        create: { consultationId: consultation.id, submissionId, reason, actorId: actor.id },
        update: { reason, actorId: actor.id },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id, action: reason === null ? "synthesis.reinstateContribution" : "synthesis.setAsideContribution", entityType: "Submission", entityId: submissionId,
      consultationId: consultation.id, details: { reference: submission.reference, reason },
    });
    return ok({ submissionId });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export async function getSynthesisSettings(actor: Actor | null, slug: string) {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const row = await db.synthesisSettings.findUnique({ where: { consultationId: consultation.id } });
  return ok(row ?? { consultationId: consultation.id, language: "en", bodyPoints: 12, naming: "INTERGOVERNMENTAL" as const, severalFrom: 5, severalShare: 0.15, manyShare: 0.4, manyFrom: 5, version: 0, updatedAt: null });
}

/** Saves how the paper is written (language, body length, naming, quantifiers); conditional on the version read. */
export async function saveSynthesisSettings(actor: Actor | null, slug: string, raw: unknown): Promise<Result<{ version: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = SynthesisSettingsSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  const { version, ...values } = parsed.data;
  return withTransaction(async (tx) => {
    const current = await tx.synthesisSettings.findUnique({ where: { consultationId: consultation.id }, select: { version: true } });
    if ((current?.version ?? 0) !== version) return fail("conflict", undefined, 409);
    const row = current
      ? await tx.synthesisSettings.update({ where: { consultationId: consultation.id }, data: { ...values, version: { increment: 1 } } })
      : await tx.synthesisSettings.create({ data: { consultationId: consultation.id, ...values } });
    await recordAudit(tx, { actorId: actor.id, action: "synthesis.settings", entityType: "Consultation", entityId: consultation.id, consultationId: consultation.id, details: values });
    return ok({ version: row.version });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// For other concerns

export interface SubmissionCitation {
  /** "live": the secretariat's draft; "published": the latest published snapshot */
  document: "live" | "published";
  snapshot: number | null;
  /** paragraph numbers (or section letters for further points) that cite the submission */
  paragraphs: string[];
  /** the reason, when the submission (or every point behind it) was set aside */
  setAside: string | null;
}

/** Which paragraphs of the synthesis cite a submission, or why it was set aside (issue 16). No access check: callers decide. */
export async function citationsOfSubmission(client: Tx, submissionId: string): Promise<SubmissionCitation[]> {
  const submission = await client.submission.findUnique({ where: { id: submissionId }, select: { consultationId: true, reference: true } });
  if (!submission) return [];
  const out: SubmissionCitation[] = [];
  const fromModel = (model: SynthesisModel) => {
    for (const g of model.annexI) for (const c of g.contributors) for (const s of c.submissions) if (s.reference === submission.reference) return s;
    return null;
  };
  const liveEntry = await liveAnnexEntry(client, submission.consultationId, submissionId);
  if (liveEntry) out.push({ document: "live", snapshot: null, paragraphs: liveEntry.paragraphs, setAside: liveEntry.setAside });
  const published = await client.synthesisDraft.findFirst({ where: { consultationId: submission.consultationId, published: true }, orderBy: { number: "desc" }, select: { number: true, model: true } });
  const parsedModel = published ? SynthesisModelSchema.safeParse(published.model) : null;
  if (published && parsedModel?.success) {
    const entry = fromModel(parsedModel.data);
    if (entry) out.push({ document: "published", snapshot: published.number, paragraphs: entry.paragraphs, setAside: entry.setAside });
  }
  return out;
}

export { readGenerated, renderSynthesis };
