"use server";
import { expectArgs } from "@/lib/http/action-args";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { updateProfile } from "@/lib/users/service";
import type { ProfileActionState } from "@/components/profile/profile-form";

export async function updateProfileAction(_state: ProfileActionState, formData: FormData): Promise<ProfileActionState> {
  expectArgs([_state, formData], ["any", "form"]);
  const values = {
    name: String(formData.get("name") ?? ""),
    individual: formData.get("individual") === "on",
    organisation: String(formData.get("organisation") ?? ""),
    stakeholderGroup: String(formData.get("stakeholderGroup") ?? ""),
    country: String(formData.get("country") ?? ""),
    gender: String(formData.get("gender") ?? ""),
  };
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden", fieldErrors: {}, values };
  const result = await updateProfile(user.id, values);
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, values };
  revalidatePath("/", "layout");
  return { status: "saved" };
}
