"use client";
// A backlog imported into a closed round: the round's balance as a whole once the file is in, group by group.
import { useTranslations } from "next-intl";
import type { BacklogBalance as Balance } from "@/lib/import/service";

export function BacklogBalance({ balance }: { balance: Balance }) {
  const t = useTranslations("imports.backlog");
  const tg = useTranslations("groups");
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <section aria-labelledby="backlog-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <h3 id="backlog-heading" className="font-semibold">{t("title")}</h3>
      <p className="text-sm">{balance.capActive ? t("intro", { cap: pct(balance.maxGroupShare) }) : t("capInactive", { cap: pct(balance.maxGroupShare) })}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-1 text-start">{t("group")}</th>
            <th scope="col" className="p-1 text-end">{t("already")}</th>
            <th scope="col" className="p-1 text-end">{t("incoming")}</th>
            <th scope="col" className="p-1 text-end">{t("share")}</th>
            <th scope="col" className="p-1 text-start">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {balance.groups.map((g) => (
            <tr key={g.group} className="border-b border-stone-100" data-over={g.over ? "true" : undefined}>
              <th scope="row" className="p-1 text-start font-normal">{tg(g.group)}</th>
              <td className="p-1 text-end tabular-nums">{g.published}</td>
              <td className="p-1 text-end tabular-nums">{g.incoming}</td>
              <td className="p-1 text-end tabular-nums">{pct(g.share)}</td>
              <td className={`p-1 ${g.over ? "text-red-800" : ""}`}>{g.over ? t("over") : t("within")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {balance.unclassified.published + balance.unclassified.incoming > 0 ? <p className="text-sm">{t("unclassified", { count: balance.unclassified.published + balance.unclassified.incoming })}</p> : null}
    </section>
  );
}
