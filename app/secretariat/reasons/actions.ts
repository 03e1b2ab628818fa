"use server";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { createReasonTemplate, deleteReasonTemplate, updateReasonTemplate } from "@/lib/moderation/reasons";

function valuesOf(formData: FormData) {
  return { kind: String(formData.get("kind") ?? ""), label: String(formData.get("label") ?? ""), text: String(formData.get("text") ?? "") };
}

export async function saveReasonAction(formData: FormData): Promise<void> {
  expectArgs([formData], ["form"]);
  const user = await getCurrentUser();
  const id = String(formData.get("id") ?? "");
  const intent = String(formData.get("intent") ?? "save");
  const result = id
    ? intent === "delete" ? await deleteReasonTemplate(user, id) : await updateReasonTemplate(user, id, valuesOf(formData))
    : await createReasonTemplate(user, valuesOf(formData));
  revalidatePath("/secretariat/reasons");
  if (result.ok) redirect(`/secretariat/reasons?saved=${intent === "delete" ? "deleted" : "saved"}`);
  const field = Object.entries(result.fieldErrors ?? {}).find(([, v]) => v?.length);
  redirect(`/secretariat/reasons?error=${encodeURIComponent(field?.[1]?.[0] ?? result.error)}${id ? `&id=${id}` : ""}`);
}
