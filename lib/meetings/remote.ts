// meetings: the remote-messages stream of a round. The secretariat imports a CSV or JSON export of short messages
// from remote participants and social media (author handle, text, time, optional hashtags, URL, session), checked
// row by row before anything is stored and stored whole or not at all; messages are then moderated like comments
// (pending → published, rejected, hidden, restored; every change a ModerationEvent, conditional on the version seen).
// They are unclassified unless their handle is a roster alias, and counted apart from written inputs.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { fail, ok, type Result } from "../result";
import { parseImportFile, type RawRow } from "../import/parse";
import { allowedList, didYouMean, shownValue, unknownColumns, type CellProblem, type ColumnWarning } from "../import/report";
import { guessLanguage, LANGUAGES } from "../submissions/language";
import { hasBrokenText } from "../submissions/schema";
import { REASON_REQUIRED } from "../moderation/schema";
import { PUBLIC_STATUSES, publicViewOf } from "../moderation/public";
import { ROSTER_LOCK } from "./transcripts";

export const MAX_MESSAGE_CHARS = 5000;
export const MAX_REMOTE_ROWS = 20_000;
export const REMOTE_PAGE = 50;

/** The columns of a remote-messages file, and the other names exports give them (X/Twitter, Mastodon, Zoom chat...). */
export const REMOTE_COLUMNS: Record<string, string[]> = {
  handle: ["author", "author_handle", "user", "username", "user_screen_name", "screen_name", "account", "from", "sender", "name"],
  text: ["body", "message", "content", "tweet", "full_text", "post"],
  posted_at: ["time", "timestamp", "created_at", "date", "datetime", "sent_at", "published_at"],
  hashtags: ["hashtag", "tags"],
  url: ["link", "permalink", "uri"],
  external_id: ["id", "message_id", "post_id", "tweet_id", "status_id"],
  language: ["lang"],
  session: ["session_slug", "session_title"],
};
const CANONICAL = Object.keys(REMOTE_COLUMNS);
const KNOWN = [...CANONICAL, ...Object.values(REMOTE_COLUMNS).flat()];

/** The roster key of a handle: "@" and the handle in lower case ("@Ana_Tech" and "ana_tech" are one handle). */
export function handleKey(handle: string): string {
  return `@${handle.trim().replace(/^@+/, "").toLowerCase()}`;
}

function canonicalRow(raw: RawRow): { row: Record<string, string | string[] | undefined>; columnOf: Record<string, string> } {
  const row: Record<string, string | string[] | undefined> = {};
  const columnOf: Record<string, string> = {};
  for (const name of CANONICAL) {
    const column = [name, ...(REMOTE_COLUMNS[name] ?? [])].find((c) => raw[c] !== undefined && raw[c] !== "");
    if (column) {
      row[name] = raw[column];
      columnOf[name] = column;
    }
  }
  return { row, columnOf };
}

const TWITTER_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A message's time: ISO 8601 (no zone means UTC), epoch seconds or milliseconds, or X/Twitter's created_at. */
export function parsePostedAt(value: string): Date | null {
  const v = value.trim();
  if (/^\d{10}$/.test(v)) return new Date(Number(v) * 1000);
  if (/^\d{13}$/.test(v)) return new Date(Number(v));
  if (TWITTER_DATE.test(v)) {
    const d = new Date(Date.parse(v));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (!ISO_LIKE.test(v)) return null;
  // "2025-02-30" is not a day: Date would roll it over to March.
  const [year, month, date] = v.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1));
  if (day.getUTCFullYear() !== year || day.getUTCMonth() + 1 !== month || day.getUTCDate() !== date) return null;
  const withZone = /[T ]\d{2}:\d{2}/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? `${v.replace(" ", "T")}Z` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v.replace(" ", "T");
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? null : d;
}

function hashtagsOf(value: string | string[] | undefined, text: string): string[] {
  const listed = Array.isArray(value) ? value : (value ?? "").split(/[;,\s]+/);
  const tags = listed.map((t) => t.trim().replace(/^#+/, "")).filter((t) => /^[\p{L}\p{N}_]{1,100}$/u.test(t));
  // No hashtag column: the ones written in the text.
  const found = tags.length || value !== undefined ? tags : [...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]{1,100})/gu)].map((m) => m[1] ?? "");
  return [...new Set(found.filter(Boolean))].slice(0, 30);
}

