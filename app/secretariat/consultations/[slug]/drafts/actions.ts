"use server";
// Secretariat server actions for drafts: parse the form, get the session, call one lib/drafts function.
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { uploadedFile } from "@/lib/files/upload";
import { echoed } from "@/lib/http/echo";
import { MAX_DRAFT_SOURCE } from "@/lib/drafts/schema";
import { closeDraftComments, createDraft, publishDraftVersion, setDraftCommentPeriod } from "@/lib/drafts/service";
import type { DraftFormState } from "@/components/drafts/admin-forms";

/** A text field as sent, bounded for the echo that re-fills the form (lib/http/echo.ts). */
function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? echoed(value, name === "source" ? MAX_DRAFT_SOURCE : 1000) : "";
}


function revalidateDrafts() {
  revalidatePath("/consultations/[slug]", "page");
  revalidatePath("/consultations/[slug]/drafts/[draft]", "page");
  revalidatePath("/secretariat/consultations/[slug]/drafts", "layout");
}

const FIELDS = ["title", "slug", "source", "note", "commentsOpenAt", "commentsCloseAt"] as const;

export async function createDraftAction(consultationId: string, consultationSlug: string, _s: DraftFormState, formData: FormData): Promise<DraftFormState> {
  expectArgs([consultationId, consultationSlug, _s, formData], ["string", "string", "any", "form"]);
  const values = Object.fromEntries(FIELDS.map((f) => [f, text(formData, f)]));
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await createDraft(user, consultationId, values, await uploadedFile(formData, "file"));
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidateDrafts();
  redirect(`/secretariat/consultations/${encodeURIComponent(consultationSlug)}/drafts/${result.data.slug}?created=1`);
}

export async function publishVersionAction(draftId: string, _s: DraftFormState, formData: FormData): Promise<DraftFormState> {
  expectArgs([draftId, _s, formData], ["string", "any", "form"]);
  const values = { source: text(formData, "source"), note: text(formData, "note") };
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await publishDraftVersion(user, draftId, values, await uploadedFile(formData, "file"));
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidateDrafts();
  const c = result.data.counts;
  return {
    status: "saved", message: "published",
    params: { number: result.data.number, edited: c.EDITED + c.MOVED_EDITED, moved: c.MOVED + c.MOVED_EDITED, added: c.NEW, removed: c.REMOVED, unchanged: c.UNCHANGED },
  };
}

export async function setPeriodAction(draftId: string, _s: DraftFormState, formData: FormData): Promise<DraftFormState> {
  expectArgs([draftId, _s, formData], ["string", "any", "form"]);
  const values = { commentsOpenAt: text(formData, "commentsOpenAt"), commentsCloseAt: text(formData, "commentsCloseAt") };
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await setDraftCommentPeriod(user, draftId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidateDrafts();
  return { status: "saved", message: "periodSaved" };
}

export async function closeCommentsAction(draftId: string, _s: DraftFormState, _formData: FormData): Promise<DraftFormState> {
  expectArgs([draftId, _s, _formData], ["string", "any", "any"]);
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values: {} };
  const result = await closeDraftComments(user, draftId);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: {}, values: {} };
  revalidateDrafts();
  return { status: "saved", message: "closed" };
}
