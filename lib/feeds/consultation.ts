import "server-only";
// A consultation's Atom feed: its newly published contributions, new draft versions and published synthesis papers,
// newest first. What it lists is what the public pages show: no hidden contribution's text, no anonymous author's name.
import { db } from "../db/client";
import { markdownToText } from "../markdown/render";
import { getPublicConsultation } from "../consultations/service";
import { localize } from "../i18n/content";
import { DRAFT_FIELDS, translationsIn } from "../i18n/texts";
import { listPublishedContributions, ListQuerySchema } from "../submissions/public";
import type { AtomEntry, AtomFeed } from "./atom";

export const FEED_ENTRIES = 50;

export interface FeedLabels {
  draftVersion: (values: { draft: string; number: number }) => string;
  synthesis: (values: { number: number }) => string;
  anonymous: string;
  subtitle: string;
}

function excerpt(markdown: string, max = 400): string {
  const text = markdownToText(markdown).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The feed of a published consultation in `language` (its texts translated when they are), or null when there is none. */
export async function consultationFeed(slug: string, language: string, baseUrl: string, labels: FeedLabels): Promise<AtomFeed | null> {
  const consultation = await getPublicConsultation(slug, language);
  if (!consultation) return null;
  const host = new URL(baseUrl).host;
  const tag = (what: string) => `tag:${host},2026:${slug}/${what}`;
  const page = `${baseUrl}/consultations/${slug}`;

  const [contributions, versions, publications] = await Promise.all([
    listPublishedContributions(consultation.id, ListQuerySchema.parse({ sort: "newest", limit: FEED_ENTRIES }), null),
    db.draftVersion.findMany({
      where: { draft: { consultationId: consultation.id } },
      orderBy: { publishedAt: "desc" },
      take: FEED_ENTRIES,
      select: { id: true, number: true, note: true, publishedAt: true, draft: { select: { slug: true, title: true, language: true, translations: translationsIn(language) } } },
    }),
    // A snapshot's publication time is its audited publication (the latest, if it was withdrawn and published again).
    db.auditEvent.findMany({
      where: { consultationId: consultation.id, action: "synthesis.publish", entityType: "SynthesisDraft" },
      orderBy: { createdAt: "desc" },
      take: FEED_ENTRIES,
      select: { entityId: true, createdAt: true },
    }),
  ]);
  const stillPublished = await db.synthesisDraft.findMany({
    where: { id: { in: publications.map((p) => p.entityId) }, published: true },
    select: { id: true, number: true },
  });
  const numberOf = new Map(stillPublished.map((s) => [s.id, s.number]));
  const seen = new Set<string>();

  const entries: AtomEntry[] = [
    ...contributions.items.flatMap((item): AtomEntry[] =>
      item.hidden || !item.publishedAt || item.title === null
        ? []
        : [{
            id: tag(`contribution/${item.reference}`),
            title: item.title,
            link: `${page}/contributions/${encodeURIComponent(item.reference)}`,
            updated: item.publishedAt,
            author: item.anonymous ? labels.anonymous : [item.contributorName, item.organisationName].filter(Boolean).join(", ") || labels.anonymous,
            summary: item.body ? excerpt(item.body) : undefined,
            lang: item.language,
          }],
    ),
    ...versions.map((v): AtomEntry => {
      const title = localize(v.draft, v.draft.language, v.draft.translations, language, DRAFT_FIELDS);
      return {
        id: tag(`draft/${v.draft.slug}/v${v.number}`),
        title: labels.draftVersion({ draft: title.text.title, number: v.number }),
        link: `${page}/drafts/${v.draft.slug}/versions/${v.number}`,
        updated: v.publishedAt,
        summary: v.note || undefined,
      };
    }),
    ...publications.flatMap((p): AtomEntry[] => {
      const number = numberOf.get(p.entityId);
      if (number === undefined || seen.has(p.entityId)) return [];
      seen.add(p.entityId);
      return [{ id: tag(`synthesis/${number}`), title: labels.synthesis({ number }), link: `${page}#synthesis-heading`, updated: p.createdAt }];
    }),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_ENTRIES);

  return {
    id: tag("feed"),
    title: consultation.texts.text.title,
    subtitle: consultation.texts.text.summary || labels.subtitle,
    link: page,
    self: `${page}/feed.xml`,
    updated: entries[0]?.updated ?? consultation.updatedAt,
    lang: consultation.texts.language,
    entries,
  };
}
