// Contribution languages: the list offered in the form and a script-based guess for its default.

/** ISO 639-1 codes offered in the form: the six UN languages first, then widely used others. */
export const LANGUAGES = [
  "ar", "zh", "en", "fr", "ru", "es",
  "bn", "de", "el", "fa", "hi", "id", "it", "ja", "ko", "ms", "nl", "pl", "pt", "sw", "th", "tr", "uk", "ur", "vi",
] as const;

export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

const SCRIPTS: { language: Language; pattern: RegExp }[] = [
  { language: "ar", pattern: /[\u0600-\u06FF]/gu },
  { language: "ru", pattern: /[\u0400-\u04FF]/gu },
  { language: "zh", pattern: /[\u4E00-\u9FFF]/gu },
  { language: "ja", pattern: /[\u3040-\u30FF]/gu },
  { language: "ko", pattern: /[\uAC00-\uD7AF]/gu },
  { language: "el", pattern: /[\u0370-\u03FF]/gu },
  { language: "hi", pattern: /[\u0900-\u097F]/gu },
  { language: "bn", pattern: /[\u0980-\u09FF]/gu },
  { language: "th", pattern: /[\u0E00-\u0E7F]/gu },
];

// A few frequent function words tell the Latin-script languages we offer apart well enough for a default.
const WORDS: { language: Language; words: string[] }[] = [
  { language: "en", words: ["the", "and", "of", "to", "is", "that", "for", "with"] },
  { language: "fr", words: ["le", "la", "les", "des", "et", "est", "une", "pour", "dans", "que"] },
  { language: "es", words: ["el", "los", "las", "y", "es", "una", "para", "con", "que", "del"] },
  { language: "pt", words: ["o", "os", "as", "e", "uma", "para", "com", "que", "não", "do"] },
  { language: "de", words: ["der", "die", "das", "und", "ist", "nicht", "mit", "für", "ein"] },
];

/**
 * A guess at the language of a text, for the form's default only (the participant can change it).
 * Non-Latin scripts are recognised by their characters, a few Latin-script languages by common words.
 */
export function guessLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 5000);
  let best: { language: Language; count: number } | null = null;
  for (const { language, pattern } of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count >= 5 && (!best || count > best.count)) best = { language, count };
  }
  if (best) return best.language;
  const tokens = sample.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (tokens.length < 4) return fallback;
  let bestWords: { language: Language; count: number } | null = null;
  for (const { language, words } of WORDS) {
    const set = new Set(words);
    const count = tokens.filter((t) => set.has(t)).length;
    if (count > 0 && (!bestWords || count > bestWords.count)) bestWords = { language, count };
  }
  return bestWords && bestWords.count >= 2 ? bestWords.language : fallback;
}
