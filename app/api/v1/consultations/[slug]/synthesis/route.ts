// Synthesis download: ?format=md|docx|html[&snapshot=N]. Secretariat: the live draft or any snapshot; everybody: the published one.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { exportSynthesis } from "@/lib/synthesis/service";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug } = await params;
  const search = request.nextUrl.searchParams;
  const user = await getCurrentUser();
  const baseUrl = (env().NEXTAUTH_URL ?? request.nextUrl.origin).replace(/\/$/, "");
  const result = await exportSynthesis(user, slug, { format: search.get("format") ?? undefined, snapshot: search.get("snapshot") ?? undefined }, { baseUrl });
  if (!result.ok) {
    return NextResponse.json({ error: result.error, ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) }, { status: result.status ?? 400 });
  }
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
