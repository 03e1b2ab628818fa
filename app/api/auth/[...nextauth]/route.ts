// next-auth v4 route handler (App Router). next-auth answers a malformed request (a JSON body it cannot parse, a
// callback URL it refuses) by throwing: here that is the client's error, a 400 with a JSON message, not a 500.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

function badRequest(message: string): Response {
  return Response.json({ error: "bad_request", message }, { status: 400, headers: { "cache-control": "no-store" } });
}

/** A callback URL next-auth would accept: a path on this site, or an absolute URL of this site. */
function acceptableCallback(value: string, origin: string): boolean {
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return true;
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const url = new URL(req.url);
  // next-auth answers a foreign callback URL with a "server configuration" 500; it is the request that is wrong.
  const query = url.searchParams.get("callbackUrl");
  const cookie = /(?:^|;\s*)(?:__Secure-)?next-auth\.callback-url=([^;]*)/.exec(req.headers.get("cookie") ?? "")?.[1];
  let cookieValue: string | undefined;
  try {
    cookieValue = cookie === undefined ? undefined : decodeURIComponent(cookie);
  } catch {
    return badRequest("The sign-in cookie could not be read. Clear this site's cookies and sign in again.");
  }
  if ((query !== null && !acceptableCallback(query, url.origin)) || (cookieValue !== undefined && !acceptableCallback(cookieValue, url.origin))) {
    return badRequest("The address to return to after signing in must be on this site.");
  }
  try {
    return await NextAuth(authOptions())(req, ctx);
  } catch (error) {
    // Redirects and not-found signals of Next.js are thrown too: let them through.
    if (error instanceof Error && /NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/.test(error.message + String((error as { digest?: unknown }).digest ?? ""))) throw error;
    return badRequest("This sign-in request could not be read.");
  }
}

export { handler as GET, handler as POST };
