// GET /api/v1/consultations/{slug}: one published consultation, its themes and contribution counts (docs/api.md), its
// texts in the language asked for by ?lang= or Accept-Language when translated, each saying which language it is in.
import { availableLanguagesOf, getPublicConsultation } from "@/lib/consultations/service";
import { apiError, baseUrlOf, consultationJson, languageHeaders, requestedContentLanguage, themeJson } from "@/lib/submissions/api";
import { contributionCounts } from "@/lib/submissions/public";

import { readFromReplica } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Anonymous open data: read from the replica when DATABASE_REPLICA_URL is set (docs/scaling.md).
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return readFromReplica(() => oneConsultation(request, context));
}

async function oneConsultation(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const wanted = requestedContentLanguage(request);
  if (!wanted.ok) return wanted.response;
  const consultation = await getPublicConsultation((await params).slug, wanted.language ?? undefined);
  if (!consultation) return apiError(404, "not_found", "No published consultation has this slug.");
  const [counts, available] = await Promise.all([contributionCounts(consultation.id), availableLanguagesOf(consultation.id)]);
  const asked = wanted.language !== null;
  return Response.json(
    {
      ...consultationJson(consultation, baseUrlOf(request), new Date(), { localized: consultation.texts, asked, available }),
      description: consultation.texts.text.description,
      themes: consultation.themes.map((t) => themeJson(t, asked)),
      publishedContributions: counts,
    },
    { headers: languageHeaders([consultation.texts.language, ...consultation.themes.map((t) => t.texts.language)]) },
  );
}
