import { beforeAll, describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import mammoth from "mammoth";
import { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { markdownToText } from "@/lib/markdown/render";
import { buildLiveDraft, readLiveModel } from "@/lib/synthesis/draft";
import { renderMarkdown } from "@/lib/synthesis/render-markdown";
import { renderHtml } from "@/lib/synthesis/render-html";
import { renderDocx } from "@/lib/synthesis/render-docx";
import { citationsOfSubmission, editSynthesisPoint, exportSynthesis, getLiveSynthesis, saveSnapshot, saveSynthesisSettings, setSnapshotPublished, setSubmissionAside, listSnapshots } from "@/lib/synthesis/service";
import { quoteLine } from "@/lib/synthesis/statements";
import type { SynthesisModel, SynthesisPointModel } from "@/lib/synthesis/model";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser } from "../fixtures/users";
import { buildSubmission, buildSynthesisFixture, FIXTURE_INPUTS } from "../fixtures/synthesis";
import { seedQualityRound } from "../fixtures/synthesis-quality-seed";
import { scoreSynthesis, startsWithAnaphor } from "../fixtures/synthesis-quality";
import { buildConsultation } from "../fixtures/users";

// The route handler reads the session through getCurrentUser; tests choose who is signed in.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getCurrentUser: async () => session.user,
}));
const { GET } = await import("@/app/api/v1/consultations/[slug]/synthesis/route");

type Fixture = Awaited<ReturnType<typeof buildSynthesisFixture>>;
let fixture: Fixture;
let model: SynthesisModel;

beforeAll(async () => {
  fixture = await buildSynthesisFixture();
  model = await buildLiveDraft(db, fixture.consultation.slug);
});

const points = (m: SynthesisModel) => m.themes.flatMap((t) => [...t.paragraphs, ...t.further]);
const bodyText = () => [...model.intro, ...points(model), ...(model.comments ? [model.comments.intro, ...model.comments.paragraphs] : [])].map((p) => p.text).join("\n");
const quotesOf = (p: SynthesisPointModel) => [p.quote, ...p.supporting];

