// Attachment download: public once the contribution is published; before that, only for the secretariat.
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { storage } from "@/lib/storage";
import { getAttachmentForSecretariat, getPublicAttachment } from "@/lib/submissions/public";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; reference: string; id: string }> };

export async function GET(request: Request, { params }: Params) {
  // Next.js has decoded the segments already: decoding again would turn "%25" into a URIError.
  const { slug, reference: ref, id } = await params;
  let attachment = await getPublicAttachment(slug, ref, id);
  let isPublic = true;
  if (!attachment) {
    const user = await getCurrentUser();
    if (hasRole(user, "SECRETARIAT")) attachment = await getAttachmentForSecretariat(ref, id);
    isPublic = false;
  }
  if (!attachment) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  // Never kept by a shared cache, and revalidated by the browser on every use: once the secretariat hides the
  // contribution, its files answer 404 at once instead of lingering anywhere. The checksum is the validator.
  const etag = `"${attachment.sha256}"`;
  const cacheControl = isPublic ? "private, no-cache" : "private, no-store";
  if (isPublic && request.headers.get("if-none-match") === etag) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": cacheControl } });
  }
  const object = await storage().get(attachment.storageKey);
  if (!object) return new Response("The file is missing from storage.", { status: 410 });
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(object.body, {
    headers: {
      // Text attachments are served as plain text and every file as a download, so nothing uploaded runs in the page.
      "content-type": attachment.mimeType.startsWith("text/") ? "text/plain; charset=utf-8" : attachment.mimeType,
      "content-length": String(attachment.size),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "x-content-sha256": attachment.sha256,
      "cache-control": cacheControl,
      etag,
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
