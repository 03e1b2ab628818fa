"use server";
import { revalidatePath } from "next/cache";
import { expectArgs } from "@/lib/http/action-args";
import { getCurrentUser } from "@/lib/auth/session";
import { saveSitePage } from "@/lib/site-pages/service";
import type { SitePageFormState } from "@/components/site-pages/site-page-form";

export async function saveSitePageAction(key: string, _state: SitePageFormState, formData: FormData): Promise<SitePageFormState> {
  expectArgs([key, _state, formData], ["string", "any", "form"]);
  const values = { title: String(formData.get("title") ?? ""), body: String(formData.get("body") ?? ""), language: String(formData.get("language") ?? "") };
  const result = await saveSitePage(await getCurrentUser(), key, { ...values, expectedVersion: String(formData.get("expectedVersion") ?? "") });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/secretariat/pages");
  revalidatePath(`/pages/${key}`);
  return { status: "saved", version: result.data.version };
}
