// Next.js proxy (formerly middleware): every HTML page gets a Content-Security-Policy with a per-request nonce, and
// Strict-Transport-Security when the site is served over HTTPS. The policy travels on the request too: Next.js reads
// the nonce from it and puts it on the scripts it writes into the page.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "./lib/security/headers";

function servedOverHttps(request: NextRequest): boolean {
  const site = process.env.NEXTAUTH_URL ?? "";
  return site.startsWith("https://") || request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
}

export function proxy(request: NextRequest): NextResponse {
  const https = servedOverHttps(request);
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (JSON), static files, or the e-mail preview, which sends a stricter policy of its own.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|secretariat/outbox/[^/]+/body).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
