"use server";
// Maps a round's theme to another round's theme (its trend slug), so it is counted with it across the years.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { setThemeMapping } from "@/lib/archive/trends";

export async function mapThemeAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const themeId = String(formData.get("themeId") ?? "");
  const result = await setThemeMapping(user, themeId, { trendSlug: formData.get("trendSlug") });
  revalidatePath("/archive", "layout");
  redirect(result.ok ? `/secretariat/themes?saved=${encodeURIComponent(themeId)}` : `/secretariat/themes?error=${encodeURIComponent(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error)}#theme-${themeId}`);
}
