// The live draft of a consultation's synthesis: building it (the job's work), storing the generated document, and
// reading it back with the secretariat's edits applied. The SynthesisPoint rows mirror the edited draft (number,
// section, text, set-aside reason) after each build and each edit, and SynthesisCitation holds every statement behind
// each point, so other concerns can ask which paragraphs cite a submission without reading the document.
import type { Tx } from "../db/client";
import { databaseNow } from "../db/transaction";
import type { Prisma } from "../db/generated/client";
import { generateSynthesis, type BuildOptions, type GeneratedDocument, type ProgressReporter } from "./build";
import { applyEdits, EditPayloadSchema, type EditRecord } from "./edits";
import { synthesisFingerprint } from "./cache";
import type { SynthesisModel } from "./model";

/** Builds the live draft from the inputs as they stand, stores it and mirrors its points. Idempotent. */
export async function buildLiveDraft(client: Tx, slug: string, options: Partial<BuildOptions> & { onProgress?: ProgressReporter } = {}): Promise<SynthesisModel> {
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
  // The edits are applied to the document just stored, not to a copy read back: at 100,000 contributions its JSON
  // (Annex I above all) is large, and reading it back held a second copy of it beside this one.
  const model = await applyLiveEdits(client, consultation.id, generated);
  await mirrorPoints(client, consultation.id, model);
  return model;
}

function isGenerated(value: unknown): value is GeneratedDocument {
  return typeof value === "object" && value !== null && (value as { version?: unknown }).version === 2 && Array.isArray((value as { points?: unknown }).points);
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
export async function readLiveModel(client: Tx, consultationId: string): Promise<SynthesisModel | null> {
  const generated = await readGenerated(client, consultationId);
  if (!generated) return null;
  return applyLiveEdits(client, consultationId, generated);
}

async function applyLiveEdits(client: Tx, consultationId: string, generated: GeneratedDocument): Promise<SynthesisModel> {
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