interface CheckedMessage {
  handle: string;
  body: string;
  postedAt: Date;
  hashtags: string[];
  url: string | null;
  externalId: string | null;
  language: string;
  sessionId: string | null;
}

export interface RemoteRowReport {
  row: number;
  handle: string;
  text: string;
  status: "ok" | "skip" | "invalid";
  problems: CellProblem[];
}

export interface RemoteImportReport {
  fileHash: string;
  total: number;
  valid: number;
  skipped: number;
  invalid: number;
  /** messages whose handle is a roster alias: they take that speaker's group and country */
  mapped: number;
  warnings: ColumnWarning[];
  /** every row with a problem, and the first rows that are fine */
  rows: RemoteRowReport[];
}

interface Checked {
  report: RemoteImportReport;
  messages: CheckedMessage[];
}

async function check(tx: Tx, consultationId: string, filename: string, bytes: Uint8Array): Promise<Result<Checked>> {
  const parsed = parseImportFile(filename, bytes, MAX_REMOTE_ROWS);
  if (!parsed.ok) return fail(parsed.error, undefined, 400, parsed.detail ? { params: { detail: parsed.detail } } : {});
  const columns = [...new Set(parsed.rows.flatMap((r) => Object.keys(r)))];
  const warnings = unknownColumns(columns, KNOWN);
  const sessions = await tx.meetingSession.findMany({ where: { consultationId }, select: { id: true, slug: true, title: true } });
  const sessionByName = new Map(sessions.flatMap((s) => [[s.slug, s.id], [s.title.toLowerCase(), s.id]] as [string, string][]));
  const ids = parsed.rows.map((r) => canonicalRow(r).row.external_id).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  const existing = new Set((await tx.remoteMessage.findMany({ where: { consultationId, externalId: { in: ids } }, select: { externalId: true } })).map((m) => m.externalId));
  const seen = new Map<string, number>();
  const rows: RemoteRowReport[] = [];
  const messages: CheckedMessage[] = [];
  let valid = 0;
  let skipped = 0;
  let invalid = 0;
  parsed.rows.forEach((raw, index) => {
    const n = index + 1;
    const { row, columnOf } = canonicalRow(raw);
    const problems: CellProblem[] = [];
    const cell = (name: string) => (Array.isArray(row[name]) ? (row[name] as string[]).join(";") : ((row[name] as string | undefined) ?? ""));
    const problem = (name: string, code: string, extra: Partial<CellProblem> = {}) => problems.push({ row: n, column: columnOf[name] ?? name, value: shownValue(row[name]), code, ...extra });
    const handle = cell("handle").trim();
    if (!handle) problem("handle", "handleRequired");
    else if (handle.length > 100 || hasBrokenText(handle) || !/[\p{L}\p{N}]/u.test(handle)) problem("handle", "handleInvalid", { allowed: "up to 100 characters, letters or digits" });
    const text = cell("text").normalize("NFC").trim();
    if (!text) problem("text", "textRequired");
    else if (text.length > MAX_MESSAGE_CHARS) problem("text", "textTooLong", { allowed: `up to ${MAX_MESSAGE_CHARS} characters` });
    else if (hasBrokenText(text)) problem("text", "invalidText");
    const postedAt = cell("posted_at") ? parsePostedAt(cell("posted_at")) : null;
    if (!cell("posted_at")) problem("posted_at", "dateRequired", { allowed: "YYYY-MM-DD HH:MM (UTC), ISO 8601, or epoch seconds" });
    else if (!postedAt) problem("posted_at", "dateInvalid", { allowed: "YYYY-MM-DD HH:MM (UTC), ISO 8601, or epoch seconds" });
    const url = cell("url").trim();
    let urlOk: string | null = null;
    if (url) {
      try {
        const u = new URL(url);
        if (u.protocol === "https:" || u.protocol === "http:") urlOk = u.toString();
      } catch {
        /* reported below */
      }
      if (!urlOk || url.length > 2000) problem("url", "urlInvalid", { allowed: "an http:// or https:// address" });
    }
    const externalId = cell("external_id").trim() || null;
    if (externalId && externalId.length > 200) problem("external_id", "externalIdTooLong", { allowed: "up to 200 characters" });
    if (externalId) {
      const first = seen.get(externalId);
      if (first !== undefined) problem("external_id", "duplicateExternalId", { allowed: `unique in the file (also on row ${first})` });
      else seen.set(externalId, n);
    }
    const languageCell = cell("language").trim().toLowerCase();
    if (languageCell && languageCell !== "und" && !(LANGUAGES as readonly string[]).includes(languageCell)) {
      problem("language", "languageInvalid", { allowed: allowedList(LANGUAGES), suggestion: didYouMean(languageCell, LANGUAGES) });
    }
    const sessionCell = cell("session").trim();
    const sessionId = sessionCell ? (sessionByName.get(sessionCell.toLowerCase()) ?? null) : null;
    if (sessionCell && !sessionId) problem("session", "sessionUnknown", { allowed: allowedList(sessions.map((s) => s.slug)), suggestion: didYouMean(sessionCell, sessions.map((s) => s.slug)) });

    const skip = externalId !== null && existing.has(externalId);
    const status = problems.length ? "invalid" : skip ? "skip" : "ok";
    if (status === "invalid") invalid++;
    else if (status === "skip") skipped++;
    else valid++;
    if (status !== "ok" || rows.length < 200) rows.push({ row: n, handle: shownValue(handle), text: shownValue(text), status, problems });
    if (status === "ok" && postedAt) {
      messages.push({
        handle, body: text, postedAt, hashtags: hashtagsOf(row.hashtags, text), url: urlOk, externalId,
        language: languageCell || guessLanguage(text, "und"), sessionId,
      });
    }
  });
  const keys = [...new Set(messages.map((m) => handleKey(m.handle)))];
  const mappedKeys = new Set((await tx.speakerAlias.findMany({ where: { key: { in: keys }, scope: "" }, select: { key: true } })).map((a) => a.key));
  const report: RemoteImportReport = {
    fileHash: createHash("sha256").update(bytes).digest("hex"),
    total: parsed.rows.length, valid, skipped, invalid,
    mapped: messages.filter((m) => mappedKeys.has(handleKey(m.handle))).length,
    warnings, rows,
  };
  return ok({ report, messages });
}

