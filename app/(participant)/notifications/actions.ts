"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/service";

export async function markAllReadAction(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) return;
  await markNotificationsRead(user.id);
  revalidatePath("/", "layout");
}
