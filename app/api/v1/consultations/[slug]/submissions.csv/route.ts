// GET /api/v1/consultations/{slug}/submissions.csv: every matching published contribution, streamed (docs/api.md).
import { getPublicConsultation } from "@/lib/consultations/service";
import { ExportBusyError } from "@/lib/db/copy-out";
import { apiError, baseUrlOf } from "@/lib/submissions/api";
import { contributionsCsv } from "@/lib/submissions/export";
import { parseListQuery } from "@/lib/submissions/public";

import { readFromReplica } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Anonymous open data: read from the replica when DATABASE_REPLICA_URL is set (docs/scaling.md), the COPY too.
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return readFromReplica(() => exportCsv(request, context));
}

async function exportCsv(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  // The export is the whole matching set: paging parameters do not apply.
  search.delete("cursor");
  search.delete("limit");
  search.delete("sort");
  const parsed = parseListQuery(search);
  if (!parsed.ok) return apiError(400, "invalid_parameters", `Invalid parameter(s): ${parsed.invalid.join(", ")}.`, { parameters: parsed.invalid });
  const consultation = await getPublicConsultation(slug);
  if (!consultation) return apiError(404, "not_found", "No published consultation has this slug.");
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await contributionsCsv(consultation.id, parsed.query, `${baseUrlOf(request)}/consultations/${slug}/contributions/`);
  } catch (error) {
    if (!(error instanceof ExportBusyError)) throw error;
    const busy = apiError(503, "exports_busy", "Too many exports are running at once. Try again in a minute.");
    busy.headers.set("retry-after", "60");
    return busy;
  }
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${slug}-contributions.csv"`,
      "cache-control": "no-store",
    },
  });
}
