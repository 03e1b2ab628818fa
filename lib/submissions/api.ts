// JSON shapes of the open-data API (docs/api.md): what is public, spelled out field by field.
import "server-only";
import { db } from "../db/client";
import { stageOf } from "../consultations/phases";
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

export function consultationJson(c: ConsultationRow, baseUrl: string, now: Date) {
  return {
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    stage: stageOf(c, now),
    url: `${baseUrl}/consultations/${c.slug}`,
    contributionsOpenAt: c.contributionsOpenAt?.toISOString() ?? null,
    contributionsCloseAt: c.contributionsCloseAt?.toISOString() ?? null,
    commentsOpenAt: c.commentsOpenAt?.toISOString() ?? null,
    commentsCloseAt: c.commentsCloseAt?.toISOString() ?? null,
    submissionsUrl: `${baseUrl}/api/v1/consultations/${c.slug}/submissions`,
    csvUrl: `${baseUrl}/api/v1/consultations/${c.slug}/submissions.csv`,
  };
}

export async function publishedConsultations() {
  return db.consultation.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ contributionsOpenAt: "desc" }, { createdAt: "desc" }],
    take: 500,
    select: {
      slug: true, title: true, summary: true, status: true, contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true,
      _count: { select: { submissions: { where: { status: "PUBLISHED" } } } },
    },
  });
}

/** The site's own origin, from the request: links in the API point back at the host that served them. */
export function baseUrlOf(request: Request): string {
  return new URL(request.url).origin;
}
