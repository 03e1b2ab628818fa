// The platform's own pages: built-in text in each reader's language until the secretariat writes its own; then the
// original with a "not yet translated" marker, or its translation; edits conditional on the version shown, audited.
// The translation editor's view says, for every text kind, which languages are missing or out of date.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getSitePage, saveSitePage } from "@/lib/site-pages/service";
import { loadTranslatable, translationGaps } from "@/lib/i18n/editor";
import { saveTranslation } from "@/lib/i18n/translate";
import { fingerprintOf } from "@/lib/i18n/content";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildDraft } from "../fixtures/drafts";

describe("site pages", () => {
  it("shows the built-in text in the reader's language, then the secretariat's original, marked, then its translation", async () => {
    await db.sitePage.deleteMany({ where: { key: "terms" } });
    const es = await getSitePage("terms", "es");
    expect(es).toMatchObject({ builtIn: true, language: "es", untranslated: false, text: { title: "Condiciones de participación" } });
    expect((await getSitePage("help", "ar"))?.text.title).toBe("المساعدة");
    expect(await getSitePage("cookies", "en")).toBeNull();

    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const participant = await buildUser();
    expect(await saveSitePage(participant, "terms", { title: "T", body: "B", language: "en", expectedVersion: "0" })).toMatchObject({ ok: false, status: 403 });
    expect(await saveSitePage(secretariat, "terms", { title: "", body: "B", language: "xx", expectedVersion: "0" })).toMatchObject({ ok: false, fieldErrors: { title: ["titleRequired"], language: ["languageInvalid"] } });
    const saved = await saveSitePage(secretariat, "terms", { title: "Terms of the 2027 round", body: "Be kind.", language: "en", expectedVersion: "0" });
    expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await saveSitePage(secretariat, "terms", { title: "Stale", body: "Old form", language: "en", expectedVersion: "0" })).toMatchObject({ ok: false, error: "pageChanged", status: 409 });
    expect(await getSitePage("terms", "fr")).toMatchObject({ builtIn: false, language: "en", requested: "fr", untranslated: true, text: { title: "Terms of the 2027 round" } });

    const page = await db.sitePage.findUniqueOrThrow({ where: { key: "terms" } });
    const tr = await saveTranslation(secretariat, "sitePage", "terms", "fr", { title: "Conditions 2027", body: "Soyez courtois.", sourceHash: fingerprintOf(page, ["title", "body"]), expectedUpdatedAt: "" });
    expect(tr.ok).toBe(true);
    expect(await getSitePage("terms", "fr")).toMatchObject({ language: "fr", untranslated: false, outdated: false, text: { title: "Conditions 2027" } });
    // the original changes: the French translation is shown, marked out of date
    expect(await saveSitePage(secretariat, "terms", { title: "Terms of the 2027 round", body: "Be kind and brief.", language: "en", expectedVersion: "1" })).toMatchObject({ ok: true });
    expect(await getSitePage("terms", "fr")).toMatchObject({ language: "fr", outdated: true });
    // the original cannot take a language it is already translated into
    expect(await saveSitePage(secretariat, "terms", { title: "Conditions", body: "Texte", language: "fr", expectedVersion: "2" })).toMatchObject({ ok: false, fieldErrors: { language: ["languageHasTranslation"] } });
    expect(await db.auditEvent.count({ where: { entityType: "SitePage", entityId: "terms", action: { in: ["sitePage.create", "sitePage.update"] } } })).toBeGreaterThanOrEqual(2);
  });
});

describe("the translation editor's view", () => {
  it("gives each language's state for a consultation, a theme and a draft version, for the secretariat only", async () => {
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation({ themes: ["access"] });
    const hash = fingerprintOf(c, ["title", "summary", "description"]);
    await saveTranslation(secretariat, "consultation", c.id, "fr", { title: "Titre", description: "Texte", sourceHash: hash, expectedUpdatedAt: "" });
    await saveTranslation(secretariat, "consultation", c.id, "es", { title: "Título", description: "Texto", sourceHash: "0000000000000000", expectedUpdatedAt: "" });
    const view = await loadTranslatable(secretariat, "consultation", c.id);
    if (!view.ok) throw new Error("not loaded");
    expect(view.data.states).toEqual({ en: "original", fr: "complete", es: "outdated", ar: "missing", ru: "missing", zh: "missing" });
    expect(view.data.translations.find((t) => t.language === "fr")?.texts).toEqual({ title: "Titre", summary: "", description: "Texte" });
    expect((await translationGaps(secretariat, "consultation", [c.id])).get(c.id)).toBe(4);
    const theme = c.themes[0];
    if (!theme) throw new Error("no theme");
    expect((await loadTranslatable(secretariat, "theme", theme.id)).ok).toBe(true);

    const { draft } = await buildDraft();
    const version = await db.draftVersion.findFirstOrThrow({ where: { draftId: draft.id } });
    const v = await loadTranslatable(secretariat, "draftVersion", version.id);
    expect(v).toMatchObject({ ok: true, data: { number: 1, originalLanguage: "en", original: { source: version.source } } });
    expect(await loadTranslatable(await buildUser(), "consultation", c.id)).toMatchObject({ ok: false, status: 403 });
    expect(await loadTranslatable(secretariat, "glossaryTerm", "nope")).toMatchObject({ ok: false, status: 404 });
  });
});
