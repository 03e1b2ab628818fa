// import: the secretariat imports inputs received by e-mail or as documents, from CSV or JSON. Every row is
// validated before anything is stored; a file is stored whole or not at all; re-importing a row with the same
// external id changes nothing; the audit log records who imported what.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { lockKey, withTransaction } from "../db/transaction";
import { hasRole } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { enqueueConsultationDetection } from "../moderation/enqueue";
import { placeOf } from "../geo/countries";
import { findOrCreateOrganisation } from "../users/service";
import { newStorageKey, storage } from "../storage";
import { checkAttachment, type CheckedAttachment } from "../submissions/attachments";
import { nextReference } from "../submissions/reference";
import { normaliseName } from "../users/names";
import { fail, ok, type Result } from "../result";
import { parseImportFile } from "./parse";
import { importRowSchema, type ImportRow } from "./schema";

export interface ImportActor {
  id: string | null;
  role: Role;
}

export interface RowReport {
  /** 1-based data row number (the CSV header is not counted). */
  row: number;
  title: string;
  externalId: string | null;
  status: "ok" | "skip" | "invalid";
  errors: string[];
}

export interface ImportReport {
  fileHash: string;
  total: number;
  valid: number;
  skipped: number;
  invalid: number;
  rows: RowReport[];
}


interface Options {
  /** Attachment paths are read from disk only for command-line imports, relative to this folder. */
  attachmentsDir?: string;
}

interface Checked {
  report: ImportReport;
  rows: { data: ImportRow; files: CheckedAttachment[]; skip: boolean }[];
}

async function validate(consultationId: string, filename: string, bytes: Uint8Array, options: Options): Promise<Result<Checked>> {
  const parsed = parseImportFile(filename, bytes);
  if (!parsed.ok) return fail(parsed.error, undefined, 400, parsed.detail ? { params: { detail: parsed.detail } } : {});
  const themes = await db.theme.findMany({ where: { consultationId }, select: { slug: true } });
  const schema = importRowSchema(themes.map((t) => t.slug));
  const externalIds = parsed.rows.map((r) => (typeof r.external_id === "string" ? r.external_id.trim() : "")).filter(Boolean);
  const existing = new Set(
    (await db.submission.findMany({ where: { consultationId, externalId: { in: externalIds } }, select: { externalId: true } })).map((s) => s.externalId),
  );
  const seen = new Set<string>();
  const reports: RowReport[] = [];
  const rows: Checked["rows"] = [];
  for (const [index, raw] of parsed.rows.entries()) {
    const result = schema.safeParse(raw);
    const title = typeof raw.title === "string" ? raw.title.slice(0, 120) : "";
    if (!result.success) {
      reports.push({ row: index + 1, title, externalId: typeof raw.external_id === "string" ? raw.external_id : null, status: "invalid", errors: [...new Set(result.error.issues.map((i) => (/^[a-zA-Z]+$/.test(i.message) ? i.message : "invalidText")))] });
      continue;
    }
    const data = result.data;
    const errors: string[] = [];
    if (data.external_id) {
      if (seen.has(data.external_id)) errors.push("duplicateExternalId");
      seen.add(data.external_id);
    }
    const files: CheckedAttachment[] = [];
    if (data.attachments.length && !options.attachmentsDir) errors.push("attachmentsNotAllowed");
    else if (options.attachmentsDir) {
      for (const p of data.attachments) {
        const file = path.resolve(options.attachmentsDir, p);
        const bytesOf = await readFile(file).catch(() => null);
        if (!bytesOf) {
          errors.push("attachmentMissing");
          continue;
        }
        const checked = await checkAttachment(path.basename(file), new Uint8Array(bytesOf));
        if (checked.ok && checked.value.size <= 10 * 1024 * 1024) files.push(checked.value);
        else errors.push("attachmentInvalid");
      }
    }
    const skip = !!data.external_id && existing.has(data.external_id);
    reports.push({ row: index + 1, title: data.title.slice(0, 120), externalId: data.external_id, status: errors.length ? "invalid" : skip ? "skip" : "ok", errors: [...new Set(errors)] });
    if (!errors.length) rows.push({ data, files, skip });
  }
  const report: ImportReport = {
    fileHash: createHash("sha256").update(bytes).digest("hex"),
    total: reports.length,
    valid: reports.filter((r) => r.status === "ok").length,
    skipped: reports.filter((r) => r.status === "skip").length,
    invalid: reports.filter((r) => r.status === "invalid").length,
    rows: reports,
  };
  return ok({ report, rows });
}

async function consultationFor(slug: string) {
  return db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, referencePrefix: true } });
}

