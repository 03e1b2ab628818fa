// A link to the translation editor of one text, saying how many of the six languages still need work.
import Link from "next/link";
import { useTranslations } from "next-intl";

export function TranslationsLink({ kind, id, gaps, label }: { kind: string; id: string; gaps: number; label?: string }) {
  const t = useTranslations("translations");
  return (
    <span className="text-sm">
      <Link href={`/secretariat/translations/${kind}/${encodeURIComponent(id)}`} className="text-brand-800 underline">{label ?? t("link")}</Link>{" "}
      <span className={gaps ? "text-amber-900" : "text-green-900"}>({gaps ? t("missingCount", { count: gaps }) : t("allTranslated")})</span>
    </span>
  );
}
