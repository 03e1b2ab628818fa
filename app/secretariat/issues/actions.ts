"use server";
// Server actions of the followed-issues pages: parse the form, call lib/issues (which checks the role again),
// revalidate the public pages, and go back to the issue.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { expectArgs } from "@/lib/http/action-args";
import { getCurrentUser } from "@/lib/auth/session";
import { ADMIN_ISSUE_PATH, addIssueLink, createIssue, removeIssueLink, updateIssue, updateIssueLink } from "@/lib/issues/service";
import type { IssueFormState } from "@/components/issues/issue-forms";

function valuesOf(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));
}

const errorState = (result: { error: string; fieldErrors?: Record<string, string[] | undefined> }, values: Record<string, string>): IssueFormState => ({
  status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values,
});

export async function createIssueAction(_s: IssueFormState, formData: FormData): Promise<IssueFormState> {
  expectArgs([_s, formData], ["any", "form"]);
  const values = valuesOf(formData, ["consultation", "pointKey", "title", "slug", "description", "date", "note"]);
  const result = await createIssue(await getCurrentUser(), values);
  if (!result.ok) return errorState(result, values);
  revalidatePath("/archive/issues", "layout");
  redirect(`${ADMIN_ISSUE_PATH(result.data.id)}?notice=created`);
}

export async function updateIssueAction(issueId: string, _s: IssueFormState, formData: FormData): Promise<IssueFormState> {
  expectArgs([issueId, _s, formData], ["string", "any", "form"]);
  const values = valuesOf(formData, ["title", "slug", "description", "version"]);
  const result = await updateIssue(await getCurrentUser(), issueId, values);
  if (!result.ok) return errorState(result, values);
  revalidatePath("/archive/issues", "layout");
  redirect(`${ADMIN_ISSUE_PATH(issueId)}?notice=saved`);
}

export async function addLinkAction(issueId: string, _s: IssueFormState, formData: FormData): Promise<IssueFormState> {
  expectArgs([issueId, _s, formData], ["string", "any", "form"]);
  const values = valuesOf(formData, ["consultation", "target", "status", "date", "note"]);
  const result = await addIssueLink(await getCurrentUser(), issueId, values);
  if (!result.ok) return errorState(result, values);
  revalidatePath("/archive/issues", "layout");
  redirect(`${ADMIN_ISSUE_PATH(issueId)}?notice=linkAdded#step-${result.data.id}`);
}

export async function updateLinkAction(issueId: string, linkId: string, _s: IssueFormState, formData: FormData): Promise<IssueFormState> {
  expectArgs([issueId, linkId, _s, formData], ["string", "string", "any", "form"]);
  const values = valuesOf(formData, ["status", "date", "note", "version"]);
  const result = await updateIssueLink(await getCurrentUser(), linkId, values);
  if (!result.ok) return errorState(result, values);
  revalidatePath("/archive/issues", "layout");
  redirect(`${ADMIN_ISSUE_PATH(issueId)}?notice=linkSaved#step-${linkId}`);
}

export async function removeLinkAction(issueId: string, linkId: string, _s: IssueFormState, formData: FormData): Promise<IssueFormState> {
  expectArgs([issueId, linkId, _s, formData], ["string", "string", "any", "form"]);
  const values = valuesOf(formData, ["version"]);
  const result = await removeIssueLink(await getCurrentUser(), linkId, values.version);
  if (!result.ok) return errorState(result, values);
  revalidatePath("/archive/issues", "layout");
  redirect(`${ADMIN_ISSUE_PATH(issueId)}?notice=linkRemoved`);
}