describe("synthesis document model", () => {
  it("counts the published inputs and distinct contributors in the introduction, and dates itself by the period the inputs were received", () => {
    const published = fixture.published;
    const contributors = new Set(published.map((s) => s.contributorKey)).size;
    expect(model.counts).toMatchObject({ submissions: published.length, contributors, comments: 4, campaigns: 1, campaignSubmissions: 3, overBalance: 1 });
    expect(model.intro[0]?.text).toContain(`summarizes the ${published.length} contributions received from ${contributors} different contributors`);
    const groups = Object.fromEntries(model.byGroup.map((g) => [g.key, g.submissions]));
    expect(groups).toEqual({ GOVERNMENT: 3, PRIVATE_SECTOR: 2, CIVIL_SOCIETY: 8, TECHNICAL_COMMUNITY: 3, ACADEMIC_COMMUNITY: 2, INTERGOVERNMENTAL_ORGANISATION: 1 });
    expect(model.byRegion.reduce((n, r) => n + r.submissions, 0)).toBe(published.length);
    // Received on 5 January (submittedAt), commented on 8 January; moderation (publishedAt, 6 January) does not date the paper.
    expect(model.period).toEqual({ from: "2027-01-05T10:00:00.000Z", to: "2027-01-07T10:00:00.000Z" });
    expect(renderMarkdown(model)).toContain("Inputs received between 5 January 2027 and 7 January 2027.");
  });

  it("has one lettered section per theme in the consultation's order and numbers paragraphs continuously across the document", () => {
    expect(model.themes.map((t) => `${t.letter}. ${t.slug}`)).toEqual(["A. access", "B. security", "C. critical-internet-resources"]);
    for (const theme of model.themes) expect(theme.paragraphs.length).toBeGreaterThan(1);
    const numbers = [...model.intro, ...model.themes.flatMap((t) => t.paragraphs), ...(model.comments ? [model.comments.intro, ...model.comments.paragraphs] : [])].map((p) => p.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(model.comments?.letter).toBe("D");
  });

  it("attributes each point by the groups behind it, in words, and never names people or anonymous contributors", () => {
    for (const p of points(model)) {
      expect(p.groups.reduce((n, g) => n + g.count, 0)).toBe(p.support);
      expect(p.text.startsWith(p.attribution.replace(/,$/, ""))).toBe(true);
    }
    const access = model.themes[0]?.paragraphs[0];
    expect(access?.text).toMatch(/^Several contributions, mainly from civil society, and one from a government, made this point; one of them stated: “/);
    const text = bodyText();
    // Intergovernmental organisations that published under their name may be named (the default setting); nobody else.
    for (const input of FIXTURE_INPUTS.filter((i) => i.group !== "INTERGOVERNMENTAL_ORGANISATION")) {
      expect(text).not.toContain(input.contributor);
      if (input.organisation) expect(text).not.toContain(input.organisation);
    }
  });

  it("quotes statements that appear verbatim in their sources", () => {
    const bodies = new Map(fixture.published.map((s) => [s.id, markdownToText(s.body)]));
    for (const p of points(model)) {
      for (const q of quotesOf(p)) {
        for (const part of [...q.parts, ...q.items]) expect(bodies.get(q.source.id)).toContain(part);
        expect(startsWithAnaphor(quoteLine({ ...q, unresolved: false }))).toBe(false);
      }
      for (const s of p.sources) expect(bodies.get(s.id)).toContain(s.sentence);
    }
    const comments = new Map(fixture.comments.map((c) => [c.id, c.body]));
    for (const p of model.comments?.paragraphs ?? []) for (const q of p.points) expect(comments.get(q.source.id)).toContain(q.quote);
  });

  it("represents every group of a section before any group's second point", () => {
    for (const theme of model.themes) {
      const all = new Set(theme.paragraphs.flatMap((p) => p.groups.map((g) => g.group)));
      const seen = new Set<string>();
      const firsts = new Set<string>();
      for (const p of theme.paragraphs) {
        const owner = p.groups[0]?.group ?? "";
        if (firsts.has(owner) && [...all].some((g) => !seen.has(g))) {
          // A group's second point only once every group appeared.
          expect([...all].filter((g) => !seen.has(g))).toEqual([]);
        }
        firsts.add(owner);
        for (const g of p.groups) seen.add(g.group);
      }
    }
  });

  it("counts a campaign once and marks it and over-balance inputs", () => {
    const campaignPoints = points(model).filter((p) => p.campaigns.length > 0);
    expect(campaignPoints).toHaveLength(1);
    expect(campaignPoints[0]?.support).toBe(1);
    expect(campaignPoints[0]?.text).toContain("campaign of near-identical inputs (3 contributions), counted once");
    const over = points(model).filter((p) => p.overBalance > 0);
    expect(over.map((p) => p.text)).toEqual([expect.stringContaining("published over the balance limits")]);
  });

  it("summarises comments per draft paragraph by stakeholder group, ignoring unpublished ones", () => {
    const paragraphs = model.comments?.paragraphs ?? [];
    expect(paragraphs.map((p) => [p.draftNumber, p.total])).toEqual([[1, 3], [2, 1]]);
    expect(paragraphs[0]?.groups).toEqual([{ group: "CIVIL_SOCIETY", count: 2 }, { group: "GOVERNMENT", count: 1 }]);
    expect(paragraphs[0]?.points.length).toBeGreaterThan(0);
    expect(bodyText()).not.toContain("pending comment");
  });

  it("lists every published submission once in Annex I with the paragraphs that cite it, and nothing unpublished", () => {
    const listed = model.annexI.flatMap((g) => g.contributors.flatMap((c) => c.submissions));
    expect(listed.map((s) => s.reference).sort()).toEqual(fixture.published.map((s) => s.reference).sort());
    expect(listed.map((s) => s.reference)).not.toContain(fixture.pending.reference);
    expect(listed.map((s) => s.reference)).not.toContain(fixture.hidden.reference);
    for (const s of listed) {
      expect(s.paragraphs.length).toBeGreaterThan(0);
      for (const n of s.paragraphs) {
        const paragraph = points(model).find((p) => String(p.number) === n);
        expect(paragraph?.sources.map((x) => x.reference)).toContain(s.reference);
      }
    }
    expect(model.coverage).toMatchObject({ total: fixture.published.length, cited: fixture.published.length, uncited: [], setAside: [] });
    const markdown = renderMarkdown(model);
    expect(markdown).not.toContain("Secret Person");
    expect(markdown).toContain("Anonymous contributions");
    expect(markdown).not.toContain("must not appear");
    expect(markdown).toMatch(/\(SYN-\d+-\w+\): paragraphs? \d+/);
  });

  it("expands known acronyms in Annex II and lists unknown ones for the secretariat only", () => {
    const terms = Object.fromEntries(model.annexII.terms.map((t) => [t.acronym, t.expansion]));
    expect(terms).toMatchObject({ IXP: "Internet exchange point", IPv6: "Internet Protocol version 6", RIR: "Regional Internet registry", ICANN: "Internet Corporation for Assigned Names and Numbers", CERT: "Computer emergency response team", ICT: "Information and communication technologies" });
    expect(model.annexII.unknown.map((u) => u.acronym)).toEqual(expect.arrayContaining(["ZZQ"]));
    const paper = [renderMarkdown(model), renderHtml(model)].join("\n");
    expect(paper).toContain("| IXP | Internet exchange point |");
    expect(paper).not.toContain("ZZQ |");
  });
});

describe("synthesis rendering", () => {
  it("is deterministic: the same inputs and edits give byte-identical md, html and docx", async () => {
    const again = await buildLiveDraft(db, fixture.consultation.slug);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    // The build applies the edits to the document it just stored, not to a copy read back: the two are the same paper.
    const stored = await readLiveModel(db, fixture.consultation.id);
    expect(stored && renderMarkdown(stored)).toBe(renderMarkdown(again));
    expect(stored && renderHtml(stored)).toBe(renderHtml(again));
    // (jsonb keeps keys in its own order: the same values, not the same key order)
    expect(stored).toEqual(again);
    if (stored) expect((await renderDocx(stored, { baseUrl: "https://agora.example" })).equals(await renderDocx(again, { baseUrl: "https://agora.example" }))).toBe(true);
    expect(renderMarkdown(again)).toBe(renderMarkdown(model));
    expect(renderHtml(again)).toBe(renderHtml(model));
    const [a, b] = [await renderDocx(model, { baseUrl: "https://agora.example" }), await renderDocx(again, { baseUrl: "https://agora.example" })];
    expect(a.equals(b)).toBe(true);
  });

  it("writes a DOCX that opens, with headings, numbered paragraphs and a table of contents", async () => {
    const docx = await renderDocx(model, { baseUrl: "https://agora.example" });
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain("A. Access");
    expect(text).toContain("Annex I: List of contributions");
    expect(text).toContain(model.themes[0]?.paragraphs[0]?.quote.parts[0] ?? "missing");
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain("<h1>A. Access</h1>");
    const zip = await JSZip.loadAsync(docx);
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const paragraphCount = model.intro.length + model.themes.reduce((n, t) => n + t.paragraphs.length, 0) + (model.comments ? model.comments.paragraphs.length + 1 : 0);
    expect(documentXml.match(/<w:numId w:val="\d+"\/>/g)?.length).toBeGreaterThanOrEqual(paragraphCount);
    expect(documentXml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o/);
    expect(documentXml).toContain("HYPERLINK &quot;https://agora.example/consultations/");
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    expect(core).toContain(`${model.asOf?.slice(0, 19)}Z`);
  });

  it("escapes input text in HTML", () => {
    const hostile: SynthesisModel = { ...model, annexI: [{ group: "CIVIL_SOCIETY", label: "Civil society", contributors: [{ name: "<script>alert(1)</script>", submissions: [{ reference: "R-1", title: "<img src=x onerror=alert(1)>", paragraphs: [], setAside: null }] }] }] };
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
  });
});

describe("measured on the labelled round", () => {
  it("meets the quality goals: precision >= 0.95, recall >= 0.9, every contribution cited, one paragraph per point with a true count, no unresolved anaphora", async () => {
    const { slug } = await seedQualityRound(db, "quality-round-test");
    const m = await buildLiveDraft(db, slug);
    const score = scoreSynthesis(m.themes.flatMap((t) => [...t.paragraphs, ...t.further].map((p) => ({
      theme: t.slug, placement: "body" as const, support: p.support,
      quotes: quotesOf(p).map((q) => quoteLine({ ...q, unresolved: false })),
      members: p.sources.map((s) => ({ reference: s.reference, text: s.sentence })),
    }))));
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.contributionsCited).toBe(score.contributions);
    expect(score.unresolvedAnaphora).toBe(0);
    // One paragraph per known point, each with its true number of contributors: the French contribution's point on
    // shutdowns joins the same point made in English (4 contributors, not 3 and 1).
    expect(score.paragraphs).toBe(score.expectedParagraphs);
    expect(score.trueCounts).toBe(score.paragraphs);
    // General comments come first; the French quote is marked with its language; the CoE, an IGO, may be named.
    expect(m.themes[0]?.title).toBe("General comments");
    const md = renderMarkdown(m);
    expect(md).toContain("(in French)");
    expect(md).toMatch(/and Council of Europe \(CoE\),? made this point/);
    expect(md).not.toContain("Secret Person");
    expect(m.annexII.terms.find((t) => t.acronym === "MANRS")?.expansion).toBe("Mutually Agreed Norms for Routing Security");
    expect(m.annexII.terms.find((t) => t.acronym === "GTOA")?.expansion).toBe("Global Telecom Operators Association");
    const list = points(m).find((p) => p.quote.items.length === 3);
    expect(md).toContain(`- ${list?.quote.items[0]}`);
  });
});