async function consultationOf(slug: string) {
  return db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, moderationMode: true } });
}

/** Checks every row of an export and stores nothing. */
export async function previewRemoteImport(actor: Actor | null, slug: string, filename: string, bytes: Uint8Array): Promise<Result<RemoteImportReport>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const consultation = await consultationOf(slug);
  if (!consultation) return fail("notFound", undefined, 404);
  const checked = await check(db, consultation.id, filename, bytes);
  return checked.ok ? ok(checked.data.report) : checked;
}

/**
 * Imports an export whole or not at all (rows whose external id is already stored are skipped, so re-importing the
 * same export adds nothing). Messages wait for moderation, or are public at once when the consultation is
 * post-moderated, as comments are.
 */
export async function runRemoteImport(
  actor: Actor | null,
  slug: string,
  filename: string,
  bytes: Uint8Array,
  options: { expectedHash?: string; via?: "web" | "cli" } = {},
): Promise<Result<{ batchId: string | null; created: number; skipped: number; published: number }, RemoteImportReport>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const consultation = await consultationOf(slug);
  if (!consultation) return fail("notFound", undefined, 404);
  return withTransaction(
    async (tx) => {
      await lockKey(tx, "remote-import", consultation.id);
      const checked = await check(tx, consultation.id, filename, bytes);
      if (!checked.ok) return checked;
      const { report, messages } = checked.data;
      if (options.expectedHash && options.expectedHash !== report.fileHash) return fail("changed", undefined, 409, { detail: report });
      if (report.invalid > 0) return fail("invalidRows", undefined, 400, { detail: report });
      if (messages.length === 0) return ok({ batchId: null, created: 0, skipped: report.skipped, published: 0 });
      const keys = [...new Set(messages.map((m) => handleKey(m.handle)))];
      const aliases = await tx.speakerAlias.findMany({
        where: { key: { in: keys }, scope: "" },
        select: { key: true, speaker: { select: { id: true, stakeholderGroup: true, country: true, region: true, developing: true } } },
      });
      const speakerOf = new Map(aliases.map((a) => [a.key, a.speaker]));
      const now = await databaseNow(tx);
      const status = consultation.moderationMode === "POST" ? "PUBLISHED" : "PENDING";
      const batch = await tx.importBatch.create({ data: { consultationId: consultation.id, importedById: actor.id, filename: filename.split(/[\\/]/).pop()?.slice(0, 200) ?? "messages", rowCount: messages.length } });
      await tx.remoteMessage.createMany({
        data: messages.map((m) => {
          const speaker = speakerOf.get(handleKey(m.handle));
          return {
            consultationId: consultation.id, sessionId: m.sessionId, handle: m.handle, body: m.body, postedAt: m.postedAt, hashtags: m.hashtags, url: m.url,
            externalId: m.externalId, language: m.language, importBatchId: batch.id, status, publishedAt: status === "PUBLISHED" ? now : null,
            ...(speaker ? { speakerId: speaker.id, stakeholderGroup: speaker.stakeholderGroup, country: speaker.country, region: speaker.region, developing: speaker.developing } : {}),
          };
        }),
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "meetings.remote.import", entityType: "ImportBatch", entityId: batch.id, consultationId: consultation.id,
        details: { filename: batch.filename, fileSha256: report.fileHash, created: messages.length, skipped: report.skipped, mapped: report.mapped, status, via: options.via ?? "web" },
      });
      return ok({ batchId: batch.id, created: messages.length, skipped: report.skipped, published: status === "PUBLISHED" ? messages.length : 0 });
    },
    { timeoutMs: 120_000 },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Moderation

export const REMOTE_VERBS = ["publish", "reject", "hide", "restore"] as const;
export type RemoteVerb = (typeof REMOTE_VERBS)[number];
type Status = "PENDING" | "HELD_FOR_BALANCE" | "PUBLISHED" | "REJECTED" | "HIDDEN" | "WITHDRAWN";

const ALLOWED_FROM: Record<RemoteVerb, readonly Status[]> = {
  publish: ["PENDING", "HELD_FOR_BALANCE"],
  reject: ["PENDING", "HELD_FOR_BALANCE"],
  hide: ["PUBLISHED"],
  restore: ["HIDDEN", "REJECTED"],
};

const ModerateRemoteSchema = z.object({
  verb: z.enum(REMOTE_VERBS, { error: "invalidAction" }),
  targets: z.array(z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1) })).min(1, { error: "nothingSelected" }).max(500, { error: "tooManyItems" }),
  reason: z.string().trim().max(2000, { error: "reasonTooLong" }).default(""),
  templateId: z.string().trim().max(64).default(""),
});

