// meetings: importing a session's captioning transcript. The preview parses the text and says what it found
// ("130 turns, 41 speakers, 4 proposed merges") without storing anything; the import stores exactly the previewed
// text (checked by its hash) in one transaction, all or nothing: turns, new roster speakers and their aliases.
// Labels already in the roster are reused across sessions and years (surname-only labels within their session).
import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { hasRole, type Actor } from "../auth/session-roles";
import type { Role } from "../db/generated/enums";
import { recordAudit } from "../audit/log";
import { fail, ok, type Result } from "../result";
import type { UploadedFile } from "../files/upload";
import { isProceduralText } from "./courtesy";
import { dismissalKey, isReusableKey, proposeMerges, type MergeReason, type RosterEntry } from "./roster";
import { MAX_TRANSCRIPT_CHARS } from "./schema";
import { textOfUpload } from "./files";
import { displayName, parseTranscript, roleOf, speakerKey, type ParsedTranscript, type ParsedTurn, type TranscriptWarning } from "./transcript";

/** Who imports: a signed-in secretariat member, or the command line (no account: id null, audited as such). */
export type Operator = Actor | { id: string | null; role: Role };

/** A lock on the whole roster: two imports never create the same alias twice. */
export const ROSTER_LOCK = "meetings-roster";

export interface TranscriptSource {
  /** pasted text */
  text?: string;
  /** or an uploaded .txt / .docx file */
  file?: UploadedFile | null;
}

export interface PreviewSpeaker {
  label: string;
  kind: "person" | "role" | "unidentified";
  turns: number;
  /** known: in the roster already (reused); new: added to the roster on import */
  status: "known" | "new" | "role" | "unidentified";
  /** the roster name it resolves to ("Chengetai Masango" for CHAIR when the session names its chair) */
  name: string | null;
}

export interface TranscriptPreview {
  sha256: string;
  filename: string | null;
  /** the title line found above the first turn */
  title: string | null;
  turns: number;
  words: number;
  /** distinct people speaking (roster speakers the turns resolve to) */
  speakers: number;
  newSpeakers: number;
  knownSpeakers: number;
  unidentifiedTurns: number;
  proceduralTurns: number;
  proposedMerges: number;
  merges: { labels: [string, string]; reason: MergeReason }[];
  skipped: ParsedTranscript["skipped"];
  warnings: TranscriptWarning[];
  speakerList: PreviewSpeaker[];
  sample: { number: number; label: string; text: string }[];
  /** turns already stored for this session, replaced by the import */
  replaces: number;
}

async function sessionFor(tx: Tx, slug: string, sessionSlug: string) {
  return tx.meetingSession.findFirst({
    where: { slug: sessionSlug, consultation: { slug } },
    select: { id: true, slug: true, title: true, chair: true, moderators: true, rapporteur: true, consultationId: true, version: true, _count: { select: { turns: true } } },
  });
}

type Session = NonNullable<Awaited<ReturnType<typeof sessionFor>>>;

async function readSource(source: TranscriptSource): Promise<Result<{ text: string; filename: string | null }>> {
  if (source.file) {
    const text = await textOfUpload(source.file, "text");
    if (!text.ok) return text;
    return ok({ text: text.data, filename: source.file.name.split(/[\\/]/).pop()?.slice(0, 200) ?? null });
  }
  const text = (source.text ?? "").replace(/^\uFEFF/, "");
  if (!text.trim()) return fail("invalidInput", { text: ["transcriptRequired"] });
  return ok({ text, filename: null });
}

/** The person a role label stands for in this session: CHAIR is its chair, MODERATOR its only moderator... */
function personOfRole(turn: Pick<ParsedTurn, "role">, session: Pick<Session, "chair" | "moderators" | "rapporteur">): string | null {
  if (turn.role === "CHAIR") return session.chair || null;
  if (turn.role === "MODERATOR") return session.moderators.length === 1 ? (session.moderators[0] ?? null) : null;
  if (turn.role === "RAPPORTEUR") return session.rapporteur || null;
  return null;
}

interface Resolution {
  /** the roster key each turn resolves to (null: no speaker), by turn number */
  keyOfTurn: Map<number, { key: string; label: string } | null>;
  /** alias lookups: "scope\0key" → speaker id */
  known: Map<string, string>;
}

function aliasSlot(key: string, sessionId: string): { key: string; scope: string } {
  return { key, scope: isReusableKey(key) ? "" : sessionId };
}

const slotId = (slot: { key: string; scope: string }) => `${slot.scope}\u0000${slot.key}`;

