// import: the secretariat imports inputs received by e-mail or as documents, from CSV or JSON. Every row is
// validated before anything is stored, and every problem of a row is named (row, column, value, what is allowed,
// the likely intended value); unknown columns are warnings; a file is stored whole or not at all; re-importing a row
// with the same external id changes nothing; the audit log records who imported what. A backlog imported into a
// closed round is shown against the round's balance as a whole (and published that way, lib/balance).
import "server-only";
import { IMPORTED_VERIFICATION } from "../identity/rules";
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
import { databaseNow } from "../db/transaction";
import { getBalancePolicy } from "../balance/policy";
import { capOf } from "../balance/service";
import { STAKEHOLDER_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";
import { shownValue, unknownColumns, type CellProblem, type ColumnWarning } from "./report";
import { findOrCreateOrganisation } from "../organisations/service";
import { newStorageKey, storage } from "../storage";
import { checkAttachment, type CheckedAttachment } from "../submissions/attachments";
import { nextReference } from "../submissions/reference";
import { normaliseName } from "../users/names";
import { fail, ok, type Result } from "../result";
import { parseImportFile } from "./parse";
import { IMPORT_COLUMNS, importRowSchema, problemsOf, type ImportRow } from "./schema";

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
  /** the problems' codes (i18n keys under imports.codes) */
  errors: string[];
  /** every problem of the row, cell by cell */
  problems: CellProblem[];
}

/** A closed round's balance as a whole once the file is in: published contributions plus the file's valid rows. */
export interface BacklogBalance {
  maxGroupShare: number;
  capActive: boolean;
  groups: { group: StakeholderGroup; published: number; incoming: number; share: number; over: boolean }[];
  unclassified: { published: number; incoming: number };
}

export interface ImportReport {
  fileHash: string;
  total: number;
  valid: number;
  skipped: number;
  invalid: number;
  rows: RowReport[];
  /** columns the import does not read: ignored, said in the preview */
  warnings: ColumnWarning[];
  /** set when the round's contributions phase has closed: the file is a backlog, judged with the round as a whole */
  backlog: BacklogBalance | null;
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
  const themeSlugs = themes.map((t) => t.slug);
  const schema = importRowSchema(themeSlugs);
  const warnings = unknownColumns([...new Set(parsed.rows.flatMap((r) => Object.keys(r)))], IMPORT_COLUMNS);
  const externalIds = parsed.rows.map((r) => (typeof r.external_id === "string" ? r.external_id.trim() : "")).filter(Boolean);
  const existing = new Set(
    (await db.submission.findMany({ where: { consultationId, externalId: { in: externalIds } }, select: { externalId: true } })).map((s) => s.externalId),
  );
  const seen = new Map<string, number>();
  const reports: RowReport[] = [];
  const rows: Checked["rows"] = [];
  for (const [index, raw] of parsed.rows.entries()) {
    const n = index + 1;
    const result = schema.safeParse(raw);
    const problems: CellProblem[] = result.success ? [] : problemsOf(result.error, raw, n, themeSlugs);
    // Checked whatever else is wrong with the row, so every problem is listed at once.
    const externalId = typeof raw.external_id === "string" ? raw.external_id.trim() : "";
    if (externalId) {
      const first = seen.get(externalId);
      if (first !== undefined) problems.push({ row: n, column: "external_id", value: shownValue(externalId), code: "duplicateExternalId", allowed: `unique in the file (also on row ${first})` });
      else seen.set(externalId, n);
    }
    const attachmentPaths = (Array.isArray(raw.attachments) ? raw.attachments : String(raw.attachments ?? "").split(";")).map((p) => p.trim()).filter(Boolean);
    const files: CheckedAttachment[] = [];
    if (attachmentPaths.length && !options.attachmentsDir) problems.push({ row: n, column: "attachments", value: shownValue(attachmentPaths), code: "attachmentsNotAllowed" });
    else if (options.attachmentsDir) {
      for (const p of attachmentPaths) {
        const file = path.resolve(options.attachmentsDir, p);
        const bytesOf = await readFile(file).catch(() => null);
        if (!bytesOf) {
          problems.push({ row: n, column: "attachments", value: shownValue(p), code: "attachmentMissing" });
          continue;
        }
        const checked = await checkAttachment(path.basename(file), new Uint8Array(bytesOf));
        if (checked.ok && checked.value.size <= 10 * 1024 * 1024) files.push(checked.value);
        else problems.push({ row: n, column: "attachments", value: shownValue(p), code: "attachmentInvalid", allowed: "PDF, DOCX, ODT, TXT or Markdown, up to 10 MB" });
      }
    }
    const title = result.success ? result.data.title : typeof raw.title === "string" ? raw.title : "";
    const skip = !!externalId && existing.has(externalId);
    const status = problems.length ? "invalid" : skip ? "skip" : "ok";
    reports.push({ row: n, title: title.slice(0, 120), externalId: externalId || null, status, errors: [...new Set(problems.map((p) => p.code))], problems });
    if (result.success && !problems.length) rows.push({ data: result.data, files, skip });
  }
  const report: ImportReport = {
    fileHash: createHash("sha256").update(bytes).digest("hex"),
    total: reports.length,
    valid: reports.filter((r) => r.status === "ok").length,
    skipped: reports.filter((r) => r.status === "skip").length,
    invalid: reports.filter((r) => r.status === "invalid").length,
    rows: reports,
    warnings,
    backlog: await backlogBalance(consultationId, rows.filter((r) => !r.skip).map((r) => r.data.stakeholder_group)),
  };
  return ok({ report, rows });
}

