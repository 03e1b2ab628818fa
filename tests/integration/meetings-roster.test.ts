// The speaker roster: variants proposed, merged only when the secretariat confirms (conditional on what it saw),
// dismissed pairs not proposed again, mapping a speaker re-attributes all their turns; all audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dismissMerge, listProposedMerges, mapSpeaker, mergeSpeakers } from "@/lib/meetings/speakers";
import { getBalanceReport } from "@/lib/balance/dashboard";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSession, importFixtureTranscript } from "../fixtures/meetings";
import { readTranscriptFixture } from "../fixtures/transcripts";

const MAIN = readTranscriptFixture("main-session-access");

/** The speaker a label names in this session: its own (surname-only) alias first, else the global one. */
async function speakerWith(key: string, sessionId: string) {
  const alias = await db.speakerAlias.findFirstOrThrow({ where: { key, scope: { in: [sessionId, ""] } }, orderBy: { scope: "desc" }, include: { speaker: true } });
  return alias.speaker;
}

async function setup() {
  const sec = await buildUser({ role: "SECRETARIAT" });
  const c = await buildConsultation();
  const session = await buildSession(c.id, { chair: "Chengetai Masango" });
  await importFixtureTranscript(sec, session, MAIN);
  return { sec, c, session };
}

describe("speaker roster", () => {
  it("proposes the variants, merges a pair on confirmation and moves turns and labels", async () => {
    const { sec, session } = await setup();
    const proposals = await listProposedMerges(sec);
    const cerfPair = proposals?.find((p) => [p.a.labels, p.b.labels].flat().includes("V CERF"));
    expect(cerfPair?.reason).toBe("initials");
    expect(proposals?.map((p) => p.reason).sort()).toEqual(["initials", "initials", "spelling"]);

    const vinton = await speakerWith("VINTON CERF", session.id);
    const v = await speakerWith("V CERF", session.id);
    const merged = await mergeSpeakers(sec, { keepId: vinton.id, keepVersion: vinton.version, mergeId: v.id, mergeVersion: v.version });
    expect(merged).toMatchObject({ ok: true, data: { id: vinton.id, turns: 1, aliases: 1 } });
    expect(await db.speaker.findUnique({ where: { id: v.id } })).toBeNull();
    expect((await db.speakerAlias.findMany({ where: { speakerId: vinton.id } })).map((a) => a.key).sort()).toEqual(["V CERF", "VINTON CERF"]);
    expect(await db.sessionTurn.count({ where: { sessionId: session.id, speakerId: vinton.id } })).toBe(3);
    expect((await listProposedMerges(sec))?.some((p) => [p.a.id, p.b.id].includes(v.id))).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "meetings.speaker.merge", entityId: vinton.id } })).toBe(1);
  });

  it("refuses a merge based on a stale view, and a speaker merged with itself", async () => {
    const { sec, session } = await setup();
    const a = await speakerWith("CHAPELLE", session.id);
    const b = await speakerWith("CHAPPELLE", session.id);
    await mapSpeaker(sec, b.id, { name: "Bertrand de La Chapelle", organisation: "Internet & Jurisdiction Policy Network", stakeholderGroup: "CIVIL_SOCIETY", country: "FR", version: b.version });
    const stale = await mergeSpeakers(sec, { keepId: a.id, keepVersion: a.version, mergeId: b.id, mergeVersion: b.version });
    expect(stale).toMatchObject({ ok: false, error: "changedSinceLoaded", status: 409 });
    expect(await db.speaker.findUnique({ where: { id: b.id } })).not.toBeNull();
    expect(await mergeSpeakers(sec, { keepId: a.id, keepVersion: a.version, mergeId: a.id, mergeVersion: a.version })).toMatchObject({ ok: false, fieldErrors: { form: ["sameSpeaker"] } });
    // Keeping the mapped one brings the other's turns under its mapping.
    const fresh = await db.speaker.findUniqueOrThrow({ where: { id: b.id } });
    const ok = await mergeSpeakers(sec, { keepId: b.id, keepVersion: fresh.version, mergeId: a.id, mergeVersion: a.version });
    expect(ok.ok).toBe(true);
    const turns = await db.sessionTurn.findMany({ where: { speakerId: b.id }, select: { stakeholderGroup: true, country: true, region: true } });
    expect(turns).toEqual([
      { stakeholderGroup: "CIVIL_SOCIETY", country: "FR", region: "WESTERN_EUROPEAN_AND_OTHERS" },
      { stakeholderGroup: "CIVIL_SOCIETY", country: "FR", region: "WESTERN_EUROPEAN_AND_OTHERS" },
    ]);
  });

  it("does not propose again a pair the secretariat dismissed", async () => {
    const { sec, session } = await setup();
    const h = await speakerWith("H TANAKA", session.id);
    const hiroshi = await speakerWith("HIROSHI TANAKA", session.id);
    expect((await listProposedMerges(sec))?.some((p) => [p.a.id, p.b.id].sort().join() === [h.id, hiroshi.id].sort().join())).toBe(true);
    expect(await dismissMerge(sec, hiroshi.id, h.id)).toMatchObject({ ok: true });
    expect(await dismissMerge(sec, h.id, hiroshi.id)).toMatchObject({ ok: true });
    expect((await listProposedMerges(sec))?.some((p) => [p.a.id, p.b.id].sort().join() === [h.id, hiroshi.id].sort().join())).toBe(false);
    expect(await db.speakerMergeDismissal.count({ where: { OR: [{ speakerAId: h.id }, { speakerBId: h.id }] } })).toBe(1);
  });

  it("maps a speaker to an organisation, group and country: every turn follows, the balance counts them", async () => {
    const { sec, c, session } = await setup();
    const okafor = await speakerWith("OKAFOR", session.id);
    const result = await mapSpeaker(sec, okafor.id, { name: "Amaka Okafor", organisation: "West African Women's Digital Rights Coalition", stakeholderGroup: "CIVIL_SOCIETY", country: "ng", version: okafor.version });
    expect(result).toMatchObject({ ok: true, data: { turns: 2 } });
    const after = await db.speaker.findUniqueOrThrow({ where: { id: okafor.id }, include: { organisation: true } });
    expect(after).toMatchObject({ name: "Amaka Okafor", stakeholderGroup: "CIVIL_SOCIETY", country: "NG", region: "AFRICAN", developing: true, version: okafor.version + 1 });
    expect(after.mappedAt).not.toBeNull();
    expect(after.organisation?.name).toBe("West African Women's Digital Rights Coalition");
    const turns = await db.sessionTurn.findMany({ where: { speakerId: okafor.id }, select: { stakeholderGroup: true, region: true } });
    expect(turns).toEqual([{ stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICAN" }, { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICAN" }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "meetings.speaker.map", entityId: okafor.id } });
    expect(audit.details).toMatchObject({ before: { stakeholderGroup: "UNCLASSIFIED", country: "ZZ" }, after: { stakeholderGroup: "CIVIL_SOCIETY", country: "NG" } });

    // Stale, invalid or unauthorised mappings change nothing.
    expect(await mapSpeaker(sec, okafor.id, { name: "X Y", stakeholderGroup: "GOVERNMENT", country: "FR", version: okafor.version })).toMatchObject({ ok: false, status: 409 });
    expect(await mapSpeaker(sec, okafor.id, { name: "X Y", stakeholderGroup: "ALIENS", country: "QQ", version: after.version })).toMatchObject({ ok: false, fieldErrors: { stakeholderGroup: ["groupInvalid"], country: ["countryInvalid"] } });
    expect(await mapSpeaker(await buildUser(), okafor.id, { name: "X Y", stakeholderGroup: "GOVERNMENT", country: "FR", version: after.version })).toMatchObject({ ok: false, status: 403 });
    expect(await db.speaker.findUniqueOrThrow({ where: { id: okafor.id } })).toMatchObject({ stakeholderGroup: "CIVIL_SOCIETY" });
    // An unknown country is allowed: the speaker is mapped to a group but counted apart by region.
    expect(await mapSpeaker(sec, okafor.id, { name: "Amaka Okafor", stakeholderGroup: "CIVIL_SOCIETY", country: "", version: after.version })).toMatchObject({ ok: true });
    expect(await db.sessionTurn.findFirst({ where: { speakerId: okafor.id }, select: { region: true } })).toEqual({ region: "UNKNOWN" });
    expect((await getBalanceReport(c.slug))?.submissions.published).toBe(0);
  });
});
