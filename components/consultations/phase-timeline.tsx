// The consultation's phases as an ordered list: readable by screen readers, no chart needed.
import { getTranslations } from "next-intl/server";
import type { Phase } from "@/lib/consultations/phases";
import { StateBadge } from "./phase-badge";

export async function PhaseTimeline({ phases }: { phases: Phase[] }) {
  const t = await getTranslations("consultation");
  return (
    <ol className="relative space-y-4 border-s-2 border-brand-100 ps-6">
      {phases.map((p) => (
        <li key={p.key} className="relative">
          <span aria-hidden="true" className={`absolute -start-[33px] top-1 h-4 w-4 rounded-full border-2 border-white ${p.state === "open" ? "bg-green-700" : p.state === "upcoming" ? "bg-amber-600" : "bg-stone-500"}`} />
          <h3 className="font-semibold">{t(`phase.${p.key}`)}</h3>
          <StateBadge state={p.state} label={t(`state.${p.state}`)} />
          {p.openAt && p.closeAt ? (
            <p className="mt-1 text-stone-800">
              {t("period", { start: p.openAt, end: p.closeAt })}
              <br />
              <span className="text-sm text-stone-700">
                {p.state === "upcoming" ? t("opensAt", { date: p.openAt }) : p.state === "open" ? t("closesAt", { date: p.closeAt }) : t("closedAt", { date: p.closeAt })}
              </span>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
