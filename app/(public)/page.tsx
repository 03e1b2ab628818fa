import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listPublicConsultations } from "@/lib/consultations/service";
import { PhaseBadge } from "@/components/consultations/phase-badge";
import { phasesOf } from "@/lib/consultations/phases";
import { TranslationNotice } from "@/components/i18n/translation-notice";

export const dynamic = "force-dynamic";

type Dates = { contributionsOpenAt: Date | null; contributionsCloseAt: Date | null; commentsOpenAt: Date | null; commentsCloseAt: Date | null };

export default async function HomePage() {
  const t = await getTranslations();
  const now = new Date();
  const stages = await listPublicConsultations(now, await getLocale());
  const sections = [
    { key: "open", title: t("home.open"), items: stages.open },
    { key: "upcoming", title: t("home.upcoming"), items: stages.upcoming },
    { key: "closed", title: t("home.closed"), items: stages.closed },
  ] as const;
  const total = stages.open.length + stages.upcoming.length + stages.closed.length;

  // The date that matters on a card: when the open phase closes, when the next one opens, or when the last one closed.
  function closingLine(c: Dates, at: Date) {
    const phases = phasesOf(c, at);
    const open = phases.find((p) => p.state === "open" && p.closeAt);
    if (open?.closeAt) return <p className="mt-2 text-sm font-semibold text-stone-900">{t(`home.closes.${open.key}`, { date: open.closeAt })}</p>;
    const next = phases.find((p) => p.state === "upcoming" && p.openAt);
    if (next?.openAt) return <p className="mt-2 text-sm text-stone-800">{t(`home.opens.${next.key}`, { date: next.openAt })}</p>;
    const last = phases.filter((p) => p.state === "closed" && p.closeAt).at(-1);
    if (last?.closeAt) return <p className="mt-2 text-sm text-stone-800">{t("home.closedOn", { date: last.closeAt })}</p>;
    return null;
  }

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold">{t("home.title")}</h1>
        <p className="max-w-3xl text-stone-800">{t("home.intro")}</p>
      </div>
      {total === 0 ? <p>{t("home.none")}</p> : null}
      {sections.map((section) =>
        section.key !== "open" && section.items.length === 0 ? null : (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-3">
            <h2 id={`section-${section.key}`} className="text-xl font-semibold">{section.title}</h2>
            {section.items.length === 0 ? (
              <p className="text-stone-700">{t("home.noneInSection")}</p>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2">
                {section.items.map((c) => (
                  <li key={c.id} className="relative rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700">
                    <div lang={c.texts.language}>
                      <h3 dir="auto" className="text-lg font-semibold">
                        {/* the whole card opens the consultation (the link's box covers it) */}
                        <Link href={`/consultations/${c.slug}`} className="text-brand-800 underline-offset-2 hover:underline after:absolute after:inset-0 after:content-['']">
                          {c.texts.text.title}
                        </Link>
                      </h3>
                      {c.texts.text.summary ? <p dir="auto" className="mt-1 text-stone-800">{c.texts.text.summary}</p> : null}
                    </div>
                    <TranslationNotice meta={c.texts} compact />
                    {closingLine(c, now)}
                    <p className="mt-2 text-sm text-stone-700">{t("home.themeCount", { count: c._count.themes })}</p>
                    <ul className="mt-3 flex flex-wrap gap-2">
                      {phasesOf(c, now).map((p) => (
                        <li key={p.key}>
                          <PhaseBadge label={t(`consultation.phase.${p.key}`)} state={p.state} stateLabel={t(`consultation.state.${p.state}`)} />
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ),
      )}
    </div>
  );
}
