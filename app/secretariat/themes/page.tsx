// Themes across rounds, for the secretariat: each round's themes and the trend they count under. Themes with the
// same slug are one trend; a theme named differently in another year can be mapped to the trend it continues.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { listThemesForMapping, listTrends } from "@/lib/archive/trends";
import { FormAlert, inputClass } from "@/components/ui/field";
import { mapThemeAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ saved?: string; error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("archive.mapping"))("title") };
}

export default async function ThemeMappingPage({ searchParams }: Props) {
  const user = await requireRoleForPage();
  const themes = await listThemesForMapping(user);
  if (!themes) notFound();
  const [trends, t, te, sp] = await Promise.all([listTrends(), getTranslations("archive.mapping"), getTranslations("meetings.errors"), searchParams]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p><Link href="/archive/themes" className="text-brand-800 underline">{t("publicTrends")}</Link></p>
      {sp.saved ? <FormAlert tone="success">{t("saved")}</FormAlert> : null}
      {sp.error ? <FormAlert>{te.has(sp.error) ? te(sp.error as "generic") : te("generic")}</FormAlert> : null}
      <datalist id="trend-slugs">
        {trends.map((tr) => <option key={tr.slug} value={tr.slug}>{tr.title}</option>)}
      </datalist>
      <table className="w-full bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-2 text-start">{t("year")}</th>
            <th scope="col" className="p-2 text-start">{t("round")}</th>
            <th scope="col" className="p-2 text-start">{t("theme")}</th>
            <th scope="col" className="p-2 text-start">{t("countsUnder")}</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((theme) => (
            <tr key={theme.id} id={`theme-${theme.id}`} className="border-b border-stone-100">
              <td className="p-2 tabular-nums">{theme.year}</td>
              <td className="p-2" dir="auto">{theme.consultationTitle}</td>
              <th scope="row" className="p-2 text-start font-normal" dir="auto">{theme.title} <span className="font-mono text-xs text-stone-700">{theme.slug}</span></th>
              <td className="p-2">
                <form action={mapThemeAction} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="themeId" value={theme.id} />
                  <label htmlFor={`trend-${theme.id}`} className="sr-only">{t("trendFor", { theme: theme.title, round: theme.consultationTitle })}</label>
                  <input id={`trend-${theme.id}`} name="trendSlug" list="trend-slugs" defaultValue={theme.trendSlug} dir="ltr" className={`${inputClass} max-w-56`} />
                  <button type="submit" className="text-brand-800 underline">{t("save")}</button>
                  {theme.mapped ? <span className="text-stone-700">{t("mapped")}</span> : null}
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
