// Inputs per year split by a dimension (stakeholder group or region): stacked bars for sighted readers, and the same
// numbers in a table (which assistive technology reads). Unclassified / unknown are their own, last, column.
import { getTranslations } from "next-intl/server";
import type { TrendYear } from "@/lib/archive/trends";

const COLOURS = ["bg-brand-700", "bg-amber-600", "bg-emerald-700", "bg-sky-700", "bg-rose-700", "bg-violet-700", "bg-stone-500"];

export async function TrendChart({ id, title, years, keys, labels, pick }: {
  id: string;
  title: string;
  years: TrendYear[];
  keys: readonly string[];
  labels: Record<string, string>;
  pick: "byGroup" | "byRegion";
}) {
  const t = await getTranslations("archive.trend");
  const shown = keys.filter((k) => years.some((y) => (y[pick][k] ?? 0) > 0));
  const max = Math.max(1, ...years.map((y) => y.total));
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold">{title}</h3>
      <div aria-hidden="true" className="space-y-1">
        {years.map((y) => (
          <div key={y.year} className="grid grid-cols-[4rem_1fr_3rem] items-center gap-2 text-sm">
            <span className="tabular-nums">{y.year}</span>
            <span className="flex h-4 overflow-hidden rounded bg-stone-100" style={{ width: `${(y.total / max) * 100}%`, minWidth: y.total ? "2px" : 0 }}>
              {shown.map((k, i) => (y[pick][k] ? <span key={k} className={COLOURS[i % COLOURS.length]} style={{ width: `${((y[pick][k] ?? 0) / Math.max(1, y.total)) * 100}%` }} /> : null))}
            </span>
            <span className="text-end tabular-nums">{y.total}</span>
          </div>
        ))}
        <ul className="flex flex-wrap gap-3 pt-1 text-xs">
          {shown.map((k, i) => <li key={k} className="flex items-center gap-1"><span className={`inline-block h-3 w-3 rounded ${COLOURS[i % COLOURS.length]}`} />{labels[k] ?? k}</li>)}
        </ul>
      </div>
      {/* Focusable, so a keyboard can scroll the table when it is wider than its column. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-1 text-start">{t("year")}</th>
              {shown.map((k) => <th key={k} scope="col" className="p-1 text-end">{labels[k] ?? k}</th>)}
              <th scope="col" className="p-1 text-end">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className="border-b border-stone-100">
                <th scope="row" className="p-1 text-start font-normal tabular-nums">{y.year}</th>
                {shown.map((k) => <td key={k} className="p-1 text-end tabular-nums">{y[pick][k] ?? 0}</td>)}
                <td className="p-1 text-end tabular-nums">{y.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
