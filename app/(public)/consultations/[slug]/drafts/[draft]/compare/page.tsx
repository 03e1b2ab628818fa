import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicDraft, getVersionParagraphs } from "@/lib/drafts/service";
import { compareVersions } from "@/lib/drafts/compare";
import { CompareView } from "@/components/drafts/compare-view";
import { buttonClass, inputClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; draft: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, draft } = await params;
  const view = await getPublicDraft(slug, draft);
  const t = await getTranslations("drafts");
  return view ? { title: `${t("compareTitle")} · ${view.draft.title}` } : {};
}

function pick(value: string | string[] | undefined, fallback: number, max: number): number {
  const n = Number(typeof value === "string" ? value : NaN);
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Two versions side by side as one list: edited words, moved, new and removed paragraphs. */
export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { slug, draft: draftSlug } = await params;
  const view = await getPublicDraft(slug, draftSlug);
  if (!view) notFound();
  const sp = await searchParams;
  const t = await getTranslations("drafts");
  const latest = view.latest.number;
  const base = `/consultations/${slug}/drafts/${draftSlug}`;
  const to = pick(sp.to, latest, latest);
  const from = pick(sp.from, Math.max(1, to - 1), latest);
  const [fromParagraphs, toParagraphs] = await Promise.all([getVersionParagraphs(view.draft.id, from), getVersionParagraphs(view.draft.id, to)]);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p><Link href={base} className="text-brand-800 underline">{view.draft.title}</Link></p>
        <h1 className="text-3xl font-semibold">{t("compareTitle")}</h1>
      </header>
      {latest < 2 ? <p>{t("compareNeedTwo")}</p> : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor="from" className="font-medium">{t("compareFrom")}</label>
              <select id="from" name="from" defaultValue={from} className={inputClass}>
                {view.versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="to" className="font-medium">{t("compareTo")}</label>
              <select id="to" name="to" defaultValue={to} className={inputClass}>
                {view.versions.map((v) => <option key={v.number} value={v.number}>{v.number}</option>)}
              </select>
            </div>
            <button type="submit" className={buttonClass}>{t("compareSubmit")}</button>
          </form>
          <h2 className="text-xl font-semibold">{t("compareSummary", { from, to })}</h2>
          <p className="text-sm text-stone-700">{t("diffLegend")}</p>
          <CompareView rows={compareVersions(fromParagraphs ?? [], toParagraphs ?? [])} />
        </>
      )}
    </article>
  );
}
