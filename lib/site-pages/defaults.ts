import "server-only";
// The platform's own pages (accessibility, privacy, terms, help): their keys and the built-in texts, one per interface
// language (messages/<locale>/site-pages.json), shown until the secretariat writes its own.
import { catalogues } from "../i18n/messages";
import { isLocale } from "../i18n/config";

export const SITE_PAGE_KEYS = ["accessibility", "privacy", "terms", "help"] as const;
export type SitePageKey = (typeof SITE_PAGE_KEYS)[number];

export function isSitePageKey(value: unknown): value is SitePageKey {
  return typeof value === "string" && (SITE_PAGE_KEYS as readonly string[]).includes(value);
}

/** The built-in title and body of a page in `language`, or null for an unknown page or language. */
export function defaultSitePage(key: string, language: string): { title: string; body: string } | null {
  if (!isSitePageKey(key) || !isLocale(language)) return null;
  const pages = (catalogues()[language].sitePages as { defaults?: Record<string, { title?: unknown; body?: unknown }> } | undefined)?.defaults;
  const page = pages?.[key];
  return typeof page?.title === "string" && typeof page.body === "string" ? { title: page.title, body: page.body } : null;
}
