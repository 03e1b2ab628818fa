// The live draft of a consultation's synthesis: building it (the job's work), storing the generated document, and
// reading it back with the secretariat's edits applied. The SynthesisPoint rows mirror the edited draft (number,
// section, text, set-aside reason) after each build and each edit, and SynthesisCitation holds every statement behind
// each point, so other concerns can ask which paragraphs cite a submission without reading the document.
import type { Tx } from "../db/client";
import { databaseNow } from "../db/transaction";
import type { Prisma } from "../db/generated/client";
import { generateSynthesis, type BuildOptions, type GeneratedDocument, type ProgressReporter } from "./build";
import { applyEdits, EditPayloadSchema, type AnnexCitation, type EditedDraft, type EditRecord } from "./edits";
import { ANNEX_PAGE_SIZE, completeModel, storedAnnexPages, type AnnexSource } from "./annex";
import { synthesisFingerprint } from "./cache";
import type { SynthesisModel } from "./model";

/** Builds the live draft from the inputs as they stand, stores it and mirrors its points. Idempotent. */
export async function buildLiveDraft(client: Tx, slug: string, options: Partial<BuildOptions> & { onProgress?: ProgressReporter; annex?: AnnexMode } = {}): Promise<SynthesisModel> {
  const consultation = await client.consultation.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const fingerprint = await synthesisFingerprint(client, consultation.id);
  const generated = await generateSynthesis(client, slug, options);
  const finishedAt = await databaseNow(client);
  // One JSON text handed to Postgres: the ORM's JSON parameter made several copies of the document (Annex I lists
  // every contribution), which set the build's peak on large rounds.
  const json = JSON.stringify(generated);
  await client.$executeRaw`
    INSERT INTO "SynthesisBuild" ("consultationId", "status", "phase", "generation", "fingerprint", "generated", "finishedAt", "updatedAt")
    VALUES (${consultation.id}, 'DONE'::"SynthesisBuildStatus", 'done', ${generated.generation}, ${fingerprint}, ${json}::jsonb, ${finishedAt}, ${finishedAt})
    ON CONFLICT ("consultationId") DO UPDATE SET "status" = 'DONE'::"SynthesisBuildStatus", "phase" = 'done', "error" = NULL, "generation" = EXCLUDED."generation",
      "fingerprint" = EXCLUDED."fingerprint", "generated" = EXCLUDED."generated", "finishedAt" = EXCLUDED."finishedAt", "updatedAt" = EXCLUDED."updatedAt"`;
  // Annex entries of the build before this one stay for downloads begun before it; older ones go.
  await client.$executeRaw`DELETE FROM "SynthesisAnnexEntry" WHERE "consultationId" = ${consultation.id} AND "generation" < ${generated.generation - 1}`;
  // The edits are applied to the document just stored, not to a copy read back.
  const draft = await applyLiveEdits(client, consultation.id, generated);
  const model = await completeLive(client, consultation.id, generated.generation, draft, options.annex ?? "collect");
  await mirrorPoints(client, consultation.id, model);
  return model;
}

/**
 * How much of Annex I a read of the live draft fills in: "collect", the whole annex and the coverage check (the
 * synthesis page, snapshots); "coverage", the check alone; "none", neither (the build job, edits, which look at the
 * points only, and downloads, which read the annex in pages).
 */
export type AnnexMode = "collect" | "coverage" | "none";

async function completeLive(client: Tx, consultationId: string, generation: number, draft: EditedDraft, mode: AnnexMode): Promise<SynthesisModel> {
  if (mode === "none") return draft.model;
  return completeModel(storedAnnexPages(client, consultationId, generation, draft), draft, mode === "collect");
}

function isGenerated(value: unknown): value is GeneratedDocument {
  return typeof value === "object" && value !== null && (value as { version?: unknown }).version === 3 && Array.isArray((value as { points?: unknown }).points);
}

