"use server";
// Server actions of the account pages: resend the verification link, confirm an address, forgot/reset password,
// change password or address, sign out everywhere. Each checks the session itself; the services check again.
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/client-ip";
import {
  changePassword,
  confirmEmail,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutEverywhere,
} from "@/lib/accounts/service";

export type AccountFormState =
  | { status: "idle" }
  | { status: "done"; address?: string }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; params?: Record<string, string | number> };

function stateOf(result: { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; params?: Record<string, string | number> }, address?: string): AccountFormState {
  if (result.ok) return { status: "done", address };
  return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, params: result.params };
}

export async function resendVerificationAction(_state: AccountFormState): Promise<AccountFormState> {
  const result = await resendVerification(await getCurrentUser());
  return stateOf(result, result.ok ? result.data.address : undefined);
}

export async function confirmEmailAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  // No revalidation: it would re-render this page with the link now used, replacing the thanks with "already used".
  // The pages that show the notice are dynamic and read the address's state afresh on the next navigation.
  const result = await confirmEmail(String(formData.get("token") ?? ""));
  return stateOf(result, result.ok ? result.data.email : undefined);
}

export async function forgotPasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await requestPasswordReset({ email: formData.get("email") }, { ip: clientIp(await headers()), locale: await getLocale() });
  return stateOf(result, result.ok ? result.data.address : undefined);
}

export async function resetPasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await resetPassword({ token: formData.get("token"), password: formData.get("password"), confirm: formData.get("confirm") });
  if (result.ok) redirect("/signin?reset=1");
  return stateOf(result);
}

export async function changePasswordAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await getCurrentUser();
  const result = await changePassword(user, user?.sessionId ?? null, {
    currentPassword: formData.get("currentPassword"),
    password: formData.get("password"),
    confirm: formData.get("confirm"),
  });
  return stateOf(result);
}

export async function changeEmailAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await requestEmailChange(await getCurrentUser(), { currentPassword: formData.get("currentPassword"), email: formData.get("email") });
  if (result.ok) revalidatePath("/profile");
  return stateOf(result, result.ok ? result.data.address : undefined);
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await getCurrentUser());
  redirect("/signin?ended=1");
}
