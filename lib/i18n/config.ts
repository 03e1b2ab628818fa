// Supported languages: the six official languages of the United Nations, in the UN's order (English alphabetical).
// Arabic is right-to-left; the layout sets dir from here. Client-safe: no server imports.
export const LOCALES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's name in itself, for the switcher (a reader looks for their own language's name). */
export const LOCALE_LABELS: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

interface Ranked {
  tag: string;
  weight: number;
}

/** Accept-Language entries with q > 0, best first (ties keep the header's order). */
export function rankAcceptLanguage(acceptLanguage: string | null | undefined): Ranked[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .slice(0, 2000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.tag !== "")
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag, weight }) => ({ tag, weight }));
}

/** The supported locale a language tag names, if any: "fr-CH" → fr, "zh-Hant-TW" → zh, "*" → none. */
export function localeOfTag(tag: string): Locale | null {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? "";
  return isLocale(base) ? base : null;
}

/** Picks the best supported locale from an Accept-Language header, or null when none is acceptable. */
export function matchLocale(acceptLanguage: string | null | undefined): Locale | null {
  for (const { tag } of rankAcceptLanguage(acceptLanguage)) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return null;
}

/** Picks the best supported locale from an Accept-Language header, English when none matches. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  return matchLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * The interface language a request is served in, from its raw headers: the switcher's cookie, else the best match of
 * Accept-Language; null when the request says nothing (the same choice as lib/i18n/request.ts makes for pages).
 */
export function interfaceLocaleOf(headers: { cookie?: string; "accept-language"?: string } | undefined): Locale | null {
  const cookie = headers?.cookie
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  return matchLocale(headers?.["accept-language"]);
}
