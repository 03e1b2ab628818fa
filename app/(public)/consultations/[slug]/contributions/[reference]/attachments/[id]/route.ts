// Attachment download: public once the contribution is published; before that, only for the secretariat.
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { storage } from "@/lib/storage";
import { getAttachmentForSecretariat, getPublicAttachment } from "@/lib/submissions/public";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; reference: string; id: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { slug, reference, id } = await params;
  const ref = decodeURIComponent(reference);
  let attachment = await getPublicAttachment(slug, ref, id);
  let isPublic = true;
  if (!attachment) {
    const user = await getCurrentUser();
    if (hasRole(user, "SECRETARIAT")) attachment = await getAttachmentForSecretariat(ref, id);
    isPublic = false;
  }
  if (!attachment) return new Response("Not found", { status: 404 });
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
      "cache-control": isPublic ? "public, max-age=3600" : "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