describe("the secretariat's edits", () => {
  it("rewrites, merges, splits, moves, reorders and sets aside, keeps who/when/before/after, and survives regeneration", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ themes: ["access", "security"] });
    const [access, security] = c.themes.map((t) => t.id);
    const add = (contributor: string, group: "GOVERNMENT" | "CIVIL_SOCIETY" | "PRIVATE_SECTOR" | "TECHNICAL_COMMUNITY", body: string, themes = [access ?? ""]) =>
      buildSubmission({ consultationId: c.id, themeIds: themes, group, country: "KE", contributor, organisation: contributor, title: `${contributor} input`, body });
    await add("Org A", "CIVIL_SOCIETY", "Affordable broadband access must reach rural communities.");
    await add("Org B", "GOVERNMENT", "Rural communities still lack affordable broadband access.");
    await add("Org C", "PRIVATE_SECTOR", "Predictable spectrum licensing encourages investment in last-mile networks.");
    await add("Org D", "TECHNICAL_COMMUNITY", "Every new IXP keeps local traffic local and lowers transit costs.");
    const silent = await add("Org E", "CIVIL_SOCIETY", "Thank you for the opportunity to contribute to this consultation.");
    await saveSynthesisSettings(sec, c.slug, { language: "en", bodyPoints: 2, naming: "NONE", severalFrom: 5, severalShare: 0.15, manyShare: 0.4, manyFrom: 5, version: 0 });
    let m = await buildLiveDraft(db, c.slug);
    const gen = async () => (await db.synthesisBuild.findUniqueOrThrow({ where: { consultationId: c.id } })).generation;
    // No cap drops a point: past the secretariat's length, points are listed as further points.
    const accessSection = () => m.themes.find((t) => t.key === access);
    expect(accessSection()?.paragraphs).toHaveLength(2);
    expect(accessSection()?.further).toHaveLength(1);
    expect(renderMarkdown(m)).toContain("### Further points raised");
    // Coverage: the courtesy-only contribution is neither cited nor set aside until the secretariat says why.
    expect(m.coverage.uncited.map((s) => s.reference)).toEqual([silent.reference]);
    expect(await setSubmissionAside(sec, c.slug, { submissionId: silent.id, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect((await setSubmissionAside(sec, c.slug, { submissionId: silent.id, reason: "Courtesy note only" })).ok).toBe(true);

    const find = (text: string) => points(m).find((p) => p.sources.some((s) => s.sentence.includes(text)));
    const rural = find("rural communities");
    const spectrum = find("spectrum licensing");
    const ixp = find("IXP");
    if (!rural || !spectrum || !ixp) throw new Error("fixture points missing");
    expect(rural.support).toBe(2);

    // Bad input: a clear message on the field, nothing stored.
    expect(await editSynthesisPoint(sec, c.slug, rural.key, { action: "rewrite", text: "  " }, await gen())).toMatchObject({ ok: false, fieldErrors: { text: ["textRequired"] } });
    expect(await editSynthesisPoint(sec, c.slug, rural.key, { action: "setAside", reason: "x" }, await gen())).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect(await editSynthesisPoint(sec, c.slug, rural.key, { action: "rewrite", text: "Stale" }, 0)).toMatchObject({ ok: false, error: "staleDraft" });
    expect(await db.synthesisEdit.count({ where: { consultationId: c.id } })).toBe(0);

    const edited = "Two contributions, from civil society and a government, asked that affordable broadband reach rural communities.";
    expect((await editSynthesisPoint(sec, c.slug, rural.key, { action: "rewrite", text: edited }, await gen())).ok).toBe(true);
    expect((await editSynthesisPoint(sec, c.slug, spectrum.key, { action: "move", section: security ?? "" }, await gen())).ok).toBe(true);
    expect((await editSynthesisPoint(sec, c.slug, ixp.key, { action: "setAside", reason: "Out of scope for this round" }, await gen())).ok).toBe(true);
    m = (await getLiveSynthesis(sec, c.slug)).ok ? (await buildLiveDraft(db, c.slug)) : m;
    expect(points(m).find((p) => p.key === rural.key)?.text).toBe(edited);
    expect(m.themes.find((t) => t.key === security)?.paragraphs.map((p) => p.key)).toContain(spectrum.key);
    expect(m.setAside.map((p) => [p.key, p.setAsideReason])).toEqual([[ixp.key, "Out of scope for this round"]]);
    expect(renderMarkdown(m)).not.toContain("IXP keeps local traffic");
    expect(m.coverage.setAside.map((s) => s.reason).sort()).toEqual(["Courtesy note only", "Out of scope for this round"]);

    // A new contribution arrives: the edited point keeps its text and is flagged; the new point is marked new.
    await add("Org F", "CIVIL_SOCIETY", "Affordable broadband access should reach rural communities first.");
    await add("Org G", "GOVERNMENT", "Internet shutdowns during elections must end everywhere.");
    m = await buildLiveDraft(db, c.slug);
    const again = points(m).find((p) => p.key === rural.key);
    expect(again?.text).toBe(edited);
    expect(again?.flags.sourcesChanged).toBe(true);
    expect(again?.support).toBe(3);
    expect(points(m).find((p) => p.sources.some((s) => s.sentence.includes("shutdowns")))?.flags.isNew).toBe(true);
    expect(m.themes.find((t) => t.key === security)?.paragraphs.map((p) => p.key)).toContain(spectrum.key);
    expect(m.setAside.map((p) => p.key)).toEqual([ixp.key]);

    // Merge the shutdown point into the rural one, then split the shutdown statement off again.
    const shutdown = points(m).find((p) => p.sources.some((s) => s.sentence.includes("shutdowns")));
    if (!shutdown) throw new Error("no shutdown point");
    expect((await editSynthesisPoint(sec, c.slug, shutdown.key, { action: "merge", into: rural.key }, await gen())).ok).toBe(true);
    m = await buildLiveDraft(db, c.slug);
    expect(points(m).find((p) => p.key === shutdown.key)).toBeUndefined();
    const merged = points(m).find((p) => p.key === rural.key);
    expect(merged?.sources.map((s) => s.sentence)).toEqual(expect.arrayContaining(["Internet shutdowns during elections must end everywhere."]));
    const statement = merged?.sources.find((s) => s.sentence.includes("shutdowns"))?.statementKey ?? "";
    expect((await editSynthesisPoint(sec, c.slug, rural.key, { action: "split", statementKeys: [statement], newKey: "split-1" }, await gen())).ok).toBe(true);
    m = await buildLiveDraft(db, c.slug);
    expect(points(m).find((p) => p.key === "split-1")?.support).toBe(1);
    expect(points(m).find((p) => p.key === rural.key)?.support).toBe(3);
    // Reorder: the split point moves up within its section.
    const section = m.themes.find((t) => t.paragraphs.some((p) => p.key === "split-1") || t.further.some((p) => p.key === "split-1"));
    const order = [...(section?.paragraphs ?? []), ...(section?.further ?? [])].map((p) => p.key);
    expect((await editSynthesisPoint(sec, c.slug, "split-1", { action: "reorder", direction: "up" }, await gen())).ok).toBe(true);
    m = await buildLiveDraft(db, c.slug);
    const after = m.themes.find((t) => t.key === section?.key);
    const newOrder = [...(after?.paragraphs ?? []), ...(after?.further ?? [])].map((p) => p.key);
    expect(newOrder.indexOf("split-1")).toBe(order.indexOf("split-1") - 1);

    // Who, when, before and after; audited. Citations are queryable per submission.
    const history = await db.synthesisEdit.findMany({ where: { consultationId: c.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["rewrite", "move", "setAside", "merge", "split", "reorder"]);
    expect(history[0]).toMatchObject({ actorId: sec.id, after: { text: edited } });
    expect(await db.auditEvent.count({ where: { consultationId: c.id, action: { startsWith: "synthesis.edit." } } })).toBe(6);
    const orgA = await db.submission.findFirstOrThrow({ where: { consultationId: c.id, contributorName: "Org A" } });
    expect(await db.synthesisCitation.count({ where: { submissionId: orgA.id } })).toBe(1);
    const cited = await citationsOfSubmission(db, orgA.id);
    expect(cited).toEqual([{ document: "live", snapshot: null, paragraphs: [String(points(m).find((p) => p.key === rural.key)?.number)], setAside: null }]);
    expect(await citationsOfSubmission(db, silent.id)).toEqual([{ document: "live", snapshot: null, paragraphs: [], setAside: "Courtesy note only" }]);
    expect(await db.synthesisPoint.findUnique({ where: { consultationId_key: { consultationId: c.id, key: ixp.key } } })).toMatchObject({ placement: "setAside", setAsideReason: "Out of scope for this round" });

    // A snapshot freezes the edited text; exports carry it.
    const snap = await saveSnapshot(sec, c.slug);
    expect(snap.ok).toBe(true);
    const exported = await exportSynthesis(sec, c.slug, { format: "docx" }, { baseUrl: "" });
    if (!exported.ok) throw new Error(exported.error);
    expect((await mammoth.extractRawText({ buffer: exported.data.body })).value).toContain(edited);
    await editSynthesisPoint(sec, c.slug, rural.key, { action: "restore" }, await gen());
    const frozen = await exportSynthesis(sec, c.slug, { format: "md", snapshot: 1 }, { baseUrl: "" });
    expect(frozen.ok && frozen.data.body.toString("utf8")).toContain(edited);
    const liveNow = await exportSynthesis(sec, c.slug, { format: "md" }, { baseUrl: "" });
    expect(liveNow.ok && liveNow.data.body.toString("utf8")).not.toContain(edited);
  });

  it("refuses participants and visitors every edit, and stores nothing", async () => {
    const c = await buildSynthesisConsultationWithoutSnapshots();
    await buildLiveDraft(db, c.slug);
    const key = (await db.synthesisPoint.findFirstOrThrow({ where: { consultationId: c.id } })).key;
    for (const actor of [await buildUser(), null]) {
      expect(await editSynthesisPoint(actor, c.slug, key, { action: "rewrite", text: "Hijacked" }, 1)).toMatchObject({ ok: false, status: 403 });
      expect(await setSubmissionAside(actor, c.slug, { submissionId: "x", reason: "Because" })).toMatchObject({ ok: false, status: 403 });
      expect(await saveSynthesisSettings(actor, c.slug, { language: "fr" })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await db.synthesisEdit.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("writes the paper's own phrases in the consultation's language, quotes kept in theirs", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildSynthesisConsultationWithoutSnapshots();
    await saveSynthesisSettings(sec, c.slug, { language: "fr", bodyPoints: 12, naming: "NONE", severalFrom: 5, severalShare: 0.15, manyShare: 0.4, manyFrom: 5, version: 0 });
    const m = await buildLiveDraft(db, c.slug);
    const md = renderMarkdown(m);
    expect(md).toContain("# Synthèse des contributions");
    expect(md).toContain("Annexe I : liste des contributions");
    expect(md).toContain("Une contribution d’un gouvernement a déclaré : « Open-access backbones lower the cost of broadband for every community. » (en anglais)");
    expect(renderHtml(m)).toContain('<q lang="en">Open-access backbones');
  });
});

describe("synthesis snapshots and downloads", () => {
  it("lets the secretariat save numbered snapshots and publish one, audited", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const slug = fixture.consultation.slug;
    expect(await saveSnapshot(sec, slug)).toEqual({ ok: true, data: { number: 1 } });
    expect(await saveSnapshot(sec, slug)).toEqual({ ok: true, data: { number: 2 } });
    const stored = await db.synthesisDraft.findUniqueOrThrow({ where: { consultationId_number: { consultationId: fixture.consultation.id, number: 1 } } });
    expect(stored.markdown).toBe(renderMarkdown(model));
    expect((await setSnapshotPublished(sec, slug, 1, true)).ok).toBe(true);
    const list = await listSnapshots(sec, slug);
    expect(list.ok && list.data.map((s) => [s.number, s.published])).toEqual([[2, false], [1, true]]);
    const audit = await db.auditEvent.findMany({ where: { consultationId: fixture.consultation.id, action: { startsWith: "synthesis." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["synthesis.snapshot", "synthesis.snapshot", "synthesis.publish"]);
  });

  it("refuses participants and anonymous visitors every secretariat action, and changes nothing", async () => {
    const participant = await buildUser();
    const c = await buildSynthesisConsultationWithoutSnapshots();
    for (const actor of [participant, null]) {
      expect(await saveSnapshot(actor, c.slug)).toMatchObject({ ok: false, status: 403 });
      expect(await getLiveSynthesis(actor, c.slug)).toMatchObject({ ok: false, status: 403 });
      expect(await listSnapshots(actor, c.slug)).toMatchObject({ ok: false, status: 403 });
      expect(await setSnapshotPublished(actor, c.slug, 1, true)).toMatchObject({ ok: false, status: 403 });
    }
    expect(await db.synthesisDraft.count({ where: { consultationId: c.id } })).toBe(0);
    expect(await exportSynthesis(participant, c.slug, { format: "md" }, { baseUrl: "" })).toMatchObject({ ok: false, status: 403, error: "notPublished" });
  });

  it("answers the download route: secretariat live draft, 403 before publication, published snapshot for everybody, JSON 4xx for bad parameters", async () => {
    const c = await buildSynthesisConsultationWithoutSnapshots();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const participant = await buildUser();
    const call = async (user: CurrentUser | null, query: string) => {
      session.user = user;
      return GET(new NextRequest(`http://localhost/api/v1/consultations/${c.slug}/synthesis${query}`), { params: Promise.resolve({ slug: c.slug }) });
    };

    const unbuilt = await call(sec, "?format=md");
    expect(unbuilt.status).toBe(409);
    expect(await unbuilt.json()).toMatchObject({ error: "not_built" });
    await buildLiveDraft(db, c.slug);
    const live = await call(sec, "?format=md");
    expect(live.status).toBe(200);
    expect(live.headers.get("content-type")).toContain("text/markdown");
    expect(live.headers.get("content-disposition")).toContain(`${c.slug}-synthesis-draft.md`);
    expect(await live.text()).toContain("# Synthesis of the contributions");

    for (const user of [participant, null]) {
      const refused = await call(user, "?format=md");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "not_published" });
    }

    expect((await call(sec, "?format=pdf")).status).toBe(400);
    expect(await (await call(sec, "?format=pdf")).json()).toMatchObject({ error: "invalid_parameters", details: { parameters: ["format"] } });
    expect((await call(sec, "?snapshot=abc")).status).toBe(400);
    expect((await call(sec, "?snapshot=9")).status).toBe(404);
    session.user = sec;
    expect((await GET(new NextRequest("http://localhost/api/v1/consultations/nope/synthesis"), { params: Promise.resolve({ slug: "nope" }) })).status).toBe(404);

    await saveSnapshot(sec, c.slug);
    await saveSnapshot(sec, c.slug);
    expect((await call(participant, "?snapshot=1")).status).toBe(404);
    await setSnapshotPublished(sec, c.slug, 1, true);
    const docx = await call(null, "?format=docx");
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toContain(`${c.slug}-synthesis-1.docx`);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(value).toContain("Annex II: Glossary of acronyms");
    const html = await call(participant, "?format=html");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await call(participant, "?snapshot=2")).status).toBe(404);
    expect((await call(sec, "?snapshot=2&format=html")).status).toBe(200);
  });
});

async function buildSynthesisConsultationWithoutSnapshots() {
  const { buildConsultation } = await import("../fixtures/users");
  const { buildSubmission } = await import("../fixtures/synthesis");
  const c = await buildConsultation({ themes: ["access"] });
  await buildSubmission({
    consultationId: c.id, themeIds: c.themes.map((t) => t.id), group: "GOVERNMENT", country: "KE", contributor: "Some Ministry", organisation: "Some Ministry",
    title: "Backbones", body: "Open-access backbones lower the cost of broadband for every community.",
  });
  return c;
}
