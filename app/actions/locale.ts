"use server";
// Switching language: stores the choice in a cookie (and the profile), then the current page re-renders.
import { expectArgs } from "@/lib/http/action-args";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { getCurrentUser } from "@/lib/auth/session";
import { setPreferredLocale } from "@/lib/users/service";

export async function setLocaleAction(formData: FormData): Promise<void> {
  expectArgs([formData], ["form"]);
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await setPreferredLocale(user.id, locale);
  revalidatePath("/", "layout");
}
