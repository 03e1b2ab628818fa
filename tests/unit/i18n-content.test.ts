// Picking a text's language for a reader: translation or original, whole, never a mix; outdated translations marked.
import { describe, expect, it } from "vitest";
import { contentLanguageOf, fingerprintOf, localize, textFingerprint, translationStates } from "@/lib/i18n/content";

const original = { title: "Preparatory round", summary: "Tell us", description: "Long text" };
const FIELDS = ["title", "summary", "description"] as const;
const fr = { language: "fr", title: "Consultation préparatoire", summary: "", description: "Texte long", sourceHash: fingerprintOf(original, FIELDS) };

describe("localize", () => {
  it("gives the translation when there is one, every field from it (an empty translated summary is not filled from the original)", () => {
    const shown = localize(original, "en", [fr], "fr", FIELDS);
    expect(shown).toEqual({
      text: { title: "Consultation préparatoire", summary: "", description: "Texte long" },
      language: "fr", requested: "fr", original: "en", untranslated: false, outdated: false,
    });
  });

  it("gives the original, marked untranslated, when the language has no translation", () => {
    const shown = localize(original, "en", [fr], "es", FIELDS);
    expect(shown.text).toEqual(original);
    expect(shown).toMatchObject({ language: "en", requested: "es", untranslated: true, outdated: false });
  });

  it("gives the original unmarked to readers of the original's language", () => {
    expect(localize(original, "en", [fr], "en", FIELDS)).toMatchObject({ language: "en", untranslated: false });
  });

  it("marks a translation outdated once the original changes", () => {
    const edited = { ...original, description: "Long text, edited" };
    expect(localize(edited, "en", [fr], "fr", FIELDS)).toMatchObject({ language: "fr", outdated: true });
    expect(translationStates(edited, "en", [fr], FIELDS)).toEqual({ ar: "missing", zh: "missing", en: "original", fr: "outdated", ru: "missing", es: "missing" });
    expect(translationStates(original, "en", [fr], FIELDS).fr).toBe("complete");
  });

  it("fingerprints are stable, 16 hex digits, and tell field boundaries apart", () => {
    for (let i = 0; i < 200; i++) expect(textFingerprint([`x${i}`])).toMatch(/^[0-9a-f]{16}$/);
    expect(textFingerprint(["a", "b"])).toMatch(/^[0-9a-f]{16}$/);
    expect(textFingerprint(["a", "b"])).toBe(textFingerprint(["a", "b"]));
    expect(textFingerprint(["ab", ""])).not.toBe(textFingerprint(["a", "b"]));
    expect(textFingerprint(["مرحبا"])).not.toBe(textFingerprint(["你好"]));
  });
});

describe("contentLanguageOf", () => {
  it("takes ?lang= first, refuses an unknown code, then Accept-Language, else no preference", () => {
    expect(contentLanguageOf("fr", "es")).toEqual({ ok: true, language: "fr" });
    expect(contentLanguageOf("pt", null)).toEqual({ ok: false });
    expect(contentLanguageOf(null, "pt-BR, es;q=0.8")).toEqual({ ok: true, language: "es" });
    expect(contentLanguageOf(null, "de")).toEqual({ ok: true, language: null });
    expect(contentLanguageOf("", null)).toEqual({ ok: true, language: null });
  });
});
