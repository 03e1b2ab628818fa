// One-click unsubscribe (RFC 8058). Mail clients POST "List-Unsubscribe=One-Click" here, without cookies; the form on
// /unsubscribe posts here too. GET never changes anything: it sends the reader to the confirmation page.
import { unsubscribe } from "@/lib/email/unsubscribe";

export const dynamic = "force-dynamic";

function pageUrl(request: Request, token: string, extra: Record<string, string> = {}): URL {
  const url = new URL("/unsubscribe", request.url);
  url.searchParams.set("token", token);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url;
}

export async function GET(request: Request): Promise<Response> {
  const target = pageUrl(request, new URL(request.url).searchParams.get("token") ?? "");
  return new Response(null, { status: 303, headers: { Location: `${target.pathname}${target.search}` } });
}

export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null; // RFC 8058 clients send a form body; anything else is still a valid one-click request
  }
  const fromPage = form?.get("from") === "page";
  const everything = form?.get("scope") === "all";
  const result = await unsubscribe(token, { everything });
  if (fromPage) {
    // A relative Location: behind a proxy, request.url may not carry the public host.
    const target = pageUrl(request, token, result.ok ? { done: everything ? "all" : "1" } : { error: "1" });
    return new Response(null, { status: 303, headers: { Location: `${target.pathname}${target.search}` } });
  }
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status ?? 404 });
  return Response.json({ unsubscribed: true, category: result.data.category });
}
