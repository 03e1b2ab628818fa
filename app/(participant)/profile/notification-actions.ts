"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getPreferences, updatePreferences } from "@/lib/notifications/preferences";
import { preferencesView } from "@/components/notifications/notification-settings";
import type { PreferencesActionState } from "@/components/notifications/notification-settings-form";

export async function savePreferencesAction(_state: PreferencesActionState, formData: FormData): Promise<PreferencesActionState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "forbidden" };
  const result = await updatePreferences(user.id, {
    emailOn: formData.getAll("emailOn").map(String),
    allEmailOff: formData.get("allEmailOff") === "on",
    delivery: String(formData.get("delivery") ?? ""),
    version: String(formData.get("version") ?? ""),
  });
  revalidatePath("/profile");
  if (!result.ok) return { status: "error", error: result.error, preferences: preferencesView(await getPreferences(user.id)) };
  return { status: "saved", preferences: preferencesView(result.data) };
}
