// The session's transcript exactly as the secretariat imported it (plain text), for the record.
import { getTranscriptSource } from "@/lib/meetings/sessions";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; session: string }> }) {
  const { slug, session } = await params;
  const source = await getTranscriptSource(slug, session);
  if (!source?.transcriptSource) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(source.transcriptSource, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `inline; filename="${source.slug}-transcript.txt"`,
      ...(source.transcriptSha256 ? { "x-content-sha256": source.transcriptSha256 } : {}),
      "cache-control": "public, max-age=300",
    },
  });
}
