"use server";
import { registerUser } from "@/lib/users/service";

export async function registerAction(formData: FormData) {
  const result = await registerUser(Object.fromEntries(formData));
  return result.ok ? { ok: true as const } : { ok: false as const, error: result.error, fieldErrors: result.fieldErrors };
}
