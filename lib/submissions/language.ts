// Contribution languages: the list offered in the form and a guess for its default, by franc (a maintained
// language-identification library) rather than our own word lists.
import { franc } from "franc-min";

/** ISO 639-1 codes offered in the form: the six UN languages first, then widely used others. */
export const LANGUAGES = [
  "ar", "zh", "en", "fr", "ru", "es",
  "bn", "de", "el", "fa", "hi", "id", "it", "ja", "ko", "ms", "nl", "pl", "pt", "sw", "th", "tr", "uk", "ur", "vi",
] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

// ISO 639-3 codes franc returns, for each language we offer (Arabic as Standard Arabic, Chinese as Mandarin, Persian
// as Iranian Persian, Malay as Malay individual language, Swahili as its individual-language code).
const FRANC_CODES: Record<Language, string> = {
  ar: "arb", zh: "cmn", en: "eng", fr: "fra", ru: "rus", es: "spa",
  bn: "ben", de: "deu", el: "ell", fa: "pes", hi: "hin", id: "ind", it: "ita", ja: "jpn", ko: "kor", ms: "zlm", nl: "nld",
  pl: "pol", pt: "por", sw: "swh", th: "tha", tr: "tur", uk: "ukr", ur: "urd", vi: "vie",
};
const FROM_FRANC = new Map(Object.entries(FRANC_CODES).map(([one, three]) => [three, one as Language]));
const ONLY = Object.values(FRANC_CODES);

/**
 * A guess at the language of a text (franc, trigram statistics over the languages we offer: docs/decisions/0038),
 * for the form's default and for imported messages without one; the participant can always change it. Too short or
 * too uncertain a text gives `fallback`.
 */
export function guessLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 5000).trim();
  if (sample.length < 12) return fallback;
  const detected = franc(sample, { only: ONLY, minLength: 12 });
  return FROM_FRANC.get(detected) ?? fallback;
}
