// What became of a contribution in the synthesis paper: the published paper's paragraphs that cite it, or the
// secretariat's reason for setting it aside; and the closing page's "cited in the synthesis, by group".
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import { saveSnapshot, saveSynthesisSettings, setSnapshotPublished, setSubmissionAside } from "@/lib/synthesis/service";
import { synthesisCitationsByGroup, synthesisFateOf } from "@/lib/outcomes/synthesis";
import { roundOutcome } from "@/lib/outcomes/closing";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission } from "../fixtures/synthesis";

async function setup() {
  const sec = await buildUser({ role: "SECRETARIAT" });
  const c = await buildConsultation({ themes: ["access"] });
  const [access] = c.themes.map((t) => t.id);
  const add = (contributor: string, group: "GOVERNMENT" | "CIVIL_SOCIETY" | "PRIVATE_SECTOR", body: string) =>
    buildSubmission({ consultationId: c.id, themeIds: [access ?? ""], group, country: "KE", contributor, organisation: contributor, title: `${contributor} input`, body });
  const a = await add("Org A", "CIVIL_SOCIETY", "Affordable broadband access must reach rural communities.");
  const b = await add("Org B", "GOVERNMENT", "Rural communities still lack affordable broadband access.");
  const silent = await add("Org E", "CIVIL_SOCIETY", "Thank you for the opportunity to contribute to this consultation.");
  await saveSynthesisSettings(sec, c.slug, { language: "en", bodyPoints: 5, naming: "NONE", severalFrom: 5, severalShare: 0.15, manyShare: 0.4, manyFrom: 5, version: 0 });
  await buildLiveDraft(db, c.slug);
  expect((await setSubmissionAside(sec, c.slug, { submissionId: silent.id, reason: "Courtesy note only" })).ok).toBe(true);
  const model = await buildLiveDraft(db, c.slug);
  return { sec, c, a, b, silent, model, add };
}

describe("a contribution in the synthesis paper", () => {
  it("shows nothing to the public until a snapshot is published, then the paper's citing paragraphs with their text", async () => {
    const s = await setup();
    // The live draft is the secretariat's: the public sees nothing of it.
    expect(await synthesisFateOf(s.a.reference)).toEqual([]);
    const live = await synthesisFateOf(s.a.reference, { includeLive: true });
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ document: "live", snapshot: null, setAside: null });
    expect(live[0]?.paragraphs.length).toBeGreaterThan(0);

    expect((await saveSnapshot(s.sec, s.c.slug)).ok).toBe(true);
    expect(await synthesisFateOf(s.a.reference)).toEqual([]); // saved, not yet published
    expect((await setSnapshotPublished(s.sec, s.c.slug, 1, true)).ok).toBe(true);

    const [fate] = await synthesisFateOf(s.a.reference);
    const citing = s.model.themes.flatMap((t) => t.paragraphs).find((p) => p.sources.some((src) => src.sentence.includes("rural communities")));
    expect(citing?.number).not.toBeNull();
    expect(fate).toMatchObject({ document: "published", snapshot: 1, setAside: null });
    expect(fate?.paragraphs).toContainEqual({ label: String(citing?.number), kind: "paragraph", section: s.model.themes[0]?.title, text: citing?.text });

    // Set aside: the secretariat's reason, no paragraph.
    expect(await synthesisFateOf(s.silent.reference)).toEqual([{ document: "published", snapshot: 1, paragraphs: [], setAside: "Courtesy note only" }]);

    // Published after the snapshot: in no paper yet (the page says so), never a wrong answer.
    const late = await s.add("Org L", "PRIVATE_SECTOR", "Spectrum licensing should be predictable.");
    expect(await synthesisFateOf(late.reference)).toEqual([]);
    // A contribution that is not published has no public fate at all.
    const pending = await buildSubmission({ consultationId: s.c.id, themeIds: [], group: "GOVERNMENT", country: "FR", contributor: "P", title: "Pending", body: "Pending text.", status: "PENDING" });
    expect(await synthesisFateOf(pending.reference, { includeLive: true })).toEqual([]);
  });

  it("counts, per stakeholder group, the contributions the published paper cites and sets aside, on the closing page", async () => {
    const s = await setup();
    expect(await synthesisCitationsByGroup(s.c.id)).toBeNull();
    expect((await roundOutcome(s.c.slug))?.synthesis).toBeNull();
    expect((await saveSnapshot(s.sec, s.c.slug)).ok).toBe(true);
    expect((await setSnapshotPublished(s.sec, s.c.slug, 1, true)).ok).toBe(true);

    const byGroup = await synthesisCitationsByGroup(s.c.id);
    expect(byGroup?.snapshot).toBe(1);
    const of = (g: string) => byGroup?.groups.find((x) => x.group === g);
    expect(of("CIVIL_SOCIETY")).toEqual({ group: "CIVIL_SOCIETY", listed: 2, cited: 1, setAside: 1 });
    expect(of("GOVERNMENT")).toEqual({ group: "GOVERNMENT", listed: 1, cited: 1, setAside: 0 });

    // Later inputs do not change the published paper's figures until a new snapshot is published.
    await s.add("Org L", "PRIVATE_SECTOR", "Spectrum licensing should be predictable.");
    const outcome = await roundOutcome(s.c.slug);
    expect(outcome?.synthesis).toEqual({ snapshot: 1, listed: 3, cited: 2, setAside: 1 });
    expect(outcome?.groups.find((g) => g.group === "PRIVATE_SECTOR")).toMatchObject({ submissions: 1, synthesis: { listed: 0, cited: 0, setAside: 0 } });
    expect(outcome?.groups.find((g) => g.group === "CIVIL_SOCIETY")?.synthesis).toMatchObject({ listed: 2, cited: 1, setAside: 1 });
  });
});
