// Themes across the years: every theme of a public round, those carried across several rounds first.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listTrends } from "@/lib/archive/trends";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("archive.trends"))("title") };
}

export default async function TrendsPage() {
  const [trends, t] = await Promise.all([listTrends(), getTranslations("archive.trends")]);
  return (
    <div className="space-y-6">
      <p><Link href="/archive" className="text-brand-800 underline">{t("back")}</Link></p>
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {trends.length === 0 ? <p>{t("none")}</p> : (
        <table className="w-full bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2 text-start">{t("theme")}</th>
              <th scope="col" className="p-2 text-end">{t("rounds")}</th>
              <th scope="col" className="p-2 text-start">{t("years")}</th>
              <th scope="col" className="p-2 text-end">{t("contributions")}</th>
            </tr>
          </thead>
          <tbody>
            {trends.map((tr) => (
              <tr key={tr.slug} className="border-b border-stone-100">
                <th scope="row" className="p-2 text-start font-normal"><Link href={`/archive/themes/${tr.slug}`} className="text-brand-800 underline" dir="auto">{tr.title}</Link></th>
                <td className="p-2 text-end tabular-nums">{tr.rounds}</td>
                <td className="p-2 tabular-nums">{tr.firstYear === tr.lastYear ? tr.firstYear : `${tr.firstYear}–${tr.lastYear}`}</td>
                <td className="p-2 text-end tabular-nums">{tr.contributions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
