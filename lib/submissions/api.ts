// JSON shapes of the open-data API (docs/api.md): what is public, spelled out field by field.
import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import { stageOf } from "../consultations/phases";
import { contentLanguageOf, localize, type Localized } from "../i18n/content";
import { CONSULTATION_FIELDS } from "../i18n/texts";
import type { Locale } from "../i18n/config";
import { isKnownCountry } from "../geo/countries";
import type { PublicContribution } from "./public";

export function apiError(status: number, error: string, message: string, details?: Record<string, unknown>): Response {
  return Response.json({ error, message, ...(details ? { details } : {}) }, { status, headers: { "cache-control": "no-store" } });
}

export function contributionJson(item: PublicContribution, baseUrl: string, slug: string) {
  return {
    reference: item.reference,
    url: `${baseUrl}/consultations/${slug}/contributions/${encodeURIComponent(item.reference)}`,
    // A hidden contribution keeps its place and metadata, never its text: title and body are null, attachments empty.
    title: item.title,
    body: item.body,
    hidden: item.hidden,
    hiddenReason: item.hiddenReason,
    overBalance: item.overBalance,
    campaign: item.campaign,
    language: item.language,
    themes: item.themes,
    stakeholderGroup: item.stakeholderGroup,
    // null when the country is not known (imported or transcribed inputs; region "UNKNOWN")
    country: isKnownCountry(item.country) ? item.country : null,
    region: item.region,
    developing: item.developing,
    contributorName: item.contributorName,
    organisationName: item.organisationName,
    anonymous: item.anonymous,
    imported: item.imported,
    submittedAt: item.submittedAt?.toISOString() ?? null,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    attachments: item.attachments.map((a) => ({
      filename: a.filename, mimeType: a.mimeType, size: a.size, sha256: a.sha256,
      url: `${baseUrl}/consultations/${slug}/contributions/${encodeURIComponent(item.reference)}/attachments/${a.id}`,
    })),
    ...(item.highlight === undefined ? {} : { highlight: item.highlight.replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>") }),
  };
}

type ConsultationRow = {
  slug: string; title: string; summary: string; status: string;
  contributionsOpenAt: Date | null; contributionsCloseAt: Date | null; commentsOpenAt: Date | null; commentsCloseAt: Date | null;
};

/** What the API says about the language of a text it returns (docs/decisions/0033). */
export function languageJson(l: Pick<Localized<Record<string, string>>, "language" | "requested" | "original" | "untranslated" | "outdated">, asked: boolean) {
  return {
    language: l.language,
    requestedLanguage: asked ? l.requested : null,
    originalLanguage: l.original,
    translated: l.language !== l.original,
    outdated: l.outdated,
  };
}

/** `texts`: the consultation's texts in the language asked for (or its original); `available`: its languages. */
export function consultationJson(
  c: ConsultationRow,
  baseUrl: string,
  now: Date,
  texts?: { localized: Localized<{ title: string; summary: string; description: string }>; asked: boolean; available: string[] },
) {
  return {
    slug: c.slug,
    title: texts ? texts.localized.text.title : c.title,
    summary: texts ? texts.localized.text.summary : c.summary,
    ...(texts ? { ...languageJson(texts.localized, texts.asked), availableLanguages: texts.available } : {}),
    stage: stageOf(c, now),
    url: `${baseUrl}/consultations/${c.slug}`,
    contributionsOpenAt: c.contributionsOpenAt?.toISOString() ?? null,
    contributionsCloseAt: c.contributionsCloseAt?.toISOString() ?? null,
    commentsOpenAt: c.commentsOpenAt?.toISOString() ?? null,
    commentsCloseAt: c.commentsCloseAt?.toISOString() ?? null,
    submissionsUrl: `${baseUrl}/api/v1/consultations/${c.slug}/submissions`,
    csvUrl: `${baseUrl}/api/v1/consultations/${c.slug}/submissions.csv`,
    feedUrl: `${baseUrl}/consultations/${c.slug}/feed.xml`,
  };
}

/**
 * The language an API request asks for (`?lang=`, else Accept-Language), or a 400 response for an unknown `?lang`.
 * `language` null: no preference the API can meet, so every text comes in its original language.
 */
export function requestedContentLanguage(request: Request): { ok: true; language: Locale | null } | { ok: false; response: Response } {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const parsed = contentLanguageOf(lang, request.headers.get("accept-language"));
  if (!parsed.ok) {
    return { ok: false, response: apiError(400, "invalid_parameters", "Invalid parameter(s): lang. Use one of ar, zh, en, fr, ru, es.", { parameters: ["lang"] }) };
  }
  return { ok: true, language: parsed.language };
}

/** Headers of a response whose texts are in `language`: Content-Language, and Vary since Accept-Language decides. */
export function languageHeaders(languages: readonly string[]): Record<string, string> {
  const distinct = [...new Set(languages)];
  return { vary: "Accept-Language", ...(distinct.length ? { "content-language": distinct.join(", ") } : {}) };
}

export async function publishedConsultations(language: string | null = null) {
  const rows = await db.consultation.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ contributionsOpenAt: "desc" }, { createdAt: "desc" }],
    take: 500,
    select: {
      slug: true, title: true, summary: true, description: true, language: true, status: true,
      contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true,
      translations: { select: { language: true, title: true, summary: true, description: true, sourceHash: true } },
      _count: { select: { submissions: { where: { status: "PUBLISHED" } } } },
    },
  });
  return rows.map((row) => ({
    ...row,
    localized: localize(row, row.language, row.translations, language ?? row.language, CONSULTATION_FIELDS),
    available: [row.language, ...row.translations.map((t) => t.language)],
  }));
}

/** A theme's texts as the API gives them, with their language. */
export function themeJson(theme: { slug: string; texts: Localized<{ title: string; description: string }> }, asked: boolean) {
  return { slug: theme.slug, title: theme.texts.text.title, description: theme.texts.text.description, ...languageJson(theme.texts, asked) };
}

/**
 * The site's public URL that links (permalinks, the API's and the CSV's `url`) start with: PUBLIC_URL, else NEXTAUTH_URL,
 * else the origin of the request (a development server reached by its own address).
 */
export function baseUrlOf(request: Request): string {
  const configured = publicSiteUrl();
  return configured ?? new URL(request.url).origin;
}

/** PUBLIC_URL or NEXTAUTH_URL without a trailing slash, when one is set. */
export function publicSiteUrl(): string | null {
  const { PUBLIC_URL, NEXTAUTH_URL } = env();
  const url = PUBLIC_URL ?? NEXTAUTH_URL;
  return url ? url.replace(/\/+$/, "") : null;
}
