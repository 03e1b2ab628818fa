// One followed issue and its path across the years: each public step (a synthesis point, a meeting session, a round)
// by date, with its status and note, linked to the paper's paragraph, the session's transcript or the round.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPublicIssue, type PublicIssueStep } from "@/lib/issues/service";
import { SESSION_PATH } from "@/lib/meetings/sessions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await getPublicIssue((await params).slug);
  return { title: issue?.title ?? (await getTranslations("issues.public"))("title") };
}

export default async function PublicIssuePage({ params }: Props) {
  const issue = await getPublicIssue((await params).slug);
  if (!issue) notFound();
  const [t, format] = await Promise.all([getTranslations("issues"), getFormatter()]);
  const dateOf = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const target = (s: PublicIssueStep): { href: string; label: string } => {
    if (s.kind === "SESSION" && s.session) return { href: SESSION_PATH(s.round.slug, s.session.slug), label: t("public.session", { session: s.session.title, round: s.round.title }) };
    if (s.kind === "POINT" && s.point) {
      const paper = `/api/v1/consultations/${s.round.slug}/synthesis?format=html`;
      if (!s.point.published) return { href: `/consultations/${s.round.slug}`, label: t("public.pointNotPublished", { round: s.round.title }) };
      return s.point.number !== null
        ? { href: `${paper}#para-${s.point.number}`, label: t("public.point", { number: s.point.number, round: s.round.title }) }
        : { href: paper, label: t("public.pointUnnumbered", { round: s.round.title }) };
    }
    return { href: `/consultations/${s.round.slug}`, label: t("public.round", { round: s.round.title }) };
  };
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p><Link href="/archive/issues" className="text-brand-800 underline">{t("public.allIssues")}</Link></p>
        <h1 className="text-3xl font-semibold" dir="auto">{issue.title}</h1>
        <p className="text-stone-800">{t("public.raisedIn", { round: issue.round.title, year: issue.round.year })}</p>
        {issue.description ? <p dir="auto">{issue.description}</p> : null}
      </header>
      <section aria-labelledby="path-heading" className="space-y-3">
        <h2 id="path-heading" className="text-xl font-semibold">{t("public.pathTitle")}</h2>
        {issue.steps.length === 0 ? <p>{t("public.noSteps")}</p> : (
          <ol className="space-y-3 border-s-2 border-brand-700 ps-4" data-testid="issue-path">
            {issue.steps.map((s) => {
              const { href, label } = target(s);
              return (
                <li key={s.id} className="rounded border border-stone-200 bg-white p-3">
                  <p>
                    <time dateTime={s.date.toISOString().slice(0, 10)} className="font-semibold tabular-nums">{dateOf(s.date)}</time>
                    {" · "}<span className="rounded bg-stone-100 px-1.5 py-0.5 text-sm">{t(`statuses.${s.status}`)}</span>
                  </p>
                  <p className="mt-1">{t(`kinds.${s.kind}`)}: <a href={href} className="text-brand-800 underline" dir="auto">{label}</a></p>
                  {s.point?.text ? <blockquote className="mt-1 border-s-4 border-stone-300 ps-3 text-sm" dir="auto">{s.point.text}</blockquote> : null}
                  {s.note ? <p className="mt-1 text-sm" dir="auto"><span className="font-medium">{t("public.note")}:</span> {s.note}</p> : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
