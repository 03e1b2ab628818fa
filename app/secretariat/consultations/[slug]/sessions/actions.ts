"use server";
// Server actions of the secretariat's session pages: parse the form, call lib/meetings, revalidate.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { uploadedFile } from "@/lib/files/upload";
import { createSession, saveRapporteurReport, updateSession, ADMIN_SESSION_PATH } from "@/lib/meetings/sessions";
import { importTranscript, previewTranscript } from "@/lib/meetings/transcripts";
import type { SessionFormState, SessionValues } from "@/components/meetings/session-form";
import type { TranscriptFormState } from "@/components/meetings/transcript-import-form";
import type { ReportFormState } from "@/components/meetings/report-form";

// Here, not in the form's module: a value exported by a "use client" module is only a reference on the server.
const SESSION_FIELDS = ["title", "slug", "type", "date", "chair", "moderators", "rapporteur", "version"] as const;

function sessionValues(formData: FormData): SessionValues {
  return Object.fromEntries(SESSION_FIELDS.map((f) => [f, String(formData.get(f) ?? "")])) as unknown as SessionValues;
}

export async function createSessionAction(slug: string, _s: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const values = sessionValues(formData);
  const user = await getCurrentUser();
  const result = await createSession(user, slug, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath(`/consultations/${slug}`);
  redirect(`${ADMIN_SESSION_PATH(slug, result.data.slug)}?created=1`);
}

export async function updateSessionAction(slug: string, sessionId: string, _s: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const values = sessionValues(formData);
  const user = await getCurrentUser();
  const result = await updateSession(user, sessionId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  redirect(`${ADMIN_SESSION_PATH(slug, result.data.slug)}?saved=1`);
}

export async function transcriptAction(slug: string, sessionSlug: string, _s: TranscriptFormState, formData: FormData): Promise<TranscriptFormState> {
  const user = await getCurrentUser();
  const file = await uploadedFile(formData, "file");
  const source = file ? { file } : { text: String(formData.get("text") ?? "") };
  if (formData.get("intent") === "import") {
    const result = await importTranscript(user, slug, sessionSlug, source, { expectedSha256: String(formData.get("sha256") ?? "") || undefined, replace: formData.get("replace") === "1", via: "web" });
    if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors, params: result.params, preview: result.detail };
    revalidatePath("/", "layout");
    return { status: "imported", turns: result.data.turns, speakers: result.data.speakers, newSpeakers: result.data.newSpeakers, proposedMerges: result.data.proposedMerges };
  }
  const result = await previewTranscript(user, slug, sessionSlug, source);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors };
  return { status: "preview", preview: result.data };
}

export async function reportAction(sessionId: string, slug: string, _s: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const values = { title: String(formData.get("title") ?? ""), body: String(formData.get("body") ?? "") };
  const user = await getCurrentUser();
  const file = await uploadedFile(formData, "file");
  const result = await saveRapporteurReport(user, sessionId, { title: values.title, body: values.body, file });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath(`/consultations/${slug}`, "layout");
  return { status: "saved" };
}
