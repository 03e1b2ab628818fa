// GET /api/v1/consultations/{slug}: one published consultation, its themes and contribution counts (docs/api.md).
import { getPublicConsultation } from "@/lib/consultations/service";
import { apiError, baseUrlOf, consultationJson } from "@/lib/submissions/api";
import { contributionCounts } from "@/lib/submissions/public";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const consultation = await getPublicConsultation((await params).slug);
  if (!consultation) return apiError(404, "not_found", "No published consultation has this slug.");
  const counts = await contributionCounts(consultation.id);
  return Response.json({
    ...consultationJson(consultation, baseUrlOf(request), new Date()),
    description: consultation.description,
    themes: consultation.themes.map((t) => ({ slug: t.slug, title: t.title, description: t.description })),
    publishedContributions: counts,
  });
}