/** For a round whose contributions phase has closed: its balance as a whole once these inputs are in. */
async function backlogBalance(consultationId: string, incoming: StakeholderGroup[]): Promise<BacklogBalance | null> {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { contributionsCloseAt: true } });
  const now = await databaseNow(db);
  if (!consultation?.contributionsCloseAt || now < consultation.contributionsCloseAt) return null;
  const policy = await getBalancePolicy(db, consultationId);
  const cap = capOf(policy, "SUBMISSION");
  const rows = await db.submission.groupBy({ by: ["stakeholderGroup"], where: { consultationId, status: { in: ["PUBLISHED", "PENDING", "HELD_FOR_BALANCE"] } }, _count: { _all: true } });
  const published = new Map(rows.map((r) => [r.stakeholderGroup, r._count._all]));
  const arriving = new Map<StakeholderGroup, number>();
  for (const g of incoming) arriving.set(g, (arriving.get(g) ?? 0) + 1);
  const total = STAKEHOLDER_GROUPS.reduce((n, g) => n + (published.get(g) ?? 0) + (arriving.get(g) ?? 0), 0);
  const capActive = total >= cap.minSample;
  return {
    maxGroupShare: cap.maxGroupShare,
    capActive,
    groups: STAKEHOLDER_GROUPS.map((group) => {
      const count = (published.get(group) ?? 0) + (arriving.get(group) ?? 0);
      const share = total > 0 ? count / total : 0;
      return { group, published: published.get(group) ?? 0, incoming: arriving.get(group) ?? 0, share, over: capActive && share > cap.maxGroupShare + 1e-9 };
    }),
    unclassified: { published: published.get("UNCLASSIFIED") ?? 0, incoming: arriving.get("UNCLASSIFIED") ?? 0 },
  };
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
): Promise<Result<{ batchId: string | null; created: number; skipped: number; references: string[]; warnings: ColumnWarning[] }, ImportReport>> {
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
        // An affiliation is shown with the author's name, but the contribution is theirs (cap, "on behalf of").
        const organisationName = organisation?.name ?? (data.affiliation || null);
        const id = randomUUID();
        const reference = await nextReference(tx, consultation.referencePrefix);
        references.push(reference);
        const themeRows = await tx.theme.findMany({ where: { consultationId: consultation.id, slug: { in: data.themes } }, select: { id: true } });
        await tx.submission.create({
          data: {
            id, reference, consultationId: consultation.id, authorId: null, organisationId,
            contributorKey: organisationId ? `org:${organisationId}` : `name:${normaliseName(data.contributor_name)}`,
            contributorName: data.contributor_name, organisationName, onBehalfOf: organisationId ? "ORGANISATION" : "SELF",
            stakeholderGroup: data.stakeholder_group, ...IMPORTED_VERIFICATION, ...placeOf(data.country),
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
    return ok({ ...result, warnings: report.warnings });
  } catch (error) {
    for (const key of written) await storage().delete(key).catch(() => undefined);
    throw error;
  }
}
