"use server";
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { previewImport, runImport } from "@/lib/import/service";
import type { ImportFormState } from "@/components/submissions/import-form";

export async function importAction(slug: string, _state: ImportFormState, formData: FormData): Promise<ImportFormState> {
  expectArgs([slug, _state, formData], ["string", "any", "form"]);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden" };
  const file = formData.get("file");
  if (!(typeof file === "object" && file !== null && "arrayBuffer" in file) || file.size === 0) return { status: "error", error: "fileRequired" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (formData.get("intent") === "import") {
    const result = await runImport(user, slug, file.name, bytes, { expectedHash: String(formData.get("fileHash") ?? ""), via: "web" });
    if (!result.ok) return { status: "error", error: result.error, detail: result.params?.detail?.toString(), report: result.detail };
    revalidatePath("/", "layout");
    return { status: "imported", created: result.data.created, skipped: result.data.skipped };
  }
  const result = await previewImport(user, slug, file.name, bytes);
  if (!result.ok) return { status: "error", error: result.error, detail: result.params?.detail?.toString() };
  return { status: "preview", report: result.data, filename: file.name };
}
