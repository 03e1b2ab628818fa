// Importing a session transcript: preview without storing, all or nothing, what was previewed is what is stored;
// turns attributed and searchable; roles resolved to the session's people; the roster reused across sessions and
// years (full names only); courtesy turns flagged; the rapporteur report beside it.
import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph } from "docx";
import { db } from "@/lib/db/client";
import { importTranscript, previewTranscript, summaryLine } from "@/lib/meetings/transcripts";
import { getPublicSession, saveRapporteurReport, updateSession } from "@/lib/meetings/sessions";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSession, importFixtureTranscript } from "../fixtures/meetings";
import { buildLongTranscript, readTranscriptFixture } from "../fixtures/transcripts";

const MAIN = readTranscriptFixture("main-session-access");
const FORUM = readTranscriptFixture("open-forum-stocktaking");

describe("transcript import", () => {
  it("previews what it found without storing anything", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id, { chair: "Chengetai Masango", moderators: ["Constance Bommelaer"] });
    const preview = await previewTranscript(sec, c.slug, session.slug, { text: MAIN });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    // CHAPELLE/CHAPPELLE, V CERF/VINTON CERF, H TANAKA/HIROSHI TANAKA, and the moderator's surname alone (BOMMELAER).
    expect(preview.data).toMatchObject({ turns: 26, unidentifiedTurns: 4, proposedMerges: 4, replaces: 0, knownSpeakers: 0 });
    // CHAIR is the session's chair, the one MODERATOR its moderator: resolved to people, not counted as labels.
    expect(preview.data.speakerList.find((s) => s.label === "CHAIR")).toMatchObject({ kind: "role", status: "new", name: "Chengetai Masango" });
    expect(preview.data.speakers).toBe(10);
    expect(summaryLine(preview.data)).toMatch(/^26 turns, 10 speakers, 4 proposed merges, \d+ words; 4 turns without an identified speaker, \d+ procedural turns$/);
    expect(await db.sessionTurn.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.speakerAlias.count({ where: { OR: [{ scope: session.id }, { key: "CHENGETAI MASANGO" }] } })).toBe(0);
  });

  it("stores the previewed text, all or nothing, attributed and flagged, and refuses a changed text", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id, { chair: "Chengetai Masango" });
    const preview = await previewTranscript(sec, c.slug, session.slug, { text: MAIN });
    if (!preview.ok) throw new Error("preview");
    const changed = await importTranscript(sec, c.slug, session.slug, { text: `${MAIN}\n>> CHAIR:  One more thing.` }, { expectedSha256: preview.data.sha256 });
    expect(changed).toMatchObject({ ok: false, error: "changed", status: 409 });
    expect(await db.sessionTurn.count({ where: { sessionId: session.id } })).toBe(0);

    const done = await importTranscript(sec, c.slug, session.slug, { text: MAIN }, { expectedSha256: preview.data.sha256 });
    expect(done).toMatchObject({ ok: true, data: { turns: 26 } });
    const turns = await db.sessionTurn.findMany({ where: { sessionId: session.id }, orderBy: { number: "asc" }, include: { speaker: { include: { aliases: true } } } });
    expect(turns).toHaveLength(26);
    expect(turns[0]).toMatchObject({ number: 1, speakerLabel: "CHAIR", stakeholderGroup: "UNCLASSIFIED", country: "ZZ", region: "UNKNOWN", procedural: false });
    expect(turns[0]?.speaker?.name).toBe("Chengetai Masango");
    // "I give the floor to our moderator." is only floor management.
    expect(turns[1]).toMatchObject({ speakerLabel: "CHAIR", procedural: true });
    expect(turns.find((t) => t.speakerLabel === "MS BOMMELAER")?.procedural).toBe(true);
    // The chair's own label in another turn ("Chengetai Masango:") is the same roster speaker as CHAIR.
    expect(new Set(turns.filter((t) => t.speakerLabel === "CHAIR" || t.speakerLabel === "Chengetai Masango").map((t) => t.speakerId)).size).toBe(1);
    // No speaker: the unidentified, and the moderators' roles, since this session names no moderator.
    expect(turns.filter((t) => t.speakerId === null).map((t) => t.speakerLabel)).toEqual(["SPEAKER", "", "MR. [INAUDIBLE]", "MODERATOR", "AUDIENCE MEMBER", "REMOTE MODERATOR"]);
    expect(turns.find((t) => t.speakerLabel === "VINTON CERF")?.body.split("\n\n")).toHaveLength(3);
    // Surnames alone name the speaker in this session only; full names everywhere.
    const scopes = Object.fromEntries(turns.flatMap((t) => t.speaker?.aliases.map((a) => [a.key, a.scope]) ?? []));
    expect(scopes).toMatchObject({ "VINTON CERF": "", "V CERF": "", BOMMELAER: session.id, CHAPELLE: session.id });
    const stored = await db.meetingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored).toMatchObject({ transcriptSha256: preview.data.sha256, transcriptSource: MAIN });
    const audit = await db.auditEvent.findFirst({ where: { action: "meetings.transcript.import", entityId: session.id } });
    expect(audit).toMatchObject({ actorId: sec.id, consultationId: c.id });

    // A second import into the same session needs an explicit replace, and then replaces the turns whole.
    const again = await importTranscript(sec, c.slug, session.slug, { text: FORUM });
    expect(again).toMatchObject({ ok: false, error: "transcriptExists", status: 409 });
    expect(await db.sessionTurn.count({ where: { sessionId: session.id } })).toBe(26);
    const replaced = await importTranscript(sec, c.slug, session.slug, { text: FORUM }, { replace: true });
    expect(replaced).toMatchObject({ ok: true, data: { turns: 11 } });
    expect(await db.sessionTurn.count({ where: { sessionId: session.id } })).toBe(11);
  });

  it("reuses the roster across sessions and years: full names, not surnames alone", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const y2025 = await buildConsultation();
    const y2026 = await buildConsultation();
    const first = await buildSession(y2025.id, { chair: "Chengetai Masango" });
    const later = await buildSession(y2026.id, { chair: "Chengetai Masango" });
    await importFixtureTranscript(sec, first, MAIN);
    const preview = await previewTranscript(sec, y2026.slug, later.slug, { text: MAIN });
    if (!preview.ok) throw new Error("preview");
    const status = Object.fromEntries(preview.data.speakerList.map((s) => [s.label, s.status]));
    expect(status).toMatchObject({ CHAIR: "known", "VINTON CERF": "known", "V CERF": "known", "HIROSHI TANAKA": "known", "MS. BOMMELAER": "new", CHAPELLE: "new", "MS. OKAFOR": "new" });
    const before = await db.speaker.count();
    const imported = await importFixtureTranscript(sec, later, MAIN);
    expect(await db.speaker.count()).toBe(before + preview.data.newSpeakers);
    expect(imported.newSpeakers).toBe(preview.data.newSpeakers);
    const cerf = await db.speakerAlias.findUniqueOrThrow({ where: { key_scope: { key: "VINTON CERF", scope: "" } } });
    const cerfTurns = await db.sessionTurn.findMany({ where: { speakerId: cerf.speakerId, sessionId: { in: [first.id, later.id] } }, select: { sessionId: true } });
    expect(new Set(cerfTurns.map((t) => t.sessionId))).toEqual(new Set([first.id, later.id]));
    const okafor = await db.sessionTurn.findMany({ where: { speakerLabel: "MS. OKAFOR", sessionId: { in: [first.id, later.id] } }, select: { speakerId: true } });
    expect(new Set(okafor.map((t) => t.speakerId)).size).toBe(2);
  });

  it("attributes CHAIR and MODERATOR turns to the people the session names, also when they are named after the import", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id);
    await importFixtureTranscript(sec, session, MAIN);
    const chairTurns = () => db.sessionTurn.findMany({ where: { sessionId: session.id, speakerLabel: "CHAIR" }, select: { speaker: { select: { name: true } } } });
    expect((await chairTurns()).every((t) => t.speaker === null)).toBe(true);
    const fresh = await db.meetingSession.findUniqueOrThrow({ where: { id: session.id } });
    const values = { title: fresh.title, slug: fresh.slug, type: fresh.type, date: "2025-06-24", chair: "Chengetai Masango", moderators: "Constance Bommelaer", rapporteur: "", version: fresh.version };
    expect(await updateSession(sec, session.id, values)).toMatchObject({ ok: true });
    expect(new Set((await chairTurns()).map((t) => t.speaker?.name))).toEqual(new Set(["Chengetai Masango"]));
    const moderator = await db.sessionTurn.findFirstOrThrow({ where: { sessionId: session.id, speakerLabel: "MODERATOR" }, include: { speaker: true } });
    expect(moderator.speaker?.name).toBe("Constance Bommelaer");
    // Stale form: refused, nothing changes.
    expect(await updateSession(sec, session.id, { ...values, chair: "Someone Else" })).toMatchObject({ ok: false, status: 409 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "meetings.session.update", entityId: session.id } });
    expect(audit.details).toMatchObject({ changed: expect.arrayContaining(["chair", "moderators"]), reattributedTurns: 8 });
  });

  it("is refused to anyone but the secretariat, and for unreadable or empty input", async () => {
    const c = await buildConsultation();
    const session = await buildSession(c.id);
    const participant = await buildUser();
    const sec = await buildUser({ role: "SECRETARIAT" });
    expect(await previewTranscript(participant, c.slug, session.slug, { text: MAIN })).toMatchObject({ ok: false, status: 403 });
    expect(await importTranscript(participant, c.slug, session.slug, { text: MAIN })).toMatchObject({ ok: false, status: 403 });
    expect(await previewTranscript(null, c.slug, session.slug, { text: MAIN })).toMatchObject({ ok: false, status: 403 });
    expect(await previewTranscript(sec, c.slug, session.slug, { text: "   " })).toMatchObject({ ok: false, fieldErrors: { text: ["transcriptRequired"] } });
    expect(await previewTranscript(sec, c.slug, session.slug, { text: "Page 1 of 2\n\n* * *\n" })).toMatchObject({ ok: false, fieldErrors: { text: ["noTurns"] } });
    const bad = await previewTranscript(sec, c.slug, session.slug, { file: { name: "t.txt", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) } });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { file: ["fileNotUtf8"] } });
    const pdf = await previewTranscript(sec, c.slug, session.slug, { file: { name: "t.pdf", bytes: new TextEncoder().encode("%PDF-1.4") } });
    expect(pdf).toMatchObject({ ok: false, fieldErrors: { file: ["fileType"] } });
    expect(await previewTranscript(sec, c.slug, "no-such-session", { text: MAIN })).toMatchObject({ ok: false, status: 404 });
    expect(await db.sessionTurn.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("reads a .docx transcript like the text it holds", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id);
    const doc = new Document({ sections: [{ children: MAIN.split("\n").map((line) => new Paragraph({ text: line })) }] });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const preview = await previewTranscript(sec, c.slug, session.slug, { file: { name: "main-session.docx", bytes } });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.data).toMatchObject({ turns: 26, filename: "main-session.docx" });
  });

  it("makes turns searchable and shows the rapporteur report beside the transcript", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id);
    await importFixtureTranscript(sec, session, MAIN);
    const hits = await db.$queryRaw<{ number: number }[]>`
      SELECT number FROM "SessionTurn" WHERE "sessionId" = ${session.id} AND "searchVector" @@ websearch_to_tsquery('simple', 'zero-rating') ORDER BY number`;
    expect(hits.map((h) => h.number)).toEqual([17, 18]);
    const report = await saveRapporteurReport(sec, session.id, { title: "Rapporteur's report", body: "## Key messages\n\n- Affordability of devices is the first barrier.\n- Shared spectrum for community networks." });
    expect(report.ok).toBe(true);
    const page = await getPublicSession(c.slug, session.slug);
    expect(page?.turns).toHaveLength(26);
    expect(page?.documents.map((d) => [d.kind, d.title])).toEqual([["RAPPORTEUR_REPORT", "Rapporteur's report"]]);
    const replaced = await saveRapporteurReport(sec, session.id, { title: "Rapporteur's report (final)", body: "## Key messages\n\nAffordability of devices is the first barrier to access." });
    expect(replaced.ok).toBe(true);
    expect(await db.sessionDocument.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { in: ["meetings.report.import", "meetings.report.replace"] } } })).toBe(2);
  });

  it("imports a full-day transcript of 130 turns and about 23,000 words", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const session = await buildSession(c.id, { chair: "Anriette Esterhuysen" });
    const { text } = buildLongTranscript();
    const started = performance.now();
    const imported = await importFixtureTranscript(sec, session, text);
    const ms = performance.now() - started;
    expect(imported.turns).toBe(130);
    expect(imported.words).toBeGreaterThan(22_000);
    // Measured for the closing note, never asserted: the machines are shared and noisy.
    console.log(`[measure] transcript import: ${imported.turns} turns, ${imported.words} words, ${imported.speakers} speakers, ${imported.proposedMerges} proposed merges in ${Math.round(ms)} ms`);
  });
});
