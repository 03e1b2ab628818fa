"use client";
// What an import found wrong, one line per cell: "Row 3, column stakeholder_group: 'INTERGOVERNMENTAL_ORGANIZATION'
// is not a stakeholder group. Did you mean INTERGOVERNMENTAL_ORGANISATION? Allowed: …", and unknown columns.
import { useTranslations } from "next-intl";
import type { CellProblem, ColumnWarning } from "@/lib/import/report";

export function problemText(t: ReturnType<typeof useTranslations>, p: CellProblem): string {
  const what = t.has(`codes.${p.code}`) ? t(`codes.${p.code}` as "codes.invalidText", { value: p.value, column: p.column }) : t("codes.invalidValue", { value: p.value, column: p.column });
  return [t("where", { row: p.row, column: p.column }), what, p.suggestion ? t("didYouMean", { suggestion: p.suggestion }) : "", p.allowed ? t("allowed", { allowed: p.allowed }) : ""].filter(Boolean).join(" ");
}

export function ColumnWarnings({ warnings }: { warnings: ColumnWarning[] }) {
  const t = useTranslations("imports");
  if (!warnings.length) return null;
  return (
    <section aria-labelledby="column-warnings" className="rounded border-s-4 border-amber-600 bg-amber-50 px-4 py-3">
      <h3 id="column-warnings" className="font-semibold">{t("warningsTitle")}</h3>
      <ul className="list-disc ps-6 text-sm">
        {warnings.map((w) => <li key={w.column}>{t("unknownColumn", { column: w.column })}{w.suggestion ? ` ${t("didYouMean", { suggestion: w.suggestion })}` : ""}</li>)}
      </ul>
    </section>
  );
}

export function ProblemList({ problems }: { problems: CellProblem[] }) {
  const t = useTranslations("imports");
  if (!problems.length) return null;
  return (
    <ul className="space-y-0.5">
      {problems.map((p, i) => <li key={`${p.column}-${p.code}-${i}`}>{problemText(t, p)}</li>)}
    </ul>
  );
}
