// Synthesis download: ?format=md|docx|html[&snapshot=N]. Secretariat: the live draft or any snapshot; everybody: the published one.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { exportSynthesis } from "@/lib/synthesis/service";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// Errors in the shape docs/api.md promises for every /api/v1 route: {error: code, message, details?}.
const MESSAGES: Record<string, { code: string; message: string }> = {
  formatInvalid: { code: "invalid_parameters", message: "format must be md, docx or html." },
  snapshotInvalid: { code: "invalid_parameters", message: "snapshot must be a positive whole number." },
  notFound: { code: "not_found", message: "No such consultation." },
  snapshotNotFound: { code: "not_found", message: "No such snapshot of this synthesis." },
  notPublished: { code: "not_published", message: "The secretariat has not published a synthesis of this consultation yet." },
  notBuilt: { code: "not_built", message: "The synthesis draft has not been built yet: build it from the synthesis page." },
  snapshotOutdated: { code: "snapshot_outdated", message: "This snapshot was saved by an earlier version and is only kept as Markdown." },
};

function errorResponse(status: number, error: string, fieldErrors?: Record<string, string[] | undefined>) {
  const known = MESSAGES[error] ?? { code: "error", message: "The synthesis could not be produced." };
  const parameters = fieldErrors ? Object.keys(fieldErrors) : [];
  return NextResponse.json(
    { error: known.code, message: known.message, ...(parameters.length ? { details: { parameters } } : {}) },
    { status },
  );
}

export async function GET(request: NextRequest, { params }: Context) {
  const { slug } = await params;
  const search = request.nextUrl.searchParams;
  const user = await getCurrentUser();
  const baseUrl = (env().NEXTAUTH_URL ?? request.nextUrl.origin).replace(/\/$/, "");
  const result = await exportSynthesis(user, slug, { format: search.get("format") ?? undefined, snapshot: search.get("snapshot") ?? undefined }, { baseUrl });
  if (!result.ok) return errorResponse(result.status ?? 400, result.error, result.fieldErrors);
  const { body, contentType, filename } = result.data;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(body.length),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      // The live draft changes with every moderation decision and is not public: never cached.
      "Cache-Control": hasRole(user, "SECRETARIAT") ? "private, no-store" : "public, max-age=300",
      ...(contentType.startsWith("text/html") ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {}),
    },
  });
}
