// GET /api/v1/consultations: published consultations (docs/api.md).
import { baseUrlOf, consultationJson, publishedConsultations } from "@/lib/submissions/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const base = baseUrlOf(request);
  const now = new Date();
  const rows = await publishedConsultations();
  return Response.json({
    items: rows.map((c) => ({ ...consultationJson(c, base, now), publishedContributions: c._count.submissions })),
  });
}
