// The round's closing page: how many inputs it received, how the secretariat answered the comments on its drafts and
// which contributions the drafts reflect, by stakeholder group, each chart with the table behind it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { roundClosed, roundOutcome } from "@/lib/outcomes/closing";
import { BarChart } from "@/components/outcomes/bar-chart";
import { DispositionCountsTable, DispositionSentences } from "@/components/dispositions/counts-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const outcome = await roundOutcome((await params).slug);
  if (!outcome) return {};
  return { title: (await getTranslations("outcome.page"))("title", { title: outcome.consultation.title }) };
}

export default async function OutcomePage({ params }: Props) {
  const { slug } = await params;
  const outcome = await roundOutcome(slug);
  if (!outcome) notFound();
  const [t, tg] = await Promise.all([getTranslations("outcome.page"), getTranslations("groups")]);
  const { consultation, groups, totals, answers } = outcome;
  const closed = roundClosed(consultation, new Date());
  const label = (g: (typeof groups)[number]) => tg(g.group);

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p><Link href={`/consultations/${slug}`} className="text-brand-800 underline">{t("back", { title: consultation.title })}</Link></p>
        <h1 className="text-3xl font-semibold" dir="auto">{t("title", { title: consultation.title })}</h1>
        <p className="text-stone-800">{closed ? t("closed") : t("open")}</p>
      </header>

      <section aria-labelledby="inputs-heading" className="space-y-3">
        <h2 id="inputs-heading" className="text-xl font-semibold">{t("inputsTitle")}</h2>
        <p>{t("inputsSummary", { submissions: totals.submissions, comments: totals.comments })}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <BarChart id="submissions" title={t("submissionsByGroup")} valueLabel={t("submissions")} rows={groups.map((g) => ({ key: g.group, label: label(g), value: g.submissions }))} />
          <BarChart id="comments" title={t("commentsByGroup")} valueLabel={t("comments")} rows={groups.map((g) => ({ key: g.group, label: label(g), value: g.comments }))} />
        </div>
      </section>

      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-xl font-semibold">{t("answersTitle")}</h2>
        <p className="text-stone-800">{t("answersIntro", { total: answers.all.total, answered: answers.all.total - answers.all.none })}</p>
        {answers.all.total > 0 ? (
          <>
            <DispositionSentences counts={answers} />
            <BarChart
              id="accepted" title={t("acceptedByGroup")} valueLabel={t("accepted")} ofLabel={t("answerable")}
              rows={groups.filter((g) => g.answers.total > 0).map((g) => ({ key: g.group, label: label(g), value: g.answers.byKind.ACCEPTED + g.answers.byKind.PARTLY_ACCEPTED, of: g.answers.total }))}
            />
            <DispositionCountsTable counts={answers} caption={t("answersCaption")} id="answers" />
          </>
        ) : null}
        {outcome.drafts.some((d) => d.versions.length > 0) ? (
          <ul className="list-disc space-y-1 ps-5">
            {outcome.drafts.flatMap((d) => d.versions.map((v) => (
              <li key={`${d.slug}-${v.number}`}>
                <Link href={`/consultations/${slug}/drafts/${d.slug}/dispositions?version=${v.number}`} className="text-brand-800 underline" dir="auto">
                  {t("draftTable", { draft: d.title, version: v.number })}
                </Link>
                <span className="ms-2 text-sm text-stone-700">{t("draftProgress", { answered: v.answered, comments: v.comments })}</span>
              </li>
            )))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="cited-heading" className="space-y-3">
        <h2 id="cited-heading" className="text-xl font-semibold">{t("citedTitle")}</h2>
        {outcome.synthesis ? (
          <>
            <p className="text-stone-800">{t("citedIntro", { snapshot: outcome.synthesis.snapshot, cited: outcome.synthesis.cited, listed: outcome.synthesis.listed, setAside: outcome.synthesis.setAside })}</p>
            {outcome.synthesis.listed > 0 ? (
              <BarChart
                id="cited" title={t("citedByGroup")} valueLabel={t("cited")} ofLabel={t("listed")}
                rows={groups.filter((g) => (g.synthesis?.listed ?? 0) > 0).map((g) => ({ key: g.group, label: label(g), value: g.synthesis?.cited ?? 0, of: g.synthesis?.listed ?? 0 }))}
              />
            ) : null}
          </>
        ) : (
          <p className="text-stone-800">{t("citedNotPublished")}</p>
        )}
      </section>

      <section aria-labelledby="reflected-heading" className="space-y-3">
        <h2 id="reflected-heading" className="text-xl font-semibold">{t("reflectedTitle")}</h2>
        <p className="text-stone-800">{t("reflectedIntro", { reflected: totals.reflected, submissions: totals.submissions })}</p>
        {totals.submissions > 0 ? (
          <BarChart
            id="reflected" title={t("reflectedByGroup")} valueLabel={t("reflected")} ofLabel={t("submissions")}
            rows={groups.filter((g) => g.submissions > 0).map((g) => ({ key: g.group, label: label(g), value: g.reflected, of: g.submissions }))}
          />
        ) : null}
      </section>
    </article>
  );
}
