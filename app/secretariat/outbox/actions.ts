"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { retryMessage, sendTestMessage } from "@/lib/email/outbox";

export async function sendTestMessageAction(): Promise<void> {
  const result = await sendTestMessage(await getCurrentUser());
  revalidatePath("/secretariat/outbox");
  redirect(result.ok ? `/secretariat/outbox/${result.data.id}?${result.data.status === "SUPPRESSED" ? "suppressed" : "sent"}=1` : "/secretariat/outbox?error=forbidden");
}

export async function retryMessageAction(formData: FormData): Promise<void> {
  const id = String(formData.get("id") ?? "");
  const result = await retryMessage(await getCurrentUser(), id);
  revalidatePath("/secretariat/outbox");
  redirect(`/secretariat/outbox/${encodeURIComponent(id)}?${result.ok ? "retried=1" : `error=${result.error}`}`);
}
