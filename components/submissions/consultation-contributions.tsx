// The consultation page's contributions panel: links to write and to read, and counts by group and by region.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { INPUT_REGIONS } from "@/lib/geo/countries";
import { INPUT_GROUPS, UNCLASSIFIED } from "@/lib/stakeholders/groups";
import { contributionCounts } from "@/lib/submissions/public";
import { buttonClass } from "@/components/ui/field";

/** `closedAt`: when the contributions phase closed, if it has (a closed round says so rather than "none yet"). */
export async function ConsultationContributions({ consultationId, slug, open, closedAt = null }: { consultationId: string; slug: string; open: boolean; closedAt?: Date | null }) {
  const [t, tGroups, tRegions, counts] = await Promise.all([
    getTranslations("submissions.counts"), getTranslations("groups"), getTranslations("regions"), contributionCounts(consultationId),
  ]);
  return (
    <section aria-labelledby="contributions-heading" className="space-y-3">
      <h2 id="contributions-heading" className="text-xl font-semibold">{t("title")}</h2>
      {open ? <p><Link href={`/consultations/${slug}/contribute`} className={buttonClass}>{t("contribute")}</Link></p> : null}
      <p>{closedAt ? t("closedTotal", { date: closedAt, count: counts.total }) : t("total", { count: counts.total })}</p>
      {counts.total > 0 ? (
        <>
          <p><Link href={`/consultations/${slug}/contributions`} className="text-brand-800 underline">{t("read")}</Link></p>
          <h3 className="font-semibold">{t("byGroup")}</h3>
          <ul className="space-y-1 text-sm" data-testid="counts-by-group">
            {INPUT_GROUPS.filter((g) => g !== UNCLASSIFIED || counts.byGroup.UNCLASSIFIED > 0).map((g) => (
              <li key={g} className="flex justify-between gap-2">
                <Link href={`/consultations/${slug}/contributions?group=${g}`} className="text-brand-800 underline">{tGroups(g)}</Link>
                <span>{counts.byGroup[g]}</span>
              </li>
            ))}
          </ul>
          <h3 className="font-semibold">{t("byRegion")}</h3>
          <ul className="space-y-1 text-sm" data-testid="counts-by-region">
            {INPUT_REGIONS.filter((r) => (r !== "NONE" && r !== "UNKNOWN") || counts.byRegion[r] > 0).map((r) => (
              <li key={r} className="flex justify-between gap-2">
                <Link href={`/consultations/${slug}/contributions?region=${r}`} className="text-brand-800 underline">{tRegions(r)}</Link>
                <span>{counts.byRegion[r]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
