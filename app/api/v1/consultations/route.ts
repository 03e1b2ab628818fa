// GET /api/v1/consultations: published consultations (docs/api.md), their texts in the language asked for by ?lang= or
// Accept-Language when translated, each saying which language it is in.
import { baseUrlOf, consultationJson, languageHeaders, publishedConsultations, requestedContentLanguage } from "@/lib/submissions/api";

import { readFromReplica } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Anonymous open data: read from the replica when DATABASE_REPLICA_URL is set (docs/scaling.md).
export function GET(request: Request) {
  return readFromReplica(() => listConsultations(request));
}

async function listConsultations(request: Request) {
  const wanted = requestedContentLanguage(request);
  if (!wanted.ok) return wanted.response;
  const base = baseUrlOf(request);
  const now = new Date();
  const rows = await publishedConsultations(wanted.language);
  return Response.json(
    {
      requestedLanguage: wanted.language,
      items: rows.map((c) => ({
        ...consultationJson(c, base, now, { localized: c.localized, asked: wanted.language !== null, available: c.available }),
        publishedContributions: c._count.submissions,
      })),
    },
    { headers: languageHeaders(rows.map((c) => c.localized.language)) },
  );
}
