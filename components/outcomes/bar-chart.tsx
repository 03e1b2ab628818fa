// An accessible bar chart: plain HTML bars for sighted readers, and the table behind them (what assistive technology
// reads, and what anyone can copy). A row with `of` is drawn as a share of it; otherwise against the largest value.
import { getTranslations } from "next-intl/server";

export interface BarRow {
  key: string;
  label: string;
  value: number;
  of?: number;
}

export async function BarChart({ id, title, rows, valueLabel, ofLabel }: { id: string; title: string; rows: BarRow[]; valueLabel: string; ofLabel?: string }) {
  const t = await getTranslations("outcome.chart");
  const max = Math.max(1, ...rows.map((r) => r.value));
  const share = (r: BarRow) => (r.of === undefined ? r.value / max : r.of > 0 ? r.value / r.of : 0);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  const shares = rows.some((r) => r.of !== undefined);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <h3 id={`${id}-title`} className="font-semibold">{title}</h3>
      <div aria-hidden="true" className="space-y-1">
        {rows.map((r) => (
          <div key={r.key} className="grid grid-cols-[minmax(6rem,12rem)_1fr_5rem] items-center gap-2 text-sm">
            <span className="truncate">{r.label}</span>
            <span className="relative h-4 rounded bg-stone-100">
              <span className="absolute inset-y-0 start-0 rounded bg-brand-700" style={{ width: pct(share(r)) }} />
            </span>
            <span className="text-end tabular-nums">{r.of === undefined ? r.value : pct(share(r))}</span>
          </div>
        ))}
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-1 text-start">{t("category")}</th>
            <th scope="col" className="p-1 text-end">{valueLabel}</th>
            {shares && ofLabel ? <th scope="col" className="p-1 text-end">{ofLabel}</th> : null}
            {shares ? <th scope="col" className="p-1 text-end">{t("share")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-stone-100">
              <th scope="row" className="p-1 text-start font-normal">{r.label}</th>
              <td className="p-1 text-end tabular-nums">{r.value}</td>
              {shares && ofLabel ? <td className="p-1 text-end tabular-nums">{r.of ?? "—"}</td> : null}
              {shares ? <td className="p-1 text-end tabular-nums">{r.of ? pct(share(r)) : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
