// The HTML part of an outbox message, as its own document for the sandboxed frame on the message page. Admins only.
// The message's markup gets a policy of its own: no scripts, no requests but images, links opening outside the frame.
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { getOutboxMessage } from "@/lib/email/outbox";

export const dynamic = "force-dynamic";

const POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src https: data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "sandbox allow-popups allow-popups-to-escape-sandbox",
].join("; ");

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!hasRole(user, "ADMIN")) return Response.json({ error: "forbidden" }, { status: user ? 403 : 401 });
  const message = await getOutboxMessage(user, (await params).id);
  if (!message || message.html === null) return Response.json({ error: "notFound" }, { status: 404 });
  // Links open in a new tab rather than inside the frame.
  const html = message.html.includes("<head>") ? message.html.replace("<head>", '<head><base target="_blank">') : `<base target="_blank">${message.html}`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": POLICY,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