export interface RemoteModerationSummary {
  done: number;
  /** items someone else moderated first (or that are no longer in a status the verb applies to) */
  conflicts: number;
}

/**
 * One verb on one or more messages, each in its own conditional write (where id, version and status are what the
 * moderator saw), so a conflict on one never undoes the others. Remote messages are counted apart from written
 * inputs: they are never held for balance.
 */
export async function moderateRemoteMessages(actor: Actor | null, raw: unknown): Promise<Result<RemoteModerationSummary>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = ModerateRemoteSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", { form: [parsed.error.issues[0]?.message && /^[a-zA-Z]+$/.test(parsed.error.issues[0].message) ? parsed.error.issues[0].message : "invalidRequest"] });
  const { verb, targets, templateId } = parsed.data;
  let reason = parsed.data.reason;
  if (!reason && templateId) {
    const kind = verb === "reject" ? "REJECT" : verb === "hide" ? "HIDE" : null;
    const template = kind ? await db.reasonTemplate.findFirst({ where: { id: templateId, kind } }) : null;
    if (!template) return fail("invalidInput", { reason: ["templateUnknown"] });
    reason = template.text;
  }
  if (REASON_REQUIRED.has(verb) && !reason) return fail("invalidInput", { reason: ["reasonRequired"] });
  const summary: RemoteModerationSummary = { done: 0, conflicts: 0 };
  for (const target of targets) {
    const done = await withTransaction(async (tx) => {
      const item = await tx.remoteMessage.findUnique({ where: { id: target.id }, select: { id: true, status: true, version: true, consultationId: true } });
      if (!item || item.version !== target.version || !ALLOWED_FROM[verb].includes(item.status)) return false;
      const to: Status = verb === "publish" ? "PUBLISHED" : verb === "reject" ? "REJECTED" : verb === "hide" ? "HIDDEN" : item.status === "HIDDEN" ? "PUBLISHED" : "PENDING";
      const now = await databaseNow(tx);
      const updated = await tx.remoteMessage.updateMany({
        where: { id: item.id, version: target.version, status: item.status },
        data: { status: to, version: { increment: 1 }, moderationNote: to === "REJECTED" || to === "HIDDEN" ? reason : null, ...(to === "PUBLISHED" ? { publishedAt: now } : {}) },
      });
      if (updated.count !== 1) return false;
      await tx.moderationEvent.create({
        data: {
          targetType: "REMOTE_MESSAGE", remoteMessageId: item.id, actorId: actor.id,
          action: verb === "publish" ? "PUBLISH" : verb === "reject" ? "REJECT" : verb === "hide" ? "HIDE" : "RESTORE",
          fromStatus: item.status, toStatus: to, reason: reason || null, metadata: { verb, version: target.version + 1 },
        },
      });
      return true;
    });
    if (done) summary.done++;
    else summary.conflicts++;
  }
  return ok(summary);
}

