"use server";
// Server action of the working view: parse the form, get the session, call lib/dispositions, revalidate.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { recordDispositions } from "@/lib/dispositions/service";
import { parseDispositionSelection } from "@/lib/dispositions/schema";
import type { DispositionActionState } from "@/components/dispositions/work-types";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function recordDispositionsAction(versionId: string, _state: DispositionActionState, formData: FormData): Promise<DispositionActionState> {
  const user = await getCurrentUser();
  const { targets, campaigns } = parseDispositionSelection(formData.getAll("selection").map(String));
  const result = await recordDispositions(user, {
    versionId, targets, campaigns,
    kind: text(formData, "kind") as never, reason: text(formData, "reason"), templateId: text(formData, "templateId"), paragraph: text(formData, "paragraph"),
  });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, at: Date.now() };
  revalidatePath("/secretariat/consultations/[slug]/drafts/[draft]", "layout");
  revalidatePath("/consultations/[slug]/drafts/[draft]", "layout");
  revalidatePath("/notifications", "page");
  return { status: "done", summary: result.data, at: Date.now() };
}
