// meetings: the sessions of a consultation round (main sessions, workshops, open forums) and their documents.
// The secretariat creates and edits sessions and imports their rapporteur reports; everyone reads the sessions of a
// published consultation with their transcript and report side by side.
import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db/client";
import { databaseNow, isUniqueViolation, withTransaction } from "../db/transaction";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import type { UploadedFile } from "../files/upload";
import { textOfUpload } from "./files";
import { reattributeRoleTurns } from "./transcripts";
import type { Role } from "../db/generated/enums";
import { MAX_REPORT_CHARS, ReportSchema, SESSION_TYPES, SessionSchema, versionField } from "./schema";

export type { Actor };

export const SESSION_PATH = (consultation: string, session: string) => `/consultations/${consultation}/sessions/${session}`;
export const ADMIN_SESSION_PATH = (consultation: string, session: string) => `/secretariat/consultations/${consultation}/sessions/${session}`;

async function consultationOf(tx: Tx, slug: string) {
  return tx.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
}

/** Sessions of a consultation, by date then title, with what each holds; for the secretariat's list. */
export async function listSessionsForAdmin(actor: Actor | null, slug: string) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  const consultation = await consultationOf(db, slug);
  if (!consultation) return null;
  const sessions = await db.meetingSession.findMany({
    where: { consultationId: consultation.id },
    orderBy: [{ date: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: {
      id: true, slug: true, title: true, type: true, date: true, chair: true, transcriptImportedAt: true,
      _count: { select: { turns: true, documents: true, remoteMessages: true } },
    },
  });
  return { consultation, sessions };
}

/** One session with everything the secretariat edits. */
export async function getSessionForAdmin(actor: Actor | null, slug: string, sessionSlug: string) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  return db.meetingSession.findFirst({
    where: { slug: sessionSlug, consultation: { slug } },
    include: {
      consultation: { select: { id: true, slug: true, title: true, status: true } },
      documents: { orderBy: { createdAt: "asc" } },
      _count: { select: { turns: true, remoteMessages: true } },
    },
  });
}

