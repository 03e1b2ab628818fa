"use server";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { saveDraft, submitContribution } from "@/lib/submissions/service";
import { uploadedFiles } from "@/lib/files/upload";
import { echoed, echoedList } from "@/lib/http/echo";
import { BODY_MAX, TITLE_MAX } from "@/lib/submissions/limits";
import type { ContributionFormState, ContributionValues, DraftSaveState } from "@/components/submissions/contribution-form";
import { actingFor } from "@/lib/submissions/schema";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The form's values as sent, to validate and, after an error, to re-fill the form (bounded: see lib/http/echo.ts). */
function valuesOf(formData: FormData): ContributionValues {
  return {
    submissionId: echoed(text(formData, "submissionId"), 40),
    expectedVersion: echoed(text(formData, "expectedVersion"), 12),
    title: echoed(text(formData, "title"), TITLE_MAX),
    body: echoed(text(formData, "body"), BODY_MAX),
    themes: echoedList(formData.getAll("themes").filter((v): v is string => typeof v === "string")),
    language: echoed(text(formData, "language"), 10),
    // The form's radio ("SELF" or an organisation's id); a caller posting the fields themselves is read as well.
    ...(formData.has("actingFor")
      ? actingFor(echoed(text(formData, "actingFor"), 64))
      : { onBehalfOf: echoed(text(formData, "onBehalfOf"), 20), organisationId: echoed(text(formData, "organisationId"), 64) }),
    visibility: echoed(text(formData, "visibility"), 20),
    keepAttachments: echoedList(formData.getAll("keepAttachments").filter((v): v is string => typeof v === "string")),
  };
}

export async function submitContributionAction(consultationId: string, _state: ContributionFormState, formData: FormData): Promise<ContributionFormState> {
  expectArgs([consultationId, _state, formData], ["string", "any", "form"]);
  const values = valuesOf(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await submitContribution(user, consultationId, { ...values, idempotencyKey: echoed(text(formData, "idempotencyKey"), 64) }, await uploadedFiles(formData, "attachments"));
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params, values };
  revalidatePath("/my/contributions");
  redirect(`/my/contributions/${result.data.id}?receipt=1`);
}

export async function saveDraftAction(consultationId: string, values: ContributionValues): Promise<DraftSaveState> {
  expectArgs([consultationId, values], ["string", "object"]);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden" };
  const result = await saveDraft(user, consultationId, values);
  if (!result.ok) return { status: "error", error: result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] ?? result.error : result.error, params: result.params };
  return { status: "saved", id: result.data.id, savedAt: result.data.savedAt.toISOString(), version: result.data.version };
}
