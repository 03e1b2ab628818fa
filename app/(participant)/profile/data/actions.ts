"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { deleteAccount } from "@/lib/personal-data/delete";
import type { DeleteAccountState } from "@/components/personal-data/delete-account-form";

export async function deleteAccountAction(_state: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const attribution = String(formData.get("attribution") ?? "");
  const user = await getCurrentUser();
  if (!user) return { status: "error", error: "signInRequired", fieldErrors: {}, attribution };
  const result = await deleteAccount(user, {
    password: String(formData.get("password") ?? ""),
    attribution,
    confirm: formData.get("confirm") === "on",
  });
  if (!result.ok) return { status: "error", error: result.error, fieldErrors: result.fieldErrors ?? {}, attribution };
  // The account is gone, so the session already leads nowhere; the cookie goes too.
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
  redirect(`/account-deleted?anonymous=${result.data.attribution === "anonymous" ? "1" : "0"}`);
}
