// Annex I as rows (ADR 0046): a build writes one SynthesisAnnexEntry per published submission, downloads of the live
// draft read them a page at a time, and the paper is the same bytes however the annex is paged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { modelAnnex } from "@/lib/synthesis/annex";
import { buildLiveDraft, openLiveDraft, readLiveModel } from "@/lib/synthesis/draft";
import { renderSynthesis } from "@/lib/synthesis/render";
import { SYNTHESIS_FORMATS, type SynthesisModel } from "@/lib/synthesis/model";
import { buildSynthesisFixture } from "../fixtures/synthesis";

type Fixture = Awaited<ReturnType<typeof buildSynthesisFixture>>;
let fixture: Fixture;
let model: SynthesisModel;
const options = { baseUrl: "https://agora.example" };

beforeAll(async () => {
  fixture = await buildSynthesisFixture();
  model = await buildLiveDraft(db, fixture.consultation.slug);
});

const entries = (generation?: number) =>
  db.synthesisAnnexEntry.findMany({
    where: { consultationId: fixture.consultation.id, ...(generation === undefined ? {} : { generation }) },
    orderBy: [{ generation: "asc" }, { position: "asc" }],
  });

describe("Annex I as rows", () => {
  it("writes one entry per published submission, numbered in the paper's order, and nothing unpublished", async () => {
    const build = await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: fixture.consultation.id }, select: { generation: true } });
    const rows = await entries(build.generation);
    expect(rows.map((r) => r.submissionId).sort()).toEqual(fixture.published.map((s) => s.id).sort());
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    // The order Annex I prints: the same references in the same order as the model read whole.
    expect(rows.map((r) => r.reference)).toEqual(model.annexI.flatMap((g) => g.contributors.flatMap((c) => c.submissions.map((s) => s.reference))));
    expect(model.annexI.length).toBeGreaterThan(1);
    const stored = await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: fixture.consultation.id }, select: { generated: true } });
    // The stored document holds the annex's size, not the annex.
    expect(stored.generated).toMatchObject({ version: 3, annexEntries: fixture.published.length });
    expect(JSON.stringify(stored.generated)).not.toContain('"annex"');
  });

  it("renders md, html and docx byte-identical whether the annex is read whole, in pages of two rows, or from a model", async () => {
    const whole = await readLiveModel(db, fixture.consultation.id);
    const paged = await openLiveDraft(db, fixture.consultation.id, 2);
    const pagedLarge = await openLiveDraft(db, fixture.consultation.id);
    expect(whole && paged && pagedLarge).toBeTruthy();
    if (!whole || !paged || !pagedLarge) return;
    expect(paged.model.annexI).toEqual([]);
    for (const format of SYNTHESIS_FORMATS) {
      const reference = await renderSynthesis(whole, format, options);
      expect((await renderSynthesis(paged.model, format, options, paged.annex)).equals(reference), format).toBe(true);
      expect((await renderSynthesis(pagedLarge.model, format, options, pagedLarge.annex)).equals(reference), format).toBe(true);
      expect((await renderSynthesis(whole, format, options, modelAnnex(whole, 3))).equals(reference), format).toBe(true);
    }
    const md = (await renderSynthesis(paged.model, "md", options, paged.annex)).toString("utf8");
    for (const s of fixture.published) expect(md).toContain(`(${s.reference})`);
  });

  it("keeps the entries of the current build and the one before it, and prunes older ones", async () => {
    await buildLiveDraft(db, fixture.consultation.slug, { annex: "none" });
    await buildLiveDraft(db, fixture.consultation.slug, { annex: "none" });
    const build = await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: fixture.consultation.id }, select: { generation: true } });
    const generations = [...new Set((await entries()).map((r) => r.generation))];
    expect(generations).toEqual([build.generation - 1, build.generation]);
    expect((await entries(build.generation)).length).toBe(fixture.published.length);
  });

  it("counts the coverage check from the rows in every mode that reads them", async () => {
    const coverage = await readLiveModel(db, fixture.consultation.id, "coverage");
    const collect = await readLiveModel(db, fixture.consultation.id, "collect");
    const none = await readLiveModel(db, fixture.consultation.id, "none");
    expect(coverage?.coverage).toEqual(collect?.coverage);
    expect(collect?.coverage.cited).toBeGreaterThan(0);
    expect((collect?.coverage.cited ?? 0) + (collect?.coverage.setAside.length ?? 0) + (collect?.coverage.uncited.length ?? 0)).toBe(fixture.published.length);
    expect(coverage?.annexI).toEqual([]);
    expect(none?.coverage.cited).toBe(0);
    expect(none?.themes).toEqual(collect?.themes);
  });
});
