// Readers and the open-data API get a consultation's texts in their language when a translation exists, otherwise the
// original, marked, never a mix; the API says which language it used; the CSV keeps what contributors wrote with its
// language code; the list's filters offer only the countries and languages contributions have.
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "@/lib/i18n/content";
import { saveTranslation } from "@/lib/i18n/translate";
import { getPublicConsultation, listPublicConsultations } from "@/lib/consultations/service";
import { publishedFacets } from "@/lib/submissions/public";
import { GET as listConsultations } from "@/app/api/v1/consultations/route";
import { GET as getConsultation } from "@/app/api/v1/consultations/[slug]/route";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";
import { buildDraft } from "../fixtures/drafts";
import { GET as feedOf } from "@/app/(public)/consultations/[slug]/feed.xml/route";

const BASE = "http://agora.test";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function translated(slug: string) {
  const secretariat = await buildUser({ role: "SECRETARIAT" });
  const c = await buildConsultation({ slug, themes: ["access", "security"] });
  const hash = fingerprintOf(c, ["title", "summary", "description"]);
  const saved = await saveTranslation(secretariat, "consultation", c.id, "fr", { title: "Consultation en français", summary: "Résumé", description: "Description en français.", sourceHash: hash, expectedUpdatedAt: "" });
  expect(saved.ok).toBe(true);
  const access = c.themes.find((t) => t.slug === "access");
  if (!access) throw new Error("fixture theme missing");
  const themeSaved = await saveTranslation(secretariat, "theme", access.id, "fr", { title: "Accès", description: "Accès pour tous", sourceHash: fingerprintOf(access, ["title", "description"]), expectedUpdatedAt: "" });
  expect(themeSaved.ok).toBe(true);
  return c;
}

