// The difference between two versions, paragraph by paragraph, with word-level changes.
import { getTranslations } from "next-intl/server";
import type { CompareRow } from "@/lib/drafts/compare";

const STATUS_STYLE: Record<CompareRow["status"], string> = {
  unchanged: "border-stone-200",
  edited: "border-amber-700",
  moved: "border-brand-700",
  new: "border-green-700",
  removed: "border-red-700",
};

export async function CompareView({ rows }: { rows: CompareRow[] }) {
  const t = await getTranslations("drafts");
  return (
    <ol className="space-y-2">
      {rows.map((row) => (
        <li key={`${row.anchorId}-${row.status}`} className={`rounded border-s-4 bg-white px-3 py-2 ${STATUS_STYLE[row.status]}`}>
          <p className="text-xs text-stone-700">
            <span className="me-2 font-semibold text-stone-900">{t(`change.${row.status}`)}</span>
            {row.kind !== "HEADING" && row.fromNumber !== null && row.toNumber !== null && row.fromNumber !== row.toNumber ? t("numberChange", { from: row.fromNumber, to: row.toNumber }) : null}
            {row.kind !== "HEADING" && row.fromNumber !== null && row.toNumber === null ? t("removedNumber", { number: row.fromNumber }) : null}
            {row.kind !== "HEADING" && row.toNumber !== null && (row.fromNumber === null || row.fromNumber === row.toNumber) ? t("paragraphShort", { number: row.toNumber }) : null}
          </p>
          <p className={row.kind === "HEADING" ? "font-semibold" : ""} dir="auto">
            {row.segments.map((s, i) =>
              s.type === "same" ? <span key={i}>{s.text}</span>
              : s.type === "removed" ? <del key={i} className="bg-red-50 text-red-900 line-through"><span className="sr-only">{t("removedText")} </span>{s.text}</del>
              : <ins key={i} className="bg-green-50 text-green-900 underline"><span className="sr-only">{t("addedText")} </span>{s.text}</ins>,
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
