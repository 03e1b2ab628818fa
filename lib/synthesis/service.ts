// synthesis: the secretariat builds the synthesis paper from published inputs, saves numbered snapshots, publishes
// one, and anybody downloads the published one (secretariat: the live draft or any snapshot) as md, docx or html.
import { db, type Tx } from "../db/client";
import { lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { enqueueJob } from "../jobs/queue";
import { hasRole } from "../auth/session-roles";
import type { Prisma } from "../db/generated/client";
import { fail, ok, type Result } from "../result";
import { buildSynthesisModel, type BuildOptions } from "./build";
import { cachedModel, synthesisFingerprint } from "./cache";
import { SynthesisModelSchema, type SynthesisFormatName, type SynthesisModel } from "./model";
import { renderDocx } from "./render-docx";
import { renderHtml } from "./render-html";
import { renderMarkdown, type RenderOptions } from "./render-markdown";
import { ExportQuerySchema, SnapshotNumberSchema } from "./schema";
import type { Actor } from "../auth/session-roles";

export type { Actor };

const forbidden = () => fail("forbidden", undefined, 403);
const notFound = () => fail("notFound", undefined, 404);

export const CONTENT_TYPES: Record<SynthesisFormatName, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export async function renderSynthesis(model: SynthesisModel, format: SynthesisFormatName, options: RenderOptions = { baseUrl: "" }): Promise<Buffer> {
  if (format === "docx") return renderDocx(model, options);
  return Buffer.from(format === "html" ? renderHtml(model, options) : renderMarkdown(model, options), "utf8");
}

async function consultationBySlug(client: Tx, slug: string) {
  return client.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
}

/** The live model, rebuilt only when the inputs changed (see cache.ts); custom options always rebuild. */
async function liveModel(consultationId: string, slug: string, options: Partial<BuildOptions> = {}): Promise<SynthesisModel> {
  if (Object.keys(options).length > 0) return buildSynthesisModel(db, slug, options);
  const fingerprint = await synthesisFingerprint(db, consultationId);
  return cachedModel(slug, fingerprint, () => buildSynthesisModel(db, slug));
}

/** The draft as the inputs stand now (not stored). Secretariat only. */
export async function getLiveSynthesis(actor: Actor | null, slug: string, options: Partial<BuildOptions> = {}): Promise<Result<SynthesisModel>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  return ok(await liveModel(consultation.id, slug, options));
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
  return ok({ number: row.number, published: row.published, model: SynthesisModelSchema.parse(row.model) });
}

/** Builds the draft from the inputs as they stand and stores it as the next numbered snapshot. Audited. */
export async function saveSnapshot(actor: Actor | null, slug: string): Promise<Result<{ number: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const consultation = await consultationBySlug(db, slug);
  if (!consultation) return notFound();
  // Built outside the transaction: reading 100,000 inputs must not hold the lock that numbers snapshots.
  // The same model the secretariat is looking at, unless the inputs changed meanwhile.
  const model = await liveModel(consultation.id, slug);
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
  let suffix: string;
  if (snapshot !== undefined) {
    const found = await getSnapshot(actor, slug, snapshot);
    if (!found.ok) return found;
    model = found.data.model;
    suffix = `-${found.data.number}`;
  } else if (secretariat) {
    model = await liveModel(consultation.id, slug);
    suffix = "-draft";
  } else {
    const latest = await db.synthesisDraft.findFirst({
      where: { consultationId: consultation.id, published: true },
      orderBy: { number: "desc" },
      select: { number: true, model: true },
    });
    if (!latest) return fail("notPublished", undefined, 403);
    model = SynthesisModelSchema.parse(latest.model);
    suffix = `-${latest.number}`;
  }
  return ok({
    body: await renderSynthesis(model, format, options),
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
