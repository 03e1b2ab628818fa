// Next.js proxy (formerly middleware), two jobs on every request:
// 1. Refuse requests that cannot be valid before any page, route handler or server action runs, with a 4xx the
//    person or program can act on (lib/http/request-guard.ts says what and why). Pages get the site's own error
//    page, API routes a JSON error, fetch actions a short text.
// 2. Every HTML page (the error page included) gets a Content-Security-Policy with a per-request nonce, and
//    Strict-Transport-Security when the site is served over HTTPS. The policy travels on the request too: Next.js
//    reads the nonce from it and puts it on the scripts it writes into the page.
import { NextResponse, type NextRequest } from "next/server";
import { checkActionHead, checkActionJson, checkFormFields, checkUrl, isActionRequest, utf8, type Rejection, type RequestHead } from "@/lib/http/request-guard";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

const MESSAGES: Record<Rejection["reason"], string> = {
  malformedPath: "The address is not valid: it contains bytes that are not UTF-8 text, or control characters.",
  malformedQuery: "The query string is not valid: it contains bytes that are not UTF-8 text, or control characters.",
  crossOrigin: "This form was sent from another site. Open the page on this site and send it from there.",
  lengthRequired: "The request did not say how large it is (Content-Length).",
  tooLarge: "The request is larger than this form accepts.",
  unsupportedType: "The request's content type is not one this form accepts.",
  malformedBody: "The request's body could not be read as this form's data.",
};

function servedOverHttps(request: NextRequest): boolean {
  const site = process.env.NEXTAUTH_URL ?? "";
  return site.startsWith("https://") || request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
}

/** Responses that are not pages: the API (JSON), static files, the e-mail preview (a stricter policy of its own). */
const NOT_A_PAGE = /^\/(api\/|_next\/static|_next\/image|favicon\.ico$|robots\.txt$|secretariat\/outbox\/[^/]+\/body)/;

interface PagePolicy {
  nonce: string;
  policy: string;
  https: boolean;
}

/** The page's security policy, or null where none belongs (not a page, or a router prefetch, whose payload is cached). */
function pagePolicy(request: NextRequest, pathname: string): PagePolicy | null {
  if (NOT_A_PAGE.test(pathname)) return null;
  if (request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return null;
  const https = servedOverHttps(request);
  const nonce = newNonce();
  return { nonce, https, policy: contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", https }) };
}

function withPolicyHeaders<T extends Response>(response: T, page: PagePolicy | null): T {
  if (!page) return response;
  response.headers.set("Content-Security-Policy", page.policy);
  if (page.https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function rejected(request: NextRequest, rejection: Rejection, page: PagePolicy | null): Response {
  const { pathname } = new URL(request.url);
  const headers = { "cache-control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: rejection.reason, message: MESSAGES[rejection.reason] }, { status: rejection.status, headers });
  }
  if (request.headers.get("next-action") !== null) {
    return new Response(MESSAGES[rejection.reason], { status: rejection.status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    // A form sent without JavaScript: rewriting a POST would run the error page as an action. A short page instead.
    const body = `<!doctype html><html><head><meta charset="utf-8"><title>${rejection.status}</title></head><body><h1>${rejection.status}</h1><p>${MESSAGES[rejection.reason]}</p><p><a href="/">Agora</a></p></body></html>`;
    return withPolicyHeaders(new Response(body, { status: rejection.status, headers: { ...headers, "content-type": "text/html; charset=utf-8" } }), page);
  }
  // The site's own error page, in the reader's language, with the status the request deserves.
  const target = new URL(`/rejected?status=${rejection.status}`, request.nextUrl.origin);
  const requestHeaders = new Headers({ "x-agora-rejected": rejection.reason });
  if (page) {
    requestHeaders.set("x-nonce", page.nonce);
    requestHeaders.set("Content-Security-Policy", page.policy);
  }
  return withPolicyHeaders(NextResponse.rewrite(target, { status: rejection.status, headers, request: { headers: requestHeaders } }), page);
}

async function checkBody(request: NextRequest): Promise<Rejection | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return { status: 400, reason: "malformedBody" };
    }
    const fields: [string, string][] = [];
    for (const [name, value] of form.entries()) if (typeof value === "string") fields.push([name, value]);
    return checkFormFields(fields);
  }
  const text = utf8(new Uint8Array(await request.arrayBuffer()));
  if (text === null) return { status: 400, reason: "malformedBody" };
  if (type.startsWith("application/x-www-form-urlencoded")) return checkFormFields(new URLSearchParams(text).entries());
  return checkActionJson(text);
}

async function rejectionOf(request: NextRequest, url: URL): Promise<Rejection | null> {
  const urlRejection = checkUrl(url.pathname, url.search);
  if (urlRejection) return urlRejection;
  const head: RequestHead = { method: request.method, pathname: url.pathname, header: (name) => request.headers.get(name) };
  if (isActionRequest(head)) return checkActionHead(head) ?? (await checkBody(request));
  if (request.method === "POST" && url.pathname.startsWith("/api/auth/") && (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    // Sign-in forms: URL-encoded text; NUL would reach the database as a query parameter.
    return checkBody(request);
  }
  return null;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  const page = pagePolicy(request, url.pathname);
  const rejection = await rejectionOf(request, url);
  if (rejection) return rejected(request, rejection, page);
  if (!page) return NextResponse.next();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", page.nonce);
  requestHeaders.set("Content-Security-Policy", page.policy);
  return withPolicyHeaders(NextResponse.next({ request: { headers: requestHeaders } }), page);
}

export const config = {
  // Static assets are files, not input. Everything else passes the checks; pages also get their policy (above).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
