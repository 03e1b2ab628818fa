// Content in several languages (docs/decisions/0033): picking what a reader sees. Pure and client-safe.
// A reader gets the translation into their language when one exists, otherwise the original, whole: the fields of
// one text always come from one row, never a title from the translation and a description from the original.
import { LOCALES, isLocale, matchLocale, type Locale } from "./config";

export type TextFields = Record<string, string>;

/** A text as shown to one reader: what to show, in which language, and why. */
export interface Localized<T extends TextFields> {
  /** The texts to show: all from the translation into `requested`, or all from the original. */
  text: T;
  /** The language `text` is written in: put it in a `lang` attribute. */
  language: string;
  /** The language the reader asked for. */
  requested: string;
  /** The original's language. */
  original: string;
  /** True when the reader asked for a language this text has no translation into: `text` is the original. */
  untranslated: boolean;
  /** True when `text` is a translation made from an earlier state of the original. */
  outdated: boolean;
}

/** An original (or any row holding these text fields, among others). */
export type Texts<F extends string> = { readonly [K in F]: string };

/** A stored translation: its language, its texts and the fingerprint of the original it was made from. */
export type TranslationRow<F extends string> = { language: string; sourceHash: string } & Texts<F>;

/**
 * A short, stable fingerprint of the original texts a translation was made from (FNV-1a, 2 × 32 bits): when the
 * original changes, the fingerprint stored with its translations no longer matches and they show as outdated.
 */
export function textFingerprint(texts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ texts.length;
  // A browser sends a textarea's line breaks as CRLF: saving a form unchanged must not make every translation outdated.
  const joined = texts.map((t) => t.replace(/\r\n?/g, "\n")).map((t) => `${t.length}:${t}`).join("\u0000");
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x85ebca6b) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** The fingerprint of the given fields of an original, in the order given. */
export function fingerprintOf<F extends string>(original: Texts<F>, fields: readonly F[]): string {
  return textFingerprint(fields.map((f) => original[f] ?? ""));
}

function pick<F extends string>(row: Texts<F>, fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? ""])) as Record<F, string>;
}

/**
 * What to show a reader who asked for `requested`: the translation into that language when there is one, else the
 * original (marked untranslated). `fields` lists the text fields that make up the text (for the outdated check).
 */
export function localize<F extends string>(
  original: Texts<F>,
  originalLanguage: string,
  translations: readonly TranslationRow<F>[] | undefined,
  requested: string,
  fields: readonly F[],
): Localized<Record<F, string>> {
  if (requested !== originalLanguage) {
    const row = translations?.find((t) => t.language === requested);
    if (row) {
      return { text: pick(row, fields), language: requested, requested, original: originalLanguage, untranslated: false, outdated: row.sourceHash !== fingerprintOf(original, fields) };
    }
  }
  return { text: pick(original, fields), language: originalLanguage, requested, original: originalLanguage, untranslated: requested !== originalLanguage, outdated: false };
}

export type TranslationState = "original" | "complete" | "outdated" | "missing";

/** Where each of the six languages stands for one text: for the editor's tabs. */
export function translationStates<F extends string>(
  original: Texts<F>,
  originalLanguage: string,
  translations: readonly TranslationRow<F>[],
  fields: readonly F[],
): Record<Locale, TranslationState> {
  const hash = fingerprintOf(original, fields);
  return Object.fromEntries(
    LOCALES.map((l) => {
      if (l === originalLanguage) return [l, "original"];
      const row = translations.find((t) => t.language === l);
      return [l, !row ? "missing" : row.sourceHash === hash ? "complete" : "outdated"];
    }),
  ) as Record<Locale, TranslationState>;
}

/**
 * The content language an API request asks for: `?lang=` wins (an unknown code is an error), then the best of
 * Accept-Language among the six; `null` means no preference, and each text comes in its original language.
 */
export function contentLanguageOf(lang: string | null, acceptLanguage: string | null): { ok: true; language: Locale | null } | { ok: false } {
  if (lang !== null && lang !== "") return isLocale(lang) ? { ok: true, language: lang } : { ok: false };
  return { ok: true, language: matchLocale(acceptLanguage) };
}
