// The "part of a campaign" flag for public lists and pages: the input is one of N near-identical inputs.
import { getTranslations } from "next-intl/server";

export async function CampaignFlag({ count }: { count: number }) {
  const t = await getTranslations("moderation.public");
  return <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950">{t("campaign", { count })}</span>;
}
