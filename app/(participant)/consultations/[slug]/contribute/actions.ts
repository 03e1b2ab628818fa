"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { saveDraft, submitContribution } from "@/lib/submissions/service";
import { uploadedFiles } from "@/lib/files/upload";
import type { ContributionFormState, ContributionValues, DraftSaveState } from "@/components/submissions/contribution-form";

function valuesOf(formData: FormData): ContributionValues {
  return {
    submissionId: String(formData.get("submissionId") ?? ""),
    expectedVersion: String(formData.get("expectedVersion") ?? ""),
    title: String(formData.get("title") ?? ""),
    body: String(formData.get("body") ?? ""),
    themes: formData.getAll("themes").map(String),
    language: String(formData.get("language") ?? ""),
    onBehalfOf: String(formData.get("onBehalfOf") ?? ""),
    visibility: String(formData.get("visibility") ?? ""),
    keepAttachments: formData.getAll("keepAttachments").map(String),
  };
}

export async function submitContributionAction(consultationId: string, _state: ContributionFormState, formData: FormData): Promise<ContributionFormState> {
  const values = valuesOf(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await submitContribution(user, consultationId, { ...values, idempotencyKey: String(formData.get("idempotencyKey") ?? "") }, await uploadedFiles(formData, "attachments"));
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params, values };
  revalidatePath("/my/contributions");
  redirect(`/my/contributions/${result.data.id}?receipt=1`);
}

export async function saveDraftAction(consultationId: string, values: ContributionValues): Promise<DraftSaveState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden" };
  const result = await saveDraft(user, consultationId, values);
  if (!result.ok) return { status: "error", error: result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] ?? result.error : result.error, params: result.params };
  return { status: "saved", id: result.data.id, savedAt: result.data.savedAt.toISOString(), version: result.data.version };
}
