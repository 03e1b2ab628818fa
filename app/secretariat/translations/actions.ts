"use server";
// Saving and removing one translation from the secretariat's editor; the services check the role and the version.
import { revalidatePath } from "next/cache";
import { expectArgs } from "@/lib/http/action-args";
import { getCurrentUser } from "@/lib/auth/session";
import { deleteTranslation, saveTranslation, TRANSLATABLE, type TranslatableKind } from "@/lib/i18n/translate";
import { deleteVersionTranslation, saveVersionTranslation } from "@/lib/drafts/translations";
import { EDITOR_FIELDS, EDITOR_KINDS, type EditorKind } from "@/lib/i18n/editor";
import type { TranslationFormState } from "@/components/i18n/translation-form";
import { notFound } from "next/navigation";

export async function translationAction(kind: string, id: string, language: string, _state: TranslationFormState, formData: FormData): Promise<TranslationFormState> {
  expectArgs([kind, id, language, _state, formData], ["string", "string", "string", "any", "form"]);
  if (!(EDITOR_KINDS as readonly string[]).includes(kind)) notFound();
  const editorKind = kind as EditorKind;
  const values = Object.fromEntries(EDITOR_FIELDS[editorKind].map((f) => [f.name, String(formData.get(f.name) ?? "")]));
  const meta = { sourceHash: String(formData.get("sourceHash") ?? ""), expectedUpdatedAt: String(formData.get("expectedUpdatedAt") ?? "") };
  const user = await getCurrentUser();
  const remove = formData.get("intent") === "delete";
  const result = remove
    ? editorKind === "draftVersion"
      ? await deleteVersionTranslation(user, id, language, meta.expectedUpdatedAt)
      : await deleteTranslation(user, editorKind as TranslatableKind, id, language, meta.expectedUpdatedAt)
    : editorKind === "draftVersion"
      ? await saveVersionTranslation(user, id, language, { ...values, ...meta })
      : (TRANSLATABLE as readonly string[]).includes(editorKind)
        ? await saveTranslation(user, editorKind as TranslatableKind, id, language, { ...values, ...meta })
        : notFound();
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params ?? {}, values };
  revalidatePath("/", "layout");
  return { status: "saved", message: remove ? "removed" : "saved" };
}
