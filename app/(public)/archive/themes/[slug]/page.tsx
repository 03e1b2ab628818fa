// One theme across the years: the rounds that carried it, and its inputs per year by stakeholder group and by region.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getThemeTrend } from "@/lib/archive/trends";
import { TrendChart } from "@/components/archive/trend-chart";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const trend = await getThemeTrend((await params).slug);
  return trend ? { title: trend.title } : {};
}

export default async function TrendPage({ params }: Props) {
  const trend = await getThemeTrend((await params).slug);
  if (!trend) notFound();
  const [t, tGroups, tRegions] = await Promise.all([getTranslations("archive.trend"), getTranslations("groups"), getTranslations("regions")]);
  const groupLabels = Object.fromEntries(trend.groups.map((g) => [g, tGroups(g as never)]));
  const regionLabels = Object.fromEntries(trend.regions.map((r) => [r, tRegions(r as never)]));
  const total = trend.years.reduce((n, y) => n + y.total, 0);
  return (
    <div className="space-y-6">
      <p><Link href="/archive/themes" className="text-brand-800 underline">{t("back")}</Link></p>
      <h1 className="text-3xl font-semibold" dir="auto">{t("title", { theme: trend.title })}</h1>
      <p>{t("intro", { rounds: trend.rounds.length, total })}</p>
      <section aria-labelledby="rounds-heading" className="space-y-2">
        <h2 id="rounds-heading" className="text-xl font-semibold">{t("rounds")}</h2>
        <ul className="list-disc ps-6">
          {trend.rounds.map((r) => (
            <li key={r.slug}>
              <span className="tabular-nums">{r.year}</span> · <Link href={`/consultations/${r.slug}/contributions?theme=${r.themeSlug}`} className="text-brand-800 underline" dir="auto">{r.title}</Link>
              {r.themeSlug !== trend.slug || r.themeTitle !== trend.title ? <span className="text-stone-700"> ({t("asTheme", { theme: r.themeTitle })})</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <TrendChart id="trend-groups" title={t("byGroup")} years={trend.years} keys={trend.groups} labels={groupLabels} pick="byGroup" />
        <TrendChart id="trend-regions" title={t("byRegion")} years={trend.years} keys={trend.regions} labels={regionLabels} pick="byRegion" />
      </div>
      <p className="text-sm text-stone-700">{t("note")}</p>
    </div>
  );
}
