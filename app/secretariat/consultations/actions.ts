"use server";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { createConsultation, updateConsultation, addTheme, updateTheme, deleteTheme } from "@/lib/consultations/admin";
import type { ConsultationFormState, ConsultationValues } from "@/components/secretariat/consultation-form";
import type { ThemeFormState } from "@/components/secretariat/theme-forms";

const FIELDS = ["slug", "title", "summary", "description", "status", "referencePrefix", "moderationMode", "contributionsOpenAt", "contributionsCloseAt", "commentsOpenAt", "commentsCloseAt"] as const;

function valuesOf(formData: FormData): ConsultationValues {
  return Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? "")])) as unknown as ConsultationValues;
}

export async function createConsultationAction(_s: ConsultationFormState, formData: FormData): Promise<ConsultationFormState> {
  expectArgs([_s, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await createConsultation(user, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/");
  redirect(`/secretariat/consultations/${result.data.slug}?created=1`);
}

export async function updateConsultationAction(id: string, _s: ConsultationFormState, formData: FormData): Promise<ConsultationFormState> {
  expectArgs([id, _s, formData], ["string", "any", "form"]);
  const values = valuesOf(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await updateConsultation(user, id, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  redirect(`/secretariat/consultations/${result.data.slug}?saved=1`);
}

function themeValues(formData: FormData) {
  return { slug: String(formData.get("slug") ?? ""), title: String(formData.get("title") ?? ""), description: String(formData.get("description") ?? ""), position: String(formData.get("position") ?? "0") };
}

export async function addThemeAction(consultationId: string, _s: ThemeFormState, formData: FormData): Promise<ThemeFormState> {
  expectArgs([consultationId, _s, formData], ["string", "any", "form"]);
  const values = themeValues(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await addTheme(user, consultationId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  return { status: "saved", message: "added" };
}

export async function updateThemeAction(themeId: string, _s: ThemeFormState, formData: FormData): Promise<ThemeFormState> {
  expectArgs([themeId, _s, formData], ["string", "any", "form"]);
  const values = themeValues(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const intent = formData.get("intent");
  const result = intent === "delete" ? await deleteTheme(user, themeId) : await updateTheme(user, themeId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  return { status: "saved", message: intent === "delete" ? "deleted" : "updated" };
}
