// A labelled table of the balance page: a header row, then one row per key whose first cell is the row's header.
import type { ReactNode } from "react";

export type CountTableColumn = { label: string; align?: "start" | "end" };
export type CountTableRow = { key: string; head: ReactNode; cells: ReactNode[] };

export function CountTable({ labelledBy, testId, columns, rows }: { labelledBy?: string; testId?: string; columns: CountTableColumn[]; rows: CountTableRow[] }) {
  const align = (c: CountTableColumn | undefined) => (c?.align === "end" ? "text-end tabular-nums" : "text-start");
  return (
    <table aria-labelledby={labelledBy} className="w-full bg-white text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-stone-300">
          {columns.map((c) => <th key={c.label} scope="col" className={`p-2 ${c.align === "end" ? "text-end" : "text-start"}`}>{c.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-stone-100">
            <th scope="row" className="p-2 text-start font-normal">{r.head}</th>
            {r.cells.map((cell, i) => <td key={i} className={`p-2 ${align(columns[i + 1])}`}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
