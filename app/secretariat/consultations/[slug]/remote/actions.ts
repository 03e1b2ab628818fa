"use server";
// Server actions of the remote-messages stream: import an export (check first), moderate, add a handle to the roster.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { uploadedFile } from "@/lib/files/upload";
import { addHandleToRoster, moderateRemoteMessages, previewRemoteImport, runRemoteImport } from "@/lib/meetings/remote";
import type { RemoteImportState } from "@/components/meetings/remote-import-form";

export async function remoteImportAction(slug: string, _s: RemoteImportState, formData: FormData): Promise<RemoteImportState> {
  const user = await getCurrentUser();
  const file = await uploadedFile(formData, "file");
  if (!file) return { status: "error", error: "fileRequired" };
  if (formData.get("intent") === "import") {
    const result = await runRemoteImport(user, slug, file.name, file.bytes, { expectedHash: String(formData.get("fileHash") ?? "") || undefined, via: "web" });
    if (!result.ok) return { status: "error", error: result.error, detail: result.params?.detail?.toString(), report: result.detail };
    revalidatePath(`/consultations/${slug}`, "layout");
    return { status: "imported", created: result.data.created, skipped: result.data.skipped, published: result.data.published };
  }
  const result = await previewRemoteImport(user, slug, file.name, file.bytes);
  if (!result.ok) return { status: "error", error: result.error, detail: result.params?.detail?.toString() };
  return { status: "preview", report: result.data };
}

export async function moderateRemoteAction(slug: string, view: string, formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const targets = formData.getAll("target").map(String).flatMap((v) => {
    const [id, version] = v.split(":");
    return id && version ? [{ id, version }] : [];
  });
  const result = await moderateRemoteMessages(user, {
    verb: formData.get("verb"), targets, reason: String(formData.get("reason") ?? ""), templateId: String(formData.get("templateId") ?? ""),
  });
  revalidatePath(`/consultations/${slug}`, "layout");
  const base = `/secretariat/consultations/${slug}/remote?view=${encodeURIComponent(view)}`;
  if (!result.ok) redirect(`${base}&error=${encodeURIComponent(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error)}`);
  redirect(`${base}&done=${result.data.done}&conflicts=${result.data.conflicts}`);
}

export async function addHandleAction(slug: string, formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const result = await addHandleToRoster(user, String(formData.get("handle") ?? ""));
  revalidatePath("/", "layout");
  if (!result.ok) redirect(`/secretariat/consultations/${slug}/remote?error=${encodeURIComponent(result.error)}`);
  redirect(`/secretariat/roster/${result.data.speakerId}`);
}
