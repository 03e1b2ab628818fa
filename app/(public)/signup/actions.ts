"use server";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { expectArgs } from "@/lib/http/action-args";
import { registerUser } from "@/lib/users/service";
import { clientIp } from "@/lib/auth/client-ip";

export async function registerAction(formData: FormData) {
  expectArgs([formData], ["form"]);
  const result = await registerUser(Object.fromEntries(formData), { ip: clientIp(await headers()), locale: await getLocale() });
  return result.ok ? { ok: true as const } : { ok: false as const, error: result.error, fieldErrors: result.fieldErrors, params: result.params };
}
