"use server";
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { fileGroupClaim, withdrawGroupClaim } from "@/lib/identity/service";
import type { IdentityFormState } from "@/components/identity/form-state";

export async function fileClaimAction(_s: IdentityFormState, formData: FormData): Promise<IdentityFormState> {
  expectArgs([_s, formData], ["any", "form"]);
  const values = { stakeholderGroup: String(formData.get("stakeholderGroup") ?? ""), evidence: String(formData.get("evidence") ?? ""), link: String(formData.get("link") ?? "") };
  const result = await fileGroupClaim(await getCurrentUser(), values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/profile");
  return { status: "saved", message: result.data.id };
}

export async function withdrawClaimAction(claimId: string): Promise<void> {
  expectArgs([claimId], ["string"]);
  await withdrawGroupClaim(await getCurrentUser(), claimId);
  revalidatePath("/profile");
}
