// The synthesis draws on written contributions and session transcripts together and says which ("Several speakers
// from civil society, and two written contributions,"); courtesy never becomes a point; remote messages have their
// own section ("Messages from remote participants"); the paper links each spoken source to its turn.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import { renderMarkdown } from "@/lib/synthesis/render-markdown";
import { synthesisFingerprint } from "@/lib/synthesis/cache";
import { REMOTE_SECTION } from "@/lib/synthesis/build";
import { substantiveTurnText } from "@/lib/synthesis/inputs";
import { mapSpeaker } from "@/lib/meetings/speakers";
import { moderateRemoteMessages, previewRemoteImport, runRemoteImport } from "@/lib/meetings/remote";
import type { SynthesisModel, SynthesisPointModel } from "@/lib/synthesis/model";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSession, importFixtureTranscript } from "../fixtures/meetings";
import { buildSubmission } from "../fixtures/synthesis";

const TRANSCRIPT = `
This is the output of the real-time captioning taken during the IGF session. Although it is largely accurate, in some
cases it may be incomplete or inaccurate due to inaudible passages or transcription errors. It is posted as an aid,
but should not be treated as an authoritative record.

>> CHAIR:  Good morning, everyone.  Thank you for joining us.  I give the floor to our first speaker.

>> ANRIETTE ESTERHUYSEN:  Thank you, Chair.  Universal service funds should finance community networks in rural areas.  Community networks connect villages that operators ignore.

>> NNENNA NWAKANMA:  Thank you very much.  We agree that universal service funds should finance community networks in rural areas, and quickly.

>> CHAIR:  Thank you.  Can we have the next speaker, please?

>> RAUL ECHEBERRIA:  Good afternoon.  Universal service funds must finance community networks in rural areas, with transparent rules.

>> CHAIR:  Thank you all.  The session is closed.
`;

const REMOTE = [
  "id,author,message,created_at",
  'r-1,@ana_tech,"The livestream keeps freezing for remote hubs in Lagos",2027-01-05T09:14:00Z',
  'r-2,@kofi,"The livestream keeps freezing for our remote hub in Accra too",2027-01-05T09:16:00Z',
  'r-3,@mele,"The livestream keeps freezing for remote hubs across the Pacific",2027-01-05T09:18:00Z',
].join("\n");

const pointsOf = (m: SynthesisModel) => m.themes.flatMap((t) => [...t.paragraphs, ...t.further]);
const quotes = (p: SynthesisPointModel) => [p.quote, ...p.supporting].map((q) => q.parts.join(" "));

let model: SynthesisModel;
let slug: string;
let sessionSlug: string;
let consultationId: string;

beforeAll(async () => {
  const c = await buildConsultation({ themes: ["access"] });
  slug = c.slug;
  consultationId = c.id;
  const access = c.themes[0]?.id ?? "";
  const sec = await buildUser({ role: "SECRETARIAT" });
  for (const [contributor, body] of [
    ["Amina Diallo", "Universal service funds should finance community networks in rural areas."],
    ["Jonas Berg", "Universal service funds should also finance community networks in rural areas."],
  ] as const) {
    await buildSubmission({ consultationId: c.id, contributor, group: "TECHNICAL_COMMUNITY", country: "SE", title: `On access (${contributor})`, body, themeIds: [access] });
  }
  const session = await buildSession(c.id, { title: "Main session on access", chair: "Chengetai Masango" });
  sessionSlug = session.slug;
  await importFixtureTranscript(sec, session, TRANSCRIPT);
  // Two of the three speakers are mapped to civil society; the third stays unclassified.
  for (const name of ["ANRIETTE ESTERHUYSEN", "NNENNA NWAKANMA"]) {
    const alias = await db.speakerAlias.findFirstOrThrow({ where: { key: name }, include: { speaker: true } });
    const mapped = await mapSpeaker(sec, alias.speakerId, { name: alias.speaker.name, organisation: "", stakeholderGroup: "CIVIL_SOCIETY", country: "ZA", version: alias.speaker.version });
    if (!mapped.ok) throw new Error(JSON.stringify(mapped));
  }
  const bytes = new TextEncoder().encode(REMOTE);
  const preview = await previewRemoteImport(sec, c.slug, "remote.csv", bytes);
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  const run = await runRemoteImport(sec, c.slug, "remote.csv", bytes, { expectedHash: preview.data.fileHash });
  if (!run.ok) throw new Error(JSON.stringify(run));
  const pending = await db.remoteMessage.findMany({ where: { consultationId: c.id }, select: { id: true, version: true } });
  const published = await moderateRemoteMessages(sec, { verb: "publish", targets: pending });
  if (!published.ok) throw new Error(JSON.stringify(published));
  model = await buildLiveDraft(db, c.slug);
}, 120_000);

