"use server";
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { deleteGlossaryTerm, saveGlossaryTerm } from "@/lib/synthesis/glossary";
import type { GlossaryFormState } from "@/components/synthesis/glossary-forms";

function valuesOf(formData: FormData) {
  return { acronym: String(formData.get("acronym") ?? ""), expansion: String(formData.get("expansion") ?? "") };
}

export async function addTermAction(_state: GlossaryFormState, formData: FormData): Promise<GlossaryFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = valuesOf(formData);
  const result = await saveGlossaryTerm(await getCurrentUser(), null, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/secretariat/glossary");
  return { status: "saved", message: "added" };
}

export async function editTermAction(id: string, _state: GlossaryFormState, formData: FormData): Promise<GlossaryFormState> {
  expectArgs([id, _state, formData], ["string", "any", "form"]);
  const values = valuesOf(formData);
  const user = await getCurrentUser();
  const result = formData.get("intent") === "delete" ? await deleteGlossaryTerm(user, id) : await saveGlossaryTerm(user, id, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/secretariat/glossary");
  return { status: "saved", message: formData.get("intent") === "delete" ? "deleted" : "updated" };
}
