// An accessible bar chart of shares: plain HTML bars, with the same numbers in a table right below.
import { getTranslations } from "next-intl/server";

export interface ChartRow {
  key: string;
  label: string;
  count: number;
  share: number;
  held?: number;
  over?: boolean;
}

export async function ShareChart({ id, title, rows, cap }: { id: string; title: string; rows: ChartRow[]; cap?: number }) {
  const t = await getTranslations("balance.chart");
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold">{title}</h3>
      {/* The bars repeat the table for sighted readers: hidden from assistive technology, which reads the table. */}
      <div aria-hidden="true" className="relative space-y-1">
        {rows.map((row) => (
          <div key={row.key} className="grid grid-cols-[10rem_1fr_4rem] items-center gap-2 text-sm">
            <span className="truncate">{row.label}</span>
            <span className="relative h-4 rounded bg-stone-100">
              <span className={`absolute inset-y-0 start-0 rounded ${row.over ? "bg-red-700" : "bg-brand-700"}`} style={{ width: pct(row.share) }} />
              {cap !== undefined ? <span className="absolute inset-y-0 w-0.5 bg-stone-900" style={{ insetInlineStart: pct(cap) }} /> : null}
            </span>
            <span className="text-end tabular-nums">{pct(row.share)}</span>
          </div>
        ))}
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-1 text-start">{t("category")}</th>
            <th scope="col" className="p-1 text-end">{t("published")}</th>
            <th scope="col" className="p-1 text-end">{t("share")}</th>
            {rows.some((r) => r.held !== undefined) ? <th scope="col" className="p-1 text-end">{t("held")}</th> : null}
            {cap !== undefined ? <th scope="col" className="p-1 text-end">{t("status")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-stone-100">
              <th scope="row" className="p-1 text-start font-normal">{row.label}</th>
              <td className="p-1 text-end tabular-nums">{row.count}</td>
              <td className="p-1 text-end tabular-nums">{pct(row.share)}</td>
              {row.held !== undefined ? <td className="p-1 text-end tabular-nums">{row.held}</td> : null}
              {cap !== undefined ? <td className="p-1 text-end">{row.over ? t("overCap", { cap: pct(cap) }) : t("withinCap")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
