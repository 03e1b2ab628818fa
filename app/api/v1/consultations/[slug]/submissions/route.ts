// GET /api/v1/consultations/{slug}/submissions: published (and hidden, without text) contributions, filtered, cursor-paged (docs/api.md).
import { getPublicConsultation } from "@/lib/consultations/service";
import { apiError, baseUrlOf, contributionJson } from "@/lib/submissions/api";
import { loadPublicContributions, parseListQuery } from "@/lib/submissions/public";

import { readFromReplica } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Anonymous open data: read from the replica when DATABASE_REPLICA_URL is set (docs/scaling.md).
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return readFromReplica(() => listSubmissions(request, context));
}

async function listSubmissions(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = parseListQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "invalid_parameters", `Invalid parameter(s): ${parsed.invalid.join(", ")}.`, { parameters: parsed.invalid });
  const consultation = await getPublicConsultation(slug);
  if (!consultation) return apiError(404, "not_found", "No published consultation has this slug.");
  const page = await loadPublicContributions(consultation.id, parsed.query, parsed.cursor);
  const base = baseUrlOf(request);
  let next: string | null = null;
  if (page.nextCursor) {
    const url = new URL(request.url);
    url.searchParams.set("cursor", page.nextCursor);
    next = `${base}${url.pathname}${url.search}`;
  }
  return Response.json({ items: page.items.map((item) => contributionJson(item, base, slug)), nextCursor: page.nextCursor, next });
}