export async function createSession(actor: Actor | null, slug: string, raw: unknown): Promise<Result<{ id: string; slug: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = SessionSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      const consultation = await consultationOf(tx, slug);
      if (!consultation) return fail("notFound", undefined, 404);
      const session = await tx.meetingSession.create({
        data: { consultationId: consultation.id, slug: input.slug, title: input.title, type: input.type, date: input.date, chair: input.chair, moderators: input.moderators, rapporteur: input.rapporteur },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "meetings.session.create", entityType: "MeetingSession", entityId: session.id, consultationId: consultation.id,
        details: { title: input.title, slug: input.slug, type: input.type },
      });
      return ok({ id: session.id, slug: session.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

/** Saves the session's details; conditional on the version the form was loaded with. */
export async function updateSession(actor: Actor | null, sessionId: string, raw: unknown): Promise<Result<{ slug: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = SessionSchema.safeParse(raw);
  const version = versionField.safeParse((raw as { version?: unknown } | null)?.version);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  if (!version.success) return fail("invalidRequest");
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      const before = await tx.meetingSession.findUnique({ where: { id: sessionId } });
      if (!before) return fail("notFound", undefined, 404);
      const updated = await tx.meetingSession.updateMany({
        where: { id: sessionId, version: version.data },
        data: { slug: input.slug, title: input.title, type: input.type, date: input.date, chair: input.chair, moderators: input.moderators, rapporteur: input.rapporteur, version: { increment: 1 } },
      });
      if (updated.count !== 1) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
      const changed: string[] = (["slug", "title", "type", "chair", "rapporteur"] as const).filter((k) => before[k] !== input[k]);
      if (before.date?.getTime() !== input.date?.getTime()) changed.push("date");
      if (before.moderators.join("\n") !== input.moderators.join("\n")) changed.push("moderators");
      // Turns labelled CHAIR, MODERATOR or RAPPORTEUR follow the people the session now names.
      const people = ["chair", "rapporteur", "moderators"].some((k) => changed.includes(k));
      const reattributed = people ? await reattributeRoleTurns(tx, { id: sessionId, chair: input.chair, moderators: input.moderators, rapporteur: input.rapporteur }) : 0;
      await recordAudit(tx, {
        actorId: actor.id, action: "meetings.session.update", entityType: "MeetingSession", entityId: sessionId, consultationId: before.consultationId,
        details: { changed, reattributedTurns: reattributed },
      });
      return ok({ slug: input.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

/**
 * Imports (or replaces) the session's rapporteur report from pasted Markdown or an uploaded .md/.txt/.docx file.
 * One report per session: a new one replaces the text of the old, and the audit log keeps both hashes.
 */
export async function saveRapporteurReport(
  actor: Actor | null,
  sessionId: string,
  input: { title: string; body?: string; file?: UploadedFile | null },
): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  let body = input.body ?? "";
  let filename: string | null = null;
  if (input.file) {
    const text = await textOfUpload(input.file, "markdown");
    if (!text.ok) return text;
    body = text.data;
    filename = input.file.name.split(/[\\/]/).pop()?.slice(0, 200) ?? null;
  }
  if (body.length > MAX_REPORT_CHARS) return fail("invalidInput", { body: ["reportTooLong"] });
  const parsed = ReportSchema.safeParse({ title: input.title, body });
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const sha256 = createHash("sha256").update(parsed.data.body).digest("hex");
  return withTransaction(async (tx) => {
    const session = await tx.meetingSession.findUnique({ where: { id: sessionId }, select: { id: true, consultationId: true } });
    if (!session) return fail("notFound", undefined, 404);
    const existing = await tx.sessionDocument.findFirst({ where: { sessionId, kind: "RAPPORTEUR_REPORT" }, orderBy: { createdAt: "asc" } });
    const data = { title: parsed.data.title, body: parsed.data.body, filename, sha256 };
    const doc = existing
      ? await tx.sessionDocument.update({ where: { id: existing.id }, data })
      : await tx.sessionDocument.create({ data: { sessionId, kind: "RAPPORTEUR_REPORT", ...data } });
    await recordAudit(tx, {
      actorId: actor.id, action: existing ? "meetings.report.replace" : "meetings.report.import", entityType: "SessionDocument", entityId: doc.id,
      consultationId: session.consultationId, details: { sessionId, filename, sha256, previousSha256: existing?.sha256 ?? null, at: (await databaseNow(tx)).toISOString() },
    });
    return ok({ id: doc.id });
  });
}

/**
 * The session a command-line import goes into: the consultation's session with this title or address, or a new
 * main session with that title and date (audited like one created in the browser).
 */
export async function findOrCreateSessionForImport(
  operator: { id: string | null; role: Role },
  slug: string,
  input: { title: string; date?: string | null; type?: (typeof SESSION_TYPES)[number] },
): Promise<Result<{ slug: string; created: boolean; title: string }>> {
  if (!hasRole(operator, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = SessionSchema.safeParse({ title: input.title, slug: "", type: input.type ?? "MAIN_SESSION", date: input.date ?? "" });
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  return withTransaction(async (tx) => {
    const consultation = await consultationOf(tx, slug);
    if (!consultation) return fail("notFound", undefined, 404);
    const found = await tx.meetingSession.findFirst({
      where: { consultationId: consultation.id, OR: [{ title: { equals: parsed.data.title, mode: "insensitive" } }, { slug: parsed.data.slug }] },
      select: { slug: true, title: true },
    });
    if (found) return ok({ ...found, created: false });
    const session = await tx.meetingSession.create({ data: { consultationId: consultation.id, slug: parsed.data.slug, title: parsed.data.title, type: parsed.data.type, date: parsed.data.date } });
    await recordAudit(tx, {
      actorId: operator.id, action: "meetings.session.create", entityType: "MeetingSession", entityId: session.id, consultationId: consultation.id,
      details: { title: session.title, slug: session.slug, type: session.type, via: "cli" },
    });
    return ok({ slug: session.slug, title: session.title, created: true });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Public reading

/** Sessions of a published consultation, for its public page. */
export async function listPublicSessions(consultationId: string) {
  return db.meetingSession.findMany({
    where: { consultationId, consultation: { status: "PUBLISHED" } },
    orderBy: [{ date: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: { slug: true, title: true, type: true, date: true, _count: { select: { turns: true, documents: true } } },
  });
}

/** A session of a public consultation with its turns, speakers and documents. */
export async function getPublicSession(slug: string, sessionSlug: string) {
  return db.meetingSession.findFirst({
    where: { slug: sessionSlug, consultation: { slug, status: "PUBLISHED" } },
    include: {
      consultation: { select: { slug: true, title: true } },
      documents: { orderBy: { createdAt: "asc" } },
      turns: {
        orderBy: { number: "asc" },
        select: {
          id: true, number: true, speakerLabel: true, body: true, procedural: true, stakeholderGroup: true, country: true,
          speaker: { select: { id: true, name: true, organisation: { select: { name: true } } } },
        },
      },
    },
  });
}

/** The transcript exactly as it was imported, for download beside the turns. */
export async function getTranscriptSource(slug: string, sessionSlug: string) {
  return db.meetingSession.findFirst({
    where: { slug: sessionSlug, consultation: { slug, status: "PUBLISHED" }, transcriptSource: { not: null } },
    select: { slug: true, transcriptSource: true, transcriptFilename: true, transcriptSha256: true },
  });
}

/** Who speaks in a session: each roster speaker with their turns there, and the unattributed turns by label. */
export async function sessionSpeakers(sessionId: string) {
  const [bySpeaker, unattributed] = await Promise.all([
    db.sessionTurn.groupBy({ by: ["speakerId"], where: { sessionId, speakerId: { not: null } }, _count: { _all: true } }),
    db.sessionTurn.groupBy({ by: ["speakerLabel"], where: { sessionId, speakerId: null }, _count: { _all: true } }),
  ]);
  const speakers = await db.speaker.findMany({
    where: { id: { in: bySpeaker.flatMap((r) => (r.speakerId ? [r.speakerId] : [])) } },
    select: { id: true, name: true, stakeholderGroup: true, country: true, mappedAt: true, organisation: { select: { name: true } }, aliases: { select: { label: true } } },
  });
  const turns = new Map(bySpeaker.map((r) => [r.speakerId, r._count._all]));
  return {
    speakers: speakers.map((s) => ({ ...s, turns: turns.get(s.id) ?? 0 })).sort((a, b) => b.turns - a.turns || a.name.localeCompare(b.name)),
    unattributed: unattributed.map((r) => ({ label: r.speakerLabel, turns: r._count._all })).sort((a, b) => b.turns - a.turns),
  };
}
