"use server";
import { expectArgs } from "@/lib/http/action-args";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserRole } from "@/lib/roles/service";

export async function setRoleAction(formData: FormData): Promise<void> {
  expectArgs([formData], ["form"]);
  const user = await getCurrentUser();
  const q = String(formData.get("q") ?? "");
  const result = await setUserRole(user, { userId: String(formData.get("userId") ?? ""), role: String(formData.get("role") ?? "") });
  revalidatePath("/secretariat/users");
  const back = new URLSearchParams(q ? { q } : {});
  back.set(result.ok ? "saved" : "error", result.ok ? "1" : result.error === "invalidInput" ? "roleInvalid" : result.error);
  redirect(`/secretariat/users?${back.toString()}`);
}
