// The organisation search (name and verification state), shared by the public list and the secretariat's list.
import { getTranslations } from "next-intl/server";
import { buttonClass, inputClass } from "@/components/ui/field";

interface Props {
  action: string;
  q: string;
  verification: string;
  /** a prefix for the fields' ids, unique on the page */
  idPrefix: string;
  className?: string;
}

export async function OrganisationSearchForm({ action, q, verification, idPrefix, className = "" }: Props) {
  const t = await getTranslations("organisations");
  return (
    <form method="get" action={action} role="search" aria-label={t("searchLabel")} className={`flex flex-wrap items-end gap-3 ${className}`.trim()}>
      <div className="flex min-w-60 flex-1 flex-col gap-1">
        <label htmlFor={`${idPrefix}-q`} className="font-medium">{t("q")}</label>
        <input id={`${idPrefix}-q`} name="q" type="search" defaultValue={q} maxLength={200} dir="auto" className={inputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-verification`} className="font-medium">{t("filter")}</label>
        <select id={`${idPrefix}-verification`} name="verification" defaultValue={verification} className={inputClass}>
          <option value="ALL">{t("filterAll")}</option>
          <option value="VERIFIED">{t("verification.VERIFIED")}</option>
          <option value="UNVERIFIED">{t("verification.UNVERIFIED")}</option>
          <option value="SUSPENDED">{t("verification.SUSPENDED")}</option>
        </select>
      </div>
      <button type="submit" className={buttonClass}>{t("search")}</button>
    </form>
  );
}