export async function readEdits(client: Tx, consultationId: string): Promise<EditRecord[]> {
  const rows = await client.synthesisEdit.findMany({ where: { consultationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { pointKey: true, payload: true, membersHash: true } });
  return rows.flatMap((r) => {
    const payload = EditPayloadSchema.safeParse(r.payload);
    return payload.success ? [{ pointKey: r.pointKey, payload: payload.data, membersHash: r.membersHash }] : [];
  });
}

/** The generated document of the last build, or null before the first build. */
export async function readGenerated(client: Tx, consultationId: string): Promise<GeneratedDocument | null> {
  // Read as text and parsed once (the ORM's JSON column parse held more copies of a large document).
  const [row] = await client.$queryRaw<{ json: string | null }[]>`SELECT "generated"::text AS "json" FROM "SynthesisBuild" WHERE "consultationId" = ${consultationId}`;
  if (!row?.json) return null;
  const generated: unknown = JSON.parse(row.json);
  return isGenerated(generated) ? generated : null;
}

/** The live draft with the secretariat's edits, or null before the first build. */
export async function readLiveModel(client: Tx, consultationId: string, mode: AnnexMode = "collect"): Promise<SynthesisModel | null> {
  const live = await readLiveDraft(client, consultationId);
  return live && completeLive(client, consultationId, live.generation, live.draft, mode);
}

/** The last build's generation and its document with the secretariat's edits applied, or null before the first build. */
async function readLiveDraft(client: Tx, consultationId: string): Promise<{ generation: number; annexEntries: number; draft: EditedDraft } | null> {
  const generated = await readGenerated(client, consultationId);
  if (!generated) return null;
  return { generation: generated.generation, annexEntries: generated.annexEntries, draft: await applyLiveEdits(client, consultationId, generated) };
}

/** The live draft for a download: the model without Annex I, and the annex as a source read in pages. */
export async function openLiveDraft(client: Tx, consultationId: string, pageSize = ANNEX_PAGE_SIZE): Promise<{ model: SynthesisModel; annex: AnnexSource } | null> {
  const live = await readLiveDraft(client, consultationId);
  if (!live) return null;
  const { generation, draft } = live;
  return { model: draft.model, annex: { empty: live.annexEntries === 0, pages: () => storedAnnexPages(client, consultationId, generation, draft, pageSize) } };
}

/** The stored Annex I entry of one submission in the live draft, with what the edited draft says of it. */
export async function liveAnnexEntry(client: Tx, consultationId: string, submissionId: string): Promise<AnnexCitation | null> {
  const live = await readLiveDraft(client, consultationId);
  if (!live) return null;
  const [row] = await client.$queryRaw<{ reference: string; pointKeys: string[] | null }[]>`
    SELECT "reference", "pointKeys" FROM "SynthesisAnnexEntry"
    WHERE "consultationId" = ${consultationId} AND "generation" = ${live.generation} AND "submissionId" = ${submissionId}`;
  return row ? live.draft.cite({ id: submissionId, reference: row.reference, pointKeys: row.pointKeys ?? [] }) : null;
}

async function applyLiveEdits(client: Tx, consultationId: string, generated: GeneratedDocument): Promise<EditedDraft> {
  const [edits, aside] = await Promise.all([
    readEdits(client, consultationId),
    client.synthesisSetAside.findMany({ where: { consultationId }, select: { submissionId: true, reason: true }, orderBy: { submissionId: "asc" } }),
  ]);
  return applyEdits(generated, edits, aside);
}

/** Rewrites the SynthesisPoint rows from the edited draft (what issue 16's "what became of my contribution" reads). */
export async function mirrorPoints(client: Tx, consultationId: string, model: SynthesisModel): Promise<void> {
  const rows: Prisma.SynthesisPointCreateManyInput[] = [];
  for (const section of model.themes) {
    for (const p of section.paragraphs) rows.push({ consultationId, key: p.key, themeId: section.key || null, number: p.number, placement: "body", text: p.text, setAsideReason: null });
    for (const p of section.further) rows.push({ consultationId, key: p.key, themeId: section.key || null, number: null, placement: "further", text: p.text, setAsideReason: null });
  }
  for (const p of model.setAside) rows.push({ consultationId, key: p.key, themeId: null, number: null, placement: "setAside", text: p.text, setAsideReason: p.setAsideReason });
  await client.synthesisPoint.deleteMany({ where: { consultationId } });
  if (rows.length) await client.synthesisPoint.createMany({ data: rows, skipDuplicates: true });
}