/** Validates every row and stores nothing: what the browser shows before the secretariat confirms. */
export async function previewImport(actor: ImportActor, slug: string, filename: string, bytes: Uint8Array, options: Options = {}): Promise<Result<ImportReport, ImportReport>> {
  if (!hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const consultation = await consultationFor(slug);
  if (!consultation) return fail("notFound", undefined, 404);
  const checked = await validate(consultation.id, filename, bytes, options);
  return checked.ok ? ok(checked.data.report) : checked;
}

/**
 * Imports a whole file or nothing. `expectedHash`, when given, must match the file that was previewed, so what is
 * stored is exactly what the secretariat saw.
 */
export async function runImport(
  actor: ImportActor,
  slug: string,
  filename: string,
  bytes: Uint8Array,
  options: Options & { expectedHash?: string; via?: "web" | "cli" } = {},
): Promise<Result<{ batchId: string | null; created: number; skipped: number; references: string[] }, ImportReport>> {
  if (!hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const consultation = await consultationFor(slug);
  if (!consultation) return fail("notFound", undefined, 404);
  const checked = await validate(consultation.id, filename, bytes, options);
  if (!checked.ok) return checked;
  const { report, rows } = checked.data;
  if (options.expectedHash && options.expectedHash !== report.fileHash) return fail("changed", undefined, 409, { detail: report });
  if (report.invalid > 0) return fail("invalidRows", undefined, 400, { detail: report });

  const written: string[] = [];
  try {
    const result = await withTransaction(async (tx) => {
      // Two imports of the same file at once must not both pass the external-id check.
      await lockKey(tx, "submission-import", consultation.id);
      const ids = rows.map((r) => r.data.external_id).filter((v): v is string => !!v);
      const already = new Set(
        (await tx.submission.findMany({ where: { consultationId: consultation.id, externalId: { in: ids } }, select: { externalId: true } })).map((s) => s.externalId),
      );
      const todo = rows.filter((r) => !(r.data.external_id && already.has(r.data.external_id)));
      if (todo.length === 0) return { batchId: null, created: 0, skipped: rows.length, references: [] };
      const batch = await tx.importBatch.create({ data: { consultationId: consultation.id, importedById: actor.id, filename: path.basename(filename).slice(0, 200), rowCount: todo.length } });
      const references: string[] = [];
      for (const { data, files } of todo) {
        const organisationId = data.organisation ? await findOrCreateOrganisation(tx, data.organisation, data.stakeholder_group, data.country) : null;
        const organisation = organisationId ? await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } }) : null;
        const id = randomUUID();
        const reference = await nextReference(tx, consultation.referencePrefix);
        references.push(reference);
        const themeRows = await tx.theme.findMany({ where: { consultationId: consultation.id, slug: { in: data.themes } }, select: { id: true } });
        await tx.submission.create({
          data: {
            id, reference, consultationId: consultation.id, authorId: null, organisationId,
            contributorKey: organisationId ? `org:${organisationId}` : `name:${normaliseName(data.contributor_name)}`,
            contributorName: data.contributor_name, organisationName: organisation?.name ?? null, onBehalfOf: organisationId ? "ORGANISATION" : "SELF",
            stakeholderGroup: data.stakeholder_group, ...placeOf(data.country),
            title: data.title, body: data.body, language: data.language, status: "PENDING", visibility: data.visibility as "PUBLIC_NAMED" | "PUBLIC_ANONYMOUS",
            source: "IMPORT", externalId: data.external_id, importBatchId: batch.id, receivedAt: data.received_at, submittedAt: data.received_at,
            themes: { create: themeRows.map((t) => ({ themeId: t.id })) },
            versions: { create: { version: 1, title: data.title, body: data.body, language: data.language, themeSlugs: data.themes, editedById: actor.id } },
            moderationEvents: { create: { targetType: "SUBMISSION", actorId: actor.id, action: "IMPORT", toStatus: "PENDING", metadata: { batchId: batch.id, externalId: data.external_id } } },
          },
        });
        for (const file of files) {
          const key = newStorageKey();
          written.push(key);
          await storage().put(key, file.bytes, file.mimeType);
          await tx.attachment.create({ data: { submissionId: id, filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, storageKey: key } });
        }
      }
      // The imported inputs are examined for campaigns by one job once this commits.
      await enqueueConsultationDetection(tx, consultation.id);
      await recordAudit(tx, {
        actorId: actor.id, action: "submissions.import", entityType: "ImportBatch", entityId: batch.id, consultationId: consultation.id,
        details: { filename: batch.filename, fileSha256: report.fileHash, created: todo.length, skipped: rows.length - todo.length, via: options.via ?? "web", references },
      });
      return { batchId: batch.id, created: todo.length, skipped: rows.length - todo.length, references };
    }, { timeoutMs: 120_000 });
    return ok(result);
  } catch (error) {
    for (const key of written) await storage().delete(key).catch(() => undefined);
    throw error;
  }
}