describe("a consultation in the reader's language", () => {
  it("pages get the French texts with their language, and untranslated themes and languages as originals, marked", async () => {
    const c = await translated("lang-pages");
    const fr = await getPublicConsultation("lang-pages", "fr");
    expect(fr?.texts).toMatchObject({ text: { title: "Consultation en français", description: "Description en français." }, language: "fr", untranslated: false });
    expect(fr?.themes.map((t) => [t.slug, t.texts.text.title, t.texts.language, t.texts.untranslated])).toEqual([
      ["access", "Accès", "fr", false],
      ["security", "Security", "en", true],
    ]);
    const es = await getPublicConsultation("lang-pages", "es");
    expect(es?.texts).toMatchObject({ text: { title: c.title, description: c.description }, language: "en", requested: "es", untranslated: true });
    const stages = await listPublicConsultations(new Date(), "fr");
    expect(stages.open.find((x) => x.slug === "lang-pages")?.texts).toMatchObject({ text: { title: "Consultation en français", summary: "Résumé" }, language: "fr" });
  });

  it("GET /api/v1/consultations/{slug}?lang=fr answers in French and says so; Accept-Language too; an unknown lang is a 400", async () => {
    const c = await translated("lang-api");
    const res = await getConsultation(new Request(`${BASE}/api/v1/consultations/lang-api?lang=fr`), params("lang-api"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("fr, en");
    expect(res.headers.get("vary")).toContain("Accept-Language");
    const body = (await res.json()) as Record<string, unknown> & { themes: Record<string, unknown>[] };
    expect(body).toMatchObject({ title: "Consultation en français", description: "Description en français.", language: "fr", requestedLanguage: "fr", originalLanguage: "en", translated: true });
    expect((body.availableLanguages as string[]).sort()).toEqual(["en", "fr"]);
    expect(body.themes).toEqual([
      expect.objectContaining({ slug: "access", title: "Accès", language: "fr", translated: true }),
      expect.objectContaining({ slug: "security", title: "Security", language: "en", translated: false, requestedLanguage: "fr" }),
    ]);

    const byHeader = await getConsultation(new Request(`${BASE}/api/v1/consultations/lang-api`, { headers: { "accept-language": "de;q=1, fr-CH;q=0.8" } }), params("lang-api"));
    expect(await byHeader.json()).toMatchObject({ title: "Consultation en français", language: "fr", requestedLanguage: "fr" });

    const spanish = await getConsultation(new Request(`${BASE}/api/v1/consultations/lang-api?lang=es`), params("lang-api"));
    expect(await spanish.json()).toMatchObject({ title: c.title, language: "en", requestedLanguage: "es", originalLanguage: "en", translated: false });

    const none = await getConsultation(new Request(`${BASE}/api/v1/consultations/lang-api`), params("lang-api"));
    expect(await none.json()).toMatchObject({ title: c.title, language: "en", requestedLanguage: null });

    const bad = await getConsultation(new Request(`${BASE}/api/v1/consultations/lang-api?lang=xx`), params("lang-api"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid_parameters", details: { parameters: ["lang"] } });

    const list = await listConsultations(new Request(`${BASE}/api/v1/consultations?lang=fr`));
    const items = ((await list.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.find((i) => i.slug === "lang-api")).toMatchObject({ title: "Consultation en français", language: "fr", translated: true });
    expect((await listConsultations(new Request(`${BASE}/api/v1/consultations?lang=zz`))).status).toBe(400);
  });

  it("the CSV keeps each contribution as written, with its language code, whatever language is asked", async () => {
    const c = await translated("lang-csv");
    await buildPublishedSubmission({ consultationId: c.id, title: "Acceso universal", body: "Texto escrito en español por su autora.", language: "es" });
    const res = await exportCsv(new Request(`${BASE}/api/v1/consultations/lang-csv/submissions.csv`, { headers: { "accept-language": "fr" } }), params("lang-csv"));
    const text = await res.text();
    const [header, row] = text.replace(/^\uFEFF/, "").split("\r\n");
    const columns = (header ?? "").split(",");
    const cells = (row ?? "").split(",");
    expect(cells[columns.indexOf("title")]).toBe("Acceso universal");
    expect(cells[columns.indexOf("language")]).toBe("es");
  });

  it("the list's filters offer the countries and languages that published contributions have", async () => {
    const c = await buildConsultation({ slug: "lang-facets" });
    await buildPublishedSubmission({ consultationId: c.id, country: "KE", language: "sw" });
    await buildPublishedSubmission({ consultationId: c.id, country: "BR", language: "pt" });
    await buildPublishedSubmission({ consultationId: c.id, country: "FR", language: "fr", status: "PENDING" });
    expect(await publishedFacets(c.id)).toEqual({ countries: ["BR", "KE"], languages: ["pt", "sw"] });
  });
});

describe("GET /consultations/{slug}/feed.xml", () => {
  it("lists published contributions (no hidden text, no anonymous name) and draft versions, newest first, as Atom", async () => {
    const { consultation, draft } = await buildDraft({ consultation: { slug: "feed-one" } });
    await buildPublishedSubmission({ consultationId: consultation.id, title: "Open access & <rights>", contributorName: "Amina Diallo", organisationName: "Net Coop", publishedAt: new Date(Date.UTC(2026, 0, 2)) });
    await buildPublishedSubmission({ consultationId: consultation.id, title: "Quiet one", contributorName: "Secret Person", anonymous: true, publishedAt: new Date(Date.UTC(2026, 0, 3)) });
    await buildPublishedSubmission({ consultationId: consultation.id, title: "Hidden title", status: "HIDDEN" });
    await buildPublishedSubmission({ consultationId: consultation.id, title: "Waiting title", status: "PENDING" });
    const res = await feedOf(new Request(`${BASE}/consultations/feed-one/feed.xml?lang=fr`), params("feed-one"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain("<title type=\"text\">Open access &amp; &lt;rights&gt;</title>");
    expect(xml).toContain("<name>Amina Diallo, Net Coop</name>");
    expect(xml).toContain("<name>Contributeur anonyme</name>");
    expect(xml).not.toContain("Secret Person");
    expect(xml).not.toContain("Hidden title");
    expect(xml).not.toContain("Waiting title");
    expect(xml).toContain(`${draft.title} : version 1 publiée`);
    expect(xml).toContain(`/consultations/feed-one/drafts/${draft.slug}/versions/1`);
    // the draft version was published now, after the contributions: first
    expect(xml.indexOf("version 1 publiée")).toBeLessThan(xml.indexOf("Quiet one"));
    expect(xml.indexOf("Quiet one")).toBeLessThan(xml.indexOf("Open access"));
    expect((await feedOf(new Request(`${BASE}/consultations/nope/feed.xml`), params("nope"))).status).toBe(404);
    expect((await feedOf(new Request(`${BASE}/consultations/feed-one/feed.xml?lang=xx`), params("feed-one"))).status).toBe(400);
  });
});
