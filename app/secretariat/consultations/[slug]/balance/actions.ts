"use server";
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { updateBalancePolicy } from "@/lib/balance/policy";
import { POLICY_FIELDS } from "@/lib/balance/schema";
import type { PolicyFormState } from "@/components/balance/policy-form";

export async function updatePolicyAction(consultationId: string, slug: string, _s: PolicyFormState, formData: FormData): Promise<PolicyFormState> {
  expectArgs([consultationId, slug, _s, formData], ["string", "string", "any", "form"]);
  const values = Object.fromEntries(POLICY_FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  const user = await getCurrentUser();
  const result = await updateBalancePolicy(user, consultationId, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath(`/secretariat/consultations/${slug}/balance`);
  return { status: "saved" };
}