export const REMOTE_VIEWS = ["PENDING", "PUBLISHED", "HIDDEN", "REJECTED"] as const;

/** The stream for the secretariat, one status at a time, oldest first, with each handle's roster mapping. */
export async function listRemoteForModeration(actor: Actor | null, slug: string, params: { view?: string; page?: string }) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, moderationMode: true } });
  if (!consultation) return null;
  const view = REMOTE_VIEWS.find((v) => v === params.view) ?? "PENDING";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const where = { consultationId: consultation.id, status: view };
  const [counts, items] = await Promise.all([
    db.remoteMessage.groupBy({ by: ["status"], where: { consultationId: consultation.id }, _count: { _all: true } }),
    db.remoteMessage.findMany({
      where, orderBy: [{ postedAt: "asc" }, { id: "asc" }], skip: (page - 1) * REMOTE_PAGE, take: REMOTE_PAGE,
      include: { speaker: { select: { id: true, name: true } }, session: { select: { slug: true, title: true } } },
    }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<Status, number>>;
  return { consultation, view, page, pages: Math.max(1, Math.ceil((byStatus[view] ?? 0) / REMOTE_PAGE)), counts: byStatus, items };
}

// ---------------------------------------------------------------------------------------------------------
// Handles and the roster

/**
 * Makes a handle an alias of a roster speaker (a new one named after the handle when `speakerId` is not given), and
 * gives every message of that handle the speaker's group and country.
 */
export async function addHandleToRoster(actor: Actor | null, handle: string, speakerId?: string): Promise<Result<{ speakerId: string; messages: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const clean = handle.trim();
  if (!clean || clean.length > 100) return fail("invalidInput", { handle: ["handleInvalid"] });
  const key = handleKey(clean);
  return withTransaction(async (tx) => {
    await lockKey(tx, ROSTER_LOCK, "all");
    const existing = await tx.speakerAlias.findUnique({ where: { key_scope: { key, scope: "" } }, select: { speakerId: true } });
    let id = existing?.speakerId;
    if (!id) {
      if (speakerId) {
        const speaker = await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true } });
        if (!speaker) return fail("notFound", { form: ["speakerGone"] }, 404);
        await tx.speakerAlias.create({ data: { speakerId, label: clean.startsWith("@") ? clean : `@${clean}`, key } });
        id = speakerId;
      } else {
        id = (await tx.speaker.create({ data: { name: clean.startsWith("@") ? clean : `@${clean}`, aliases: { create: { label: clean.startsWith("@") ? clean : `@${clean}`, key } } }, select: { id: true } })).id;
      }
    }
    const speaker = await tx.speaker.findUniqueOrThrow({ where: { id }, select: { stakeholderGroup: true, country: true, region: true, developing: true } });
    const handles = await tx.$queryRaw<{ handle: string }[]>`SELECT DISTINCT handle FROM "RemoteMessage" WHERE '@' || lower(regexp_replace(trim(handle), '^@+', '')) = ${key}`;
    const updated = await tx.remoteMessage.updateMany({ where: { handle: { in: handles.map((h) => h.handle) } }, data: { speakerId: id, ...speaker } });
    await recordAudit(tx, { actorId: actor.id, action: "meetings.remote.mapHandle", entityType: "Speaker", entityId: id, details: { handle: clean, messages: updated.count } });
    return ok({ speakerId: id, messages: updated.count });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Public reading

export interface PublicRemoteMessage {
  id: string;
  handle: string;
  /** null when the secretariat hid the message: its text never leaves this module */
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  postedAt: Date;
  hashtags: string[];
  url: string | null;
  language: string;
  session: { slug: string; title: string } | null;
}

/** Published messages of a consultation (hidden ones as a notice), newest first, one page at a time. */
export async function listPublicRemoteMessages(consultationId: string, params: { page?: number; hashtag?: string; session?: string; message?: string } = {}) {
  let page = Math.max(1, Math.min(10_000, params.page ?? 1));
  // A link to one message (from the archive search) opens the page that holds it.
  if (params.message) {
    const target = await db.remoteMessage.findFirst({ where: { id: params.message, consultationId, status: { in: [...PUBLIC_STATUSES] } }, select: { postedAt: true, id: true } });
    if (target) {
      const newer = await db.remoteMessage.count({
        where: { consultationId, status: { in: [...PUBLIC_STATUSES] }, OR: [{ postedAt: { gt: target.postedAt } }, { postedAt: target.postedAt, id: { gt: target.id } }] },
      });
      page = Math.floor(newer / REMOTE_PAGE) + 1;
    }
  }
  const where: Prisma.RemoteMessageWhereInput = {
    consultationId,
    status: { in: [...PUBLIC_STATUSES] },
    consultation: { status: "PUBLISHED" },
    ...(params.hashtag ? { hashtags: { has: params.hashtag } } : {}),
    ...(params.session ? { session: { slug: params.session } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.remoteMessage.count({ where }),
    db.remoteMessage.findMany({
      where, orderBy: [{ postedAt: "desc" }, { id: "desc" }], skip: (page - 1) * REMOTE_PAGE, take: REMOTE_PAGE,
      select: { id: true, handle: true, body: true, status: true, moderationNote: true, postedAt: true, hashtags: true, url: true, language: true, session: { select: { slug: true, title: true } } },
    }),
  ]);
  const items: PublicRemoteMessage[] = rows.map((r) => {
    const view = publicViewOf(r);
    return {
      id: r.id, handle: r.handle, body: view.hidden ? null : r.body, hidden: view.hidden, hiddenReason: view.hidden ? view.reason : null,
      postedAt: r.postedAt, hashtags: r.hashtags, url: view.hidden ? null : r.url, language: r.language, session: r.session,
    };
  });
  return { total, page, pages: Math.max(1, Math.ceil(total / REMOTE_PAGE)), items };
}

/** The most used hashtags of a consultation's published messages, for the public filter. */
export async function topHashtags(consultationId: string, limit = 12): Promise<{ tag: string; count: number }[]> {
  const rows = await db.$queryRaw<{ tag: string; n: bigint }[]>`
    SELECT tag, count(*) AS n FROM "RemoteMessage" m, unnest(m.hashtags) AS tag
    WHERE m."consultationId" = ${consultationId} AND m.status = 'PUBLISHED'
    GROUP BY tag ORDER BY n DESC, tag ASC LIMIT ${limit}`;
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
