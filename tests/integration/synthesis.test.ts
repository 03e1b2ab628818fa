import { beforeAll, describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import mammoth from "mammoth";
import { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { markdownToText } from "@/lib/markdown/render";
import { buildSynthesisModel } from "@/lib/synthesis/build";
import { renderMarkdown } from "@/lib/synthesis/render-markdown";
import { renderHtml } from "@/lib/synthesis/render-html";
import { renderDocx } from "@/lib/synthesis/render-docx";
import { GROUP_ADJECTIVE } from "@/lib/synthesis/phrases";
import { exportSynthesis, getLiveSynthesis, saveSnapshot, setSnapshotPublished, listSnapshots } from "@/lib/synthesis/service";
import type { SynthesisModel } from "@/lib/synthesis/model";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser } from "../fixtures/users";
import { buildSynthesisFixture, FIXTURE_INPUTS } from "../fixtures/synthesis";

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
  model = await buildSynthesisModel(db, fixture.consultation.slug);
});

const bodyText = () => [...model.intro, ...model.themes.flatMap((t) => t.paragraphs), ...(model.comments ? [model.comments.intro, ...model.comments.paragraphs] : [])].map((p) => p.text).join("\n");

describe("synthesis document model", () => {
  it("counts the published inputs and distinct contributors in the introduction", () => {
    const published = fixture.published;
    const contributors = new Set(published.map((s) => s.contributorKey)).size;
    expect(model.counts).toMatchObject({ submissions: published.length, contributors, comments: 4, campaigns: 1, campaignSubmissions: 3, overBalance: 1 });
    expect(model.intro[0]?.text).toContain(`summarizes the ${published.length} submissions that were received from ${contributors} different contributors`);
    const groups = Object.fromEntries(model.byGroup.map((g) => [g.key, g.submissions]));
    expect(groups).toEqual({ GOVERNMENT: 3, PRIVATE_SECTOR: 2, CIVIL_SOCIETY: 8, TECHNICAL_COMMUNITY: 3, ACADEMIC_COMMUNITY: 2, INTERGOVERNMENTAL_ORGANISATION: 1 });
    expect(model.byRegion.reduce((n, r) => n + r.submissions, 0)).toBe(published.length);
  });

  it("has one lettered section per theme and numbers paragraphs continuously across the document", () => {
    expect(model.themes.map((t) => `${t.letter}. ${t.slug}`)).toEqual(["A. access", "B. security", "C. critical-internet-resources"]);
    for (const theme of model.themes) expect(theme.paragraphs.length).toBeGreaterThan(1);
    const numbers = [...model.intro, ...model.themes.flatMap((t) => t.paragraphs), ...(model.comments ? [model.comments.intro, ...model.comments.paragraphs] : [])].map((p) => p.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(model.comments?.letter).toBe("D");
  });

  it("attributes each point by the groups behind it, in words, never by name", () => {
    for (const p of model.themes.flatMap((t) => t.paragraphs)) {
      for (const { group } of p.groups) expect(p.attribution).toContain(GROUP_ADJECTIVE[group]);
      expect(p.groups.reduce((n, g) => n + g.count, 0)).toBe(p.support);
      expect(p.text.startsWith(p.attribution)).toBe(true);
    }
    const access = model.themes[0]?.paragraphs[0];
    expect(access?.text).toMatch(/^Several civil-society contributions and one government contribution made this point/);
    const text = bodyText();
    for (const input of FIXTURE_INPUTS) {
      expect(text).not.toContain(input.contributor);
      if (input.organisation) expect(text).not.toContain(input.organisation);
    }
  });

  it("quotes sentences that appear verbatim in their sources, in double quotes", async () => {
    const bodies = new Map(fixture.published.map((s) => [s.id, markdownToText(s.body)]));
    for (const p of model.themes.flatMap((t) => t.paragraphs)) {
      expect(p.text).toContain(`"${p.quote}"`);
      expect(bodies.get(p.sources[0]?.id ?? "")).toContain(p.quote);
      for (const s of p.sources) expect(bodies.get(s.id)).toContain(s.sentence);
    }
    const comments = new Map(fixture.comments.map((c) => [c.id, c.body]));
    for (const p of model.comments?.paragraphs ?? []) for (const q of p.points) expect(comments.get(q.source.id)).toContain(q.quote);
  });

  it("represents every group of a theme before any group's second point", () => {
    for (const theme of model.themes) {
      const all = new Set(theme.paragraphs.flatMap((p) => p.groups.map((g) => g.group)));
      const seen = new Set<string>();
      const owners = new Set<string>();
      for (const p of theme.paragraphs) {
        if (owners.has(p.owner)) break;
        owners.add(p.owner);
        for (const g of p.groups) seen.add(g.group);
      }
      expect([...all].filter((g) => !seen.has(g))).toEqual([]);
    }
  });

  it("counts a campaign once and marks it and over-balance inputs", () => {
    const campaignPoints = model.themes.flatMap((t) => t.paragraphs).filter((p) => p.campaigns.length > 0);
    expect(campaignPoints).toHaveLength(1);
    expect(campaignPoints[0]?.support).toBe(1);
    expect(campaignPoints[0]?.text).toContain("campaign of near-identical inputs (3 submissions), counted once");
    const over = model.themes.flatMap((t) => t.paragraphs).filter((p) => p.overBalance > 0);
    expect(over.map((p) => p.text)).toEqual([expect.stringContaining("published over the balance limits")]);
  });

  it("summarises comments per draft paragraph by stakeholder group, ignoring unpublished ones", () => {
    const paragraphs = model.comments?.paragraphs ?? [];
    expect(paragraphs.map((p) => [p.draftNumber, p.total])).toEqual([[1, 3], [2, 1]]);
    expect(paragraphs[0]?.groups).toEqual([{ group: "CIVIL_SOCIETY", count: 2 }, { group: "GOVERNMENT", count: 1 }]);
    expect(paragraphs[0]?.points.length).toBeGreaterThan(0);
    expect(bodyText()).not.toContain("pending comment");
  });

  it("lists every published submission once in Annex I, by group and contributor, and nothing unpublished", () => {
    const listed = model.annexI.flatMap((g) => g.contributors.flatMap((c) => c.submissions.map((s) => s.reference)));
    expect([...listed].sort()).toEqual(fixture.published.map((s) => s.reference).sort());
    expect(listed).not.toContain(fixture.pending.reference);
    expect(listed).not.toContain(fixture.hidden.reference);
    expect(model.annexI.map((g) => g.group)).toEqual(["GOVERNMENT", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "ACADEMIC_COMMUNITY", "INTERGOVERNMENTAL_ORGANISATION"]);
    const markdown = renderMarkdown(model);
    expect(markdown).not.toContain("Secret Person");
    expect(markdown).toContain("Anonymous contributions");
    expect(markdown).not.toContain("must not appear");
  });

  it("expands known acronyms in Annex II and lists unknown ones for the secretariat", () => {
    const terms = Object.fromEntries(model.annexII.terms.map((t) => [t.acronym, t.expansion]));
    expect(terms).toMatchObject({ IXP: "Internet exchange point", IPv6: "Internet Protocol version 6", RIR: "Regional Internet registry", ICANN: "Internet Corporation for Assigned Names and Numbers" });
    expect(model.annexII.unknown.map((u) => u.acronym)).toEqual(expect.arrayContaining(["ZZQ", "CERT"]));
    expect(renderMarkdown(model)).toContain("| IXP | Internet exchange point |");
  });
});

describe("synthesis rendering", () => {
  it("is deterministic: the same inputs give byte-identical md, html and docx", async () => {
    const again = await buildSynthesisModel(db, fixture.consultation.slug);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
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
    expect(text).toContain(model.themes[0]?.paragraphs[0]?.quote ?? "missing");
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
    const hostile: SynthesisModel = { ...model, annexI: [{ group: "CIVIL_SOCIETY", label: "Civil society", contributors: [{ name: "<script>alert(1)</script>", submissions: [{ reference: "R-1", title: "<img src=x onerror=alert(1)>" }] }] }] };
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
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
