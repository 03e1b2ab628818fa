// GET: the signed-in person's data as a zip (agora-data.json and their attachments), streamed as it is made.
import { getCurrentUser } from "@/lib/auth/session";
import { personalDataArchive } from "@/lib/personal-data/export";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "signInRequired" }, { status: 401 });
  const archive = await personalDataArchive(user.id);
  if (!archive) return Response.json({ error: "signInRequired" }, { status: 401 });
  return new Response(archive.body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${archive.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
