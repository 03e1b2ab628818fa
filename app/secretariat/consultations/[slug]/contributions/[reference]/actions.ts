"use server";
// Secretariat server actions on a contribution: link it to (or unlink it from) a draft paragraph that changed after it.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { linkContributionParagraph, unlinkContributionParagraph } from "@/lib/outcomes/links";
import type { LinkFormState } from "@/components/outcomes/link-paragraph-form";

function revalidate() {
  revalidatePath("/secretariat/consultations/[slug]/contributions/[reference]", "page");
  revalidatePath("/consultations/[slug]/contributions/[reference]", "page");
  revalidatePath("/consultations/[slug]/outcome", "page");
  revalidatePath("/my/contributions/[id]", "page");
}

export async function linkParagraphAction(submissionId: string, _state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const user = await getCurrentUser();
  const paragraphId = formData.get("paragraphId");
  const result = await linkContributionParagraph(user, { submissionId, paragraphId: typeof paragraphId === "string" ? paragraphId : "" });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, at: Date.now() };
  revalidate();
  return { status: "saved", message: "linked", at: Date.now() };
}

export async function unlinkParagraphAction(linkId: string, _state: LinkFormState, _formData: FormData): Promise<LinkFormState> {
  const user = await getCurrentUser();
  const result = await unlinkContributionParagraph(user, linkId);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: {}, at: Date.now() };
  revalidate();
  return { status: "saved", message: "unlinked", at: Date.now() };
}