describe("synthesis from contributions, session transcripts and remote messages", () => {
  it("makes one point of what was written and said alike, and says which: speakers by group, then the written contributions", () => {
    const point = pointsOf(model).find((p) => p.sources.some((s) => s.path.includes("/sessions/")) && p.sources.some((s) => s.path.includes("/contributions/")));
    expect(point, JSON.stringify(pointsOf(model).map((p) => p.text))).toBeDefined();
    if (!point) return;
    expect(point.attribution).toBe("Several speakers, mainly from civil society, and one of no recorded stakeholder group, and two written contributions,");
    expect(point.text).toMatch(/^Several speakers, mainly from civil society, and one of no recorded stakeholder group, and two written contributions, made this point; one of them said: “/);
    expect(point.voice).toBe("speaker");
    // 3 speakers + 2 contributors
    expect(point.support).toBe(5);
    const spoken = point.sources.find((s) => s.path.includes("/sessions/"));
    expect(spoken?.path).toMatch(new RegExp(`^/consultations/${slug}/sessions/${sessionSlug}#t\\d+$`));
    expect(spoken?.reference).toMatch(new RegExp(`^${sessionSlug}#t\\d+$`));
    expect(spoken?.title).toMatch(/, Main session on access$/);
  });

  it("never draws on procedural or courtesy sentences: they stay in the transcript only", async () => {
    const cited = await db.synthesisCitation.findMany({ where: { consultationId, inputKind: "turn" }, select: { text: true, inputId: true } });
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(c.text).not.toMatch(/Thank you|Good (morning|afternoon)|give the floor|next speaker|session is closed/i);
    const procedural = await db.sessionTurn.findMany({ where: { consultationId, procedural: true }, select: { id: true } });
    expect(procedural.length).toBeGreaterThanOrEqual(3);
    expect(cited.filter((c) => procedural.some((p) => p.id === c.inputId))).toEqual([]);
    for (const p of pointsOf(model)) for (const q of quotes(p)) expect(q).not.toMatch(/Thank you|Good morning/);
    expect(substantiveTurnText("Thank you, Chair.  We believe encryption must not be weakened.\n\nThank you.")).toBe("We believe encryption must not be weakened.");
  });

  it("summarises the remote messages in a section of their own, last, attributed to remote participants", () => {
    const remote = model.themes.at(-1);
    expect(remote).toMatchObject({ key: REMOTE_SECTION, title: "Messages from remote participants" });
    const point = remote?.paragraphs[0];
    expect(point?.attribution).toBe("Several remote participants");
    expect(point?.text).toMatch(/^Several remote participants made this point; one of them wrote: “The livestream keeps freezing/);
    expect(point?.sources[0]?.path).toMatch(new RegExp(`^/consultations/${slug}/remote\\?message=[^#]+#m-`));
    // Messages are not mixed into the other sections.
    for (const section of model.themes.slice(0, -1)) for (const p of [...section.paragraphs, ...section.further]) expect(p.sources.every((s) => !s.path.includes("/remote"))).toBe(true);
  });

  it("says in its introduction what of the meetings it draws on; Annex I still lists the written contributions only", () => {
    const intro = model.intro.map((p) => p.text).join("\n");
    expect(intro).toContain("The paper also draws on the transcripts of 1 meeting session: 3 turns by 3 speakers.");
    expect(intro).toContain("3 messages from 3 remote participants are summarised in a section of their own");
    expect(model.annexI.flatMap((g) => g.contributors.flatMap((c) => c.submissions))).toHaveLength(2);
    expect(model.coverage).toMatchObject({ total: 2, cited: 2, uncited: [] });
    const md = renderMarkdown(model, { baseUrl: "https://agora.example" });
    expect(md).toContain("Messages from remote participants");
    expect(md).toContain("made this point; one of them said:");
  });

  it("tells the draft is out of date when a speaker is mapped or a message is hidden", async () => {
    const before = await synthesisFingerprint(db, consultationId);
    const alias = await db.speakerAlias.findFirstOrThrow({ where: { key: "RAUL ECHEBERRIA" }, include: { speaker: true } });
    const sec = await buildUser({ role: "SECRETARIAT" });
    const mapped = await mapSpeaker(sec, alias.speakerId, { name: alias.speaker.name, organisation: "", stakeholderGroup: "TECHNICAL_COMMUNITY", country: "UY", version: alias.speaker.version });
    expect(mapped.ok).toBe(true);
    const after = await synthesisFingerprint(db, consultationId);
    expect(after).not.toBe(before);
    const rebuilt = await buildLiveDraft(db, slug);
    const point = pointsOf(rebuilt).find((p) => p.sources.some((s) => s.path.includes("/sessions/")) && p.sources.some((s) => s.path.includes("/contributions/")));
    expect(point?.attribution).toBe("Several speakers, mainly from civil society, and one from the technical community, and two written contributions,");
    // The point keeps its identity across the rebuild.
    const first = pointsOf(model).find((p) => p.sources.some((s) => s.path.includes("/sessions/")) && p.sources.some((s) => s.path.includes("/contributions/")));
    expect(point?.key).toBe(first?.key);
  });
});
