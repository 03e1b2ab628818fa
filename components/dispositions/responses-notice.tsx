// On a draft's public page: how many comments on the previous version the secretariat has answered, and the link to
// the disposition table. Nothing when no answerable version has comments.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dispositionProgress } from "@/lib/dispositions/queries";

export async function ResponsesNotice({ draftId, base, version }: { draftId: string; base: string; version?: number }) {
  const progress = await dispositionProgress(draftId);
  const shown = version === undefined ? progress.filter((v) => v.answerable && v.comments > 0).at(-1) : progress.find((v) => v.number === version && v.answerable && v.comments > 0);
  if (!shown) return null;
  const t = await getTranslations("dispositions.public");
  return (
    <p className="rounded border border-brand-700 bg-brand-50 px-3 py-2 text-stone-900">
      {t("notice", { answered: shown.answered, comments: shown.comments, version: shown.number })}{" "}
      <Link href={`${base}/dispositions?version=${shown.number}`} className="font-semibold text-brand-800 underline">{t("noticeLink", { version: shown.number })}</Link>
    </p>
  );
}
