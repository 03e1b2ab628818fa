// Where a sign-in without a destination lands: the secretariat on its moderation queue, everyone else on the home page.
import { redirect } from "next/navigation";
import { getCurrentUser, hasRole } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AfterSignInPage() {
  const user = await getCurrentUser();
  redirect(user && hasRole(user, "SECRETARIAT") ? "/secretariat" : "/");
}
