// Shown by public pages instead of the text of an input the secretariat has hidden (see lib/moderation/public.ts).
import { getTranslations } from "next-intl/server";

export async function HiddenNotice({ reason }: { reason: string }) {
  const t = await getTranslations("moderation.public");
  return (
    <p className="rounded border border-stone-300 bg-stone-100 p-3 text-stone-800">
      {reason ? t("hiddenWithReason", { reason }) : t("hidden")}
    </p>
  );
}
