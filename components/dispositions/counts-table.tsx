// Answers by stakeholder group and disposition: one sentence per disposition ("Accepted: 12 of 40 civil-society
// comments, 9 of 31 private-sector comments…") so a reader sees at once whether every group was heard alike, and the
// full table behind it. Counts come straight from lib/dispositions/queries.
import { getLocale, getTranslations } from "next-intl/server";
import { DISPOSITION_KINDS } from "@/lib/dispositions/kinds";
import type { DispositionCounts } from "@/lib/dispositions/queries";

export async function DispositionSentences({ counts }: { counts: DispositionCounts }) {
  const [t, locale] = await Promise.all([getTranslations("dispositions.counts"), getLocale()]);
  const tk = await getTranslations("dispositions.kinds");
  const list = new Intl.ListFormat(locale, { style: "long", type: "unit" });
  const kinds = DISPOSITION_KINDS.filter((k) => counts.all.byKind[k] > 0);
  if (kinds.length === 0) return <p className="text-stone-800">{t("noneYet")}</p>;
  return (
    <ul className="list-disc space-y-1 ps-5 text-stone-900">
      {kinds.map((k) => (
        <li key={k}>
          {t("sentence", {
            kind: tk(k),
            parts: list.format(counts.groups.map((g) => t("ofGroup", { count: g.byKind[k], total: g.total, group: g.group }))),
          })}
        </li>
      ))}
    </ul>
  );
}

export async function DispositionCountsTable({ counts, caption, id }: { counts: DispositionCounts; caption: string; id: string }) {
  const [t, tk, tg] = await Promise.all([getTranslations("dispositions.counts"), getTranslations("dispositions.kinds"), getTranslations("groups")]);
  const rows = [...counts.groups.map((g) => ({ key: g.group, label: tg(g.group), cell: g })), { key: "all", label: t("allGroups"), cell: counts.all }];
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="w-full border-collapse bg-white text-sm">
        <caption id={`${id}-caption`} className="p-2 text-start font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-2 text-start">{t("group")}</th>
            <th scope="col" className="p-2 text-end">{t("comments")}</th>
            {DISPOSITION_KINDS.map((k) => <th key={k} scope="col" className="p-2 text-end">{tk(k)}</th>)}
            <th scope="col" className="p-2 text-end">{t("none")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`border-b border-stone-100 ${r.key === "all" ? "font-semibold" : ""}`}>
              <th scope="row" className="p-2 text-start font-normal">{r.label}</th>
              <td className="p-2 text-end tabular-nums">{r.cell.total}</td>
              {DISPOSITION_KINDS.map((k) => <td key={k} className="p-2 text-end tabular-nums">{r.cell.byKind[k]}</td>)}
              <td className="p-2 text-end tabular-nums">{r.cell.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
