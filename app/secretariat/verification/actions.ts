"use server";
import { expectArgs } from "@/lib/http/action-args";
import { getCurrentUser } from "@/lib/auth/session";
import { decideGroupClaim } from "@/lib/identity/service";
import type { IdentityFormState } from "@/components/identity/form-state";

export async function decideClaimAction(_s: IdentityFormState, formData: FormData): Promise<IdentityFormState> {
  expectArgs([_s, formData], ["any", "form"]);
  const values = {
    claimId: String(formData.get("claimId") ?? ""), version: String(formData.get("version") ?? ""),
    decision: String(formData.get("decision") ?? ""), reason: String(formData.get("reason") ?? ""),
  };
  const result = await decideGroupClaim(await getCurrentUser(), values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  // No revalidation: the decided claim stays on screen with its outcome until the page is loaded again (re-rendering the
  // list now would drop it, and the message with it).
  return { status: "saved", message: result.data.status };
}
