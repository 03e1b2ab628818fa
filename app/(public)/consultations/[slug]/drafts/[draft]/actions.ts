"use server";
// Server actions for commenting on a draft: parse the form, get the session, call one lib/comments function.
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { MAX_COMMENT } from "@/lib/comments/schema";
import { echoed } from "@/lib/http/echo";
import { createComment, editComment, withdrawComment } from "@/lib/comments/service";
import type { CommentFormState } from "@/components/comments/form-state";

const DRAFT_PAGE = "/consultations/[slug]/drafts/[draft]";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function values(formData: FormData) {
  return { body: echoed(text(formData, "body"), MAX_COMMENT), proposedText: echoed(text(formData, "proposedText"), MAX_COMMENT) };
}

export async function createCommentAction(_state: CommentFormState, formData: FormData): Promise<CommentFormState> {
  expectArgs([_state, formData], ["any", "form"]);
  const user = await getCurrentUser();
  const result = await createComment(user, {
    draftId: text(formData, "draftId"),
    anchorId: text(formData, "anchorId"),
    parentId: text(formData, "parentId"),
    body: text(formData, "body"),
    proposedText: text(formData, "proposedText"),
    idempotencyKey: text(formData, "idempotencyKey"),
  });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params, values: values(formData) };
  revalidatePath(DRAFT_PAGE, "page");
  return { status: "saved", outcome: result.data.status === "PUBLISHED" ? "published" : "pending", at: Date.now() };
}

export async function editCommentAction(commentId: string, _state: CommentFormState, formData: FormData): Promise<CommentFormState> {
  expectArgs([commentId, _state, formData], ["string", "any", "form"]);
  const user = await getCurrentUser();
  const result = await editComment(user, commentId, { ...values(formData), expectedVersion: text(formData, "expectedVersion") });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params, values: values(formData) };
  revalidatePath(DRAFT_PAGE, "page");
  return { status: "saved", outcome: result.data.status === "PUBLISHED" ? "edited" : "editedPending", at: Date.now() };
}

export async function withdrawCommentAction(commentId: string, expectedVersion: number, _state: CommentFormState, _formData: FormData): Promise<CommentFormState> {
  expectArgs([commentId, expectedVersion, _state, _formData], ["string", "number", "any", "any"]);
  const user = await getCurrentUser();
  const result = await withdrawComment(user, commentId, expectedVersion);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: {}, params: result.params, values: { body: "", proposedText: "" } };
  revalidatePath(DRAFT_PAGE, "page");
  return { status: "saved", outcome: "withdrawn", at: Date.now() };
}