async function resolve(tx: Tx, parsed: ParsedTranscript, session: Session): Promise<Resolution> {
  const keyOfTurn = new Map<number, { key: string; label: string } | null>();
  for (const turn of parsed.turns) {
    if (turn.kind === "person" && turn.key) keyOfTurn.set(turn.number, { key: turn.key, label: turn.label });
    else if (turn.kind === "role") {
      const person = personOfRole(turn, session);
      keyOfTurn.set(turn.number, person ? { key: speakerKey(person), label: person } : null);
    } else keyOfTurn.set(turn.number, null);
  }
  const keys = [...new Set([...keyOfTurn.values()].flatMap((v) => (v ? [v.key] : [])))];
  const aliases = keys.length
    ? await tx.speakerAlias.findMany({ where: { key: { in: keys }, scope: { in: ["", session.id] } }, select: { key: true, scope: true, speakerId: true } })
    : [];
  const known = new Map(aliases.map((a) => [slotId(a), a.speakerId]));
  return { keyOfTurn, known };
}

interface Analysis {
  preview: TranscriptPreview;
  parsed: ParsedTranscript;
  resolution: Resolution;
  text: string;
}

async function analyse(tx: Tx, session: Session, text: string, filename: string | null): Promise<Result<Analysis>> {
  if (text.length > MAX_TRANSCRIPT_CHARS) return fail("invalidInput", { text: ["transcriptTooLong"] });
  const sessionPeople = [session.chair, session.rapporteur, ...session.moderators].filter(Boolean).map(speakerKey);
  const rosterKeys = await tx.speakerAlias.findMany({ where: { scope: "" }, select: { key: true, speakerId: true } });
  const parsed = parseTranscript(text, { knownKeys: new Set([...sessionPeople, ...rosterKeys.map((k) => k.key)]) });
  if (parsed.turns.length === 0) return fail("invalidInput", { text: ["noTurns"] });
  const resolution = await resolve(tx, parsed, session);

  // Who speaks: one entry per roster speaker the turns resolve to (existing id, or "new:<key>").
  const idOf = (key: string) => resolution.known.get(slotId(aliasSlot(key, session.id))) ?? `new:${key}`;
  const turnsOf = new Map<string, number>();
  const labelsOf = new Map<string, Set<string>>();
  for (const turn of parsed.turns) {
    const resolved = resolution.keyOfTurn.get(turn.number);
    if (!resolved) continue;
    const id = idOf(resolved.key);
    turnsOf.set(id, (turnsOf.get(id) ?? 0) + 1);
    labelsOf.set(id, (labelsOf.get(id) ?? new Set()).add(resolved.key));
  }
  const speakerIds = [...turnsOf.keys()];
  const knownIds = speakerIds.filter((id) => !id.startsWith("new:"));
  const names = new Map((await tx.speaker.findMany({ where: { id: { in: knownIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));

  // Proposed merges: among this transcript's speakers, and between them and the roster.
  const roster = new Map<string, string[]>();
  for (const alias of rosterKeys) roster.set(alias.speakerId, [...(roster.get(alias.speakerId) ?? []), alias.key]);
  for (const id of speakerIds) roster.set(id, [...new Set([...(roster.get(id) ?? []), ...(labelsOf.get(id) ?? [])])]);
  const entries: RosterEntry[] = [...roster].map(([id, keys]) => ({ id, keys }));
  const dismissed = await tx.speakerMergeDismissal.findMany({ where: { OR: [{ speakerAId: { in: knownIds } }, { speakerBId: { in: knownIds } }] }, select: { speakerAId: true, speakerBId: true } });
  const involved = new Set(speakerIds);
  const merges = proposeMerges(entries, new Set(dismissed.map((d) => dismissalKey(d.speakerAId, d.speakerBId)))).filter((m) => involved.has(m.a) || involved.has(m.b));

  const labelOfTurnKey = new Map<string, string>();
  for (const turn of parsed.turns) if (turn.key && !labelOfTurnKey.has(turn.key)) labelOfTurnKey.set(turn.key, turn.label);
  const speakerList: PreviewSpeaker[] = [];
  const byLabel = new Map<string, PreviewSpeaker>();
  for (const turn of parsed.turns) {
    const resolved = resolution.keyOfTurn.get(turn.number);
    const id = resolved ? idOf(resolved.key) : null;
    const label = turn.kind === "unidentified" ? "" : turn.kind === "role" ? turn.label.toUpperCase() : (turn.key ?? "");
    const entryKey = `${turn.kind}:${label}`;
    let entry = byLabel.get(entryKey);
    if (!entry) {
      entry = {
        label: turn.kind === "person" ? (labelOfTurnKey.get(turn.key ?? "") ?? turn.label) : turn.label,
        kind: turn.kind,
        turns: 0,
        status: turn.kind === "unidentified" ? "unidentified" : turn.kind === "role" && !id ? "role" : id && !id.startsWith("new:") ? "known" : "new",
        name: id ? (names.get(id) ?? displayName(resolved?.label ?? turn.label)) : null,
      };
      byLabel.set(entryKey, entry);
      speakerList.push(entry);
    }
    entry.turns++;
  }

  const sha256 = createHash("sha256").update(text).digest("hex");
  const preview: TranscriptPreview = {
    sha256,
    filename,
    title: parsed.title,
    turns: parsed.turns.length,
    words: parsed.words,
    speakers: speakerIds.length,
    newSpeakers: speakerIds.length - knownIds.length,
    knownSpeakers: knownIds.length,
    unidentifiedTurns: parsed.turns.filter((t) => !resolution.keyOfTurn.get(t.number)).length,
    proceduralTurns: parsed.turns.filter((t) => isProceduralText(t.paragraphs.join(" "))).length,
    proposedMerges: merges.length,
    merges: merges.map((m) => ({ labels: m.keys, reason: m.reason })),
    skipped: parsed.skipped,
    warnings: parsed.warnings.slice(0, 100),
    speakerList: speakerList.sort((a, b) => b.turns - a.turns || (a.label < b.label ? -1 : 1)),
    sample: parsed.turns.slice(0, 8).map((t) => ({ number: t.number, label: t.label, text: (t.paragraphs[0] ?? "").slice(0, 300) })),
    replaces: session._count.turns,
  };
  return ok({ preview, parsed, resolution, text });
}

/** Parses and checks a transcript for a session, storing nothing: what the secretariat sees before importing. */
export async function previewTranscript(actor: Operator | null, slug: string, sessionSlug: string, source: TranscriptSource): Promise<Result<TranscriptPreview>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const session = await sessionFor(db, slug, sessionSlug);
  if (!session) return fail("notFound", undefined, 404);
  const read = await readSource(source);
  if (!read.ok) return read;
  const analysis = await analyse(db, session, read.data.text, read.data.filename);
  return analysis.ok ? ok(analysis.data.preview) : analysis;
}

export interface ImportedTranscript {
  sessionId: string;
  turns: number;
  speakers: number;
  newSpeakers: number;
  proposedMerges: number;
  words: number;
}

/**
 * Imports a transcript into a session, whole or not at all. `expectedSha256`, when given, must be the hash of the
 * previewed text, so what is stored is what the secretariat saw; a session that already has turns keeps them
 * unless `replace` is set.
 */
export async function importTranscript(
  actor: Operator | null,
  slug: string,
  sessionSlug: string,
  source: TranscriptSource,
  options: { expectedSha256?: string; replace?: boolean; via?: "web" | "cli" } = {},
): Promise<Result<ImportedTranscript, TranscriptPreview>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const read = await readSource(source);
  if (!read.ok) return read;
  const { text, filename } = read.data;
  return withTransaction(
    async (tx): Promise<Result<ImportedTranscript, TranscriptPreview>> => {
      await lockKey(tx, ROSTER_LOCK, "all");
      const session = await sessionFor(tx, slug, sessionSlug);
      if (!session) return fail("notFound", undefined, 404);
      const analysis = await analyse(tx, session, text, filename);
      if (!analysis.ok) return analysis;
      const { preview, parsed, resolution } = analysis.data;
      if (options.expectedSha256 && options.expectedSha256 !== preview.sha256) return fail("changed", undefined, 409, { detail: preview });
      if (session._count.turns > 0 && !options.replace) return fail("transcriptExists", { form: ["transcriptExists"] }, 409, { detail: preview, params: { count: session._count.turns } });

      // New roster speakers, one per new key, unclassified until the secretariat maps them.
      const speakerOf = new Map(resolution.known);
      const created: string[] = [];
      for (const turn of parsed.turns) {
        const resolved = resolution.keyOfTurn.get(turn.number);
        if (!resolved) continue;
        const slot = aliasSlot(resolved.key, session.id);
        if (speakerOf.has(slotId(slot))) continue;
        const speaker = await tx.speaker.create({
          data: { name: displayName(resolved.label), aliases: { create: { label: resolved.label.slice(0, 200), key: slot.key, scope: slot.scope } } },
          select: { id: true },
        });
        speakerOf.set(slotId(slot), speaker.id);
        created.push(speaker.id);
      }
      const ids = [...new Set(speakerOf.values())];
      const mapping = new Map((await tx.speaker.findMany({ where: { id: { in: ids } }, select: { id: true, stakeholderGroup: true, country: true, region: true, developing: true } })).map((s) => [s.id, s]));

      if (session._count.turns > 0) await tx.sessionTurn.deleteMany({ where: { sessionId: session.id } });
      await tx.sessionTurn.createMany({
        data: parsed.turns.map((turn) => {
          const resolved = resolution.keyOfTurn.get(turn.number);
          const speakerId = resolved ? (speakerOf.get(slotId(aliasSlot(resolved.key, session.id))) ?? null) : null;
          const place = speakerId ? mapping.get(speakerId) : undefined;
          const body = turn.paragraphs.join("\n\n");
          return {
            sessionId: session.id, consultationId: session.consultationId, number: turn.number, speakerId, speakerLabel: turn.label.slice(0, 200), body,
            procedural: isProceduralText(turn.paragraphs.join(" ")),
            ...(place ? { stakeholderGroup: place.stakeholderGroup, country: place.country, region: place.region, developing: place.developing } : {}),
          };
        }),
      });
      const now = await databaseNow(tx);
      await tx.meetingSession.update({
        where: { id: session.id },
        data: { transcriptFilename: filename, transcriptSha256: preview.sha256, transcriptImportedAt: now, transcriptSource: text, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: session._count.turns > 0 ? "meetings.transcript.replace" : "meetings.transcript.import", entityType: "MeetingSession",
        entityId: session.id, consultationId: session.consultationId,
        details: {
          filename, sha256: preview.sha256, turns: preview.turns, words: preview.words, speakers: preview.speakers, newSpeakers: created.length,
          proposedMerges: preview.proposedMerges, replaced: session._count.turns, via: options.via ?? "web",
        },
      });
      return ok({ sessionId: session.id, turns: preview.turns, speakers: preview.speakers, newSpeakers: created.length, proposedMerges: preview.proposedMerges, words: preview.words });
    },
    { timeoutMs: 120_000 },
  );
}

/** "130 turns, 41 speakers, 4 proposed merges": the one-line summary the CLI prints (the browser shows the same). */
export function summaryLine(p: Pick<TranscriptPreview, "turns" | "speakers" | "proposedMerges" | "words" | "unidentifiedTurns" | "proceduralTurns">): string {
  const n = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
  return [
    n(p.turns, "turn", "turns"), n(p.speakers, "speaker", "speakers"), n(p.proposedMerges, "proposed merge", "proposed merges"),
    `${n(p.words, "word", "words")}; ${n(p.unidentifiedTurns, "turn", "turns")} without an identified speaker, ${n(p.proceduralTurns, "procedural turn", "procedural turns")}`,
  ].join(", ");
}

/**
 * After the secretariat names (or renames) a session's chair, moderator or rapporteur: the turns labelled with that
 * role are attributed to that person (found in the roster, or added to it), or left unattributed when the session no
 * longer names anyone for it. Runs inside the session's update; returns how many turns changed hands.
 */
export async function reattributeRoleTurns(tx: Tx, session: { id: string; chair: string; moderators: string[]; rapporteur: string }): Promise<number> {
  const turns = await tx.sessionTurn.findMany({ where: { sessionId: session.id }, select: { id: true, speakerLabel: true, speakerId: true } });
  const roleTurns = turns.flatMap((t) => {
    const role = roleOf(t.speakerLabel);
    return role ? [{ ...t, role }] : [];
  });
  if (roleTurns.length === 0) return 0;
  await lockKey(tx, ROSTER_LOCK, "all");
  const speakerOfPerson = new Map<string, string>();
  let changed = 0;
  for (const turn of roleTurns) {
    const person = personOfRole(turn, session);
    let speakerId: string | null = null;
    if (person) {
      const slot = aliasSlot(speakerKey(person), session.id);
      speakerId = speakerOfPerson.get(slotId(slot)) ?? (await tx.speakerAlias.findUnique({ where: { key_scope: slot }, select: { speakerId: true } }))?.speakerId ?? null;
      if (!speakerId) {
        speakerId = (await tx.speaker.create({ data: { name: displayName(person), aliases: { create: { label: person.slice(0, 200), key: slot.key, scope: slot.scope } } }, select: { id: true } })).id;
      }
      speakerOfPerson.set(slotId(slot), speakerId);
    }
    if (speakerId === turn.speakerId) continue;
    const place = speakerId ? await tx.speaker.findUnique({ where: { id: speakerId }, select: { stakeholderGroup: true, country: true, region: true, developing: true } }) : null;
    await tx.sessionTurn.update({
      where: { id: turn.id },
      data: { speakerId, ...(place ?? { stakeholderGroup: "UNCLASSIFIED", country: "ZZ", region: "UNKNOWN", developing: false }) },
    });
    changed++;
  }
  return changed;
}
