// One followed issue, for the secretariat: its title and description, its path (each step's status, date and note,
// changed or removed in place), and a later point, session or round to link, chosen round by round.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { ADMIN_SESSION_PATH } from "@/lib/meetings/sessions";
import { getIssueForAdmin, ISSUE_PATH, listRoundsForIssues, roundTargets } from "@/lib/issues/service";
import { AddLinkForm, IssueDetailsForm, StepForm } from "@/components/issues/issue-forms";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { addLinkAction, removeLinkAction, updateIssueAction, updateLinkAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ round?: string | string[]; notice?: string }> };

const NOTICES = ["created", "saved", "linkAdded", "linkSaved", "linkRemoved"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await getTranslations("issues.admin"))("title")} · ${id.slice(0, 8)}` };
}

export default async function IssueAdminPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireRoleForPage("SECRETARIAT", `/secretariat/issues/${encodeURIComponent(id)}`);
  const sp = await searchParams;
  const issue = await getIssueForAdmin(user, id);
  if (!issue) notFound();
  const roundSlug = (Array.isArray(sp.round) ? sp.round[0] : sp.round) ?? "";
  const [rounds, targets, t, format] = await Promise.all([
    listRoundsForIssues(user), roundSlug ? roundTargets(user, roundSlug) : null, getTranslations("issues"), getFormatter(),
  ]);
  if (!rounds) notFound();
  const notice = NOTICES.find((n) => n === sp.notice);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const dateOf = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
  const origin = `point:${issue.consultationId}:${issue.pointKey}`;
  const linked = new Set(issue.links.map((l) => l.target));
  return (
    <div className="max-w-5xl space-y-6">
      <p><Link href="/secretariat/issues" className="text-brand-800 underline">{t("admin.back")}</Link></p>
      <h1 className="text-2xl font-semibold" dir="auto">{issue.title}</h1>
      {notice ? <FormAlert tone="success">{t(`admin.${notice}`)}</FormAlert> : null}
      {issue.consultation.status === "PUBLISHED"
        ? <p><Link href={ISSUE_PATH(issue.slug)} className="text-brand-800 underline">{t("admin.publicPage")}</Link></p>
        : <p className="rounded border-s-4 border-amber-600 bg-amber-50 p-2">{t("admin.notPublic")}</p>}

      <section aria-labelledby="details-heading" className="space-y-2">
        <h2 id="details-heading" className="text-xl font-semibold">{t("edit.title")}</h2>
        <IssueDetailsForm action={updateIssueAction.bind(null, issue.id)} values={{ title: issue.title, slug: issue.slug, description: issue.description, version: String(issue.version) }} />
      </section>

      <section aria-labelledby="path-heading" className="space-y-3">
        <h2 id="path-heading" className="text-xl font-semibold">{t("path.title")}</h2>
        <ol className="space-y-3" data-testid="issue-steps">
          {issue.links.map((l) => {
            const what = l.kind === "POINT"
              ? { href: `/secretariat/consultations/${l.consultation.slug}/synthesis#point-${l.pointKey ?? ""}`, label: l.pointNumber !== null ? t("public.point", { number: l.pointNumber, round: l.consultation.title }) : t("public.pointUnnumbered", { round: l.consultation.title }) }
              : l.kind === "SESSION" && l.session
                ? { href: ADMIN_SESSION_PATH(l.consultation.slug, l.session.slug), label: t("public.session", { session: l.session.title, round: l.consultation.title }) }
                : { href: `/secretariat/consultations/${l.consultation.slug}`, label: t("public.round", { round: l.consultation.title }) };
            return (
              <li key={l.id} id={`step-${l.id}`} className="space-y-2 rounded border border-stone-200 bg-white p-3">
                <p>
                  <time dateTime={day(l.date)} className="font-semibold tabular-nums">{dateOf(l.date)}</time>
                  {" · "}<span className="rounded bg-stone-100 px-1.5 py-0.5 text-sm">{t(`statuses.${l.status}`)}</span>
                  {" · "}{t(`kinds.${l.kind}`)}: <Link href={what.href} className="text-brand-800 underline" dir="auto">{what.label}</Link>
                  {l.target === origin ? <span className="ms-2 text-sm text-stone-700">({t("path.origin")})</span> : null}
                </p>
                {l.pointText ? <blockquote className="border-s-4 border-stone-300 ps-3 text-sm" dir="auto">{excerpt(l.pointText)}</blockquote> : null}
                {l.note ? <p className="text-sm" dir="auto">{l.note}</p> : null}
                <StepForm
                  idPrefix={`step-${l.id}`}
                  label={t("path.editStep", { date: dateOf(l.date) })}
                  action={updateLinkAction.bind(null, issue.id, l.id)}
                  removeAction={removeLinkAction.bind(null, issue.id, l.id)}
                  removable={l.target !== origin}
                  values={{ status: l.status, date: day(l.date), note: l.note, version: String(l.version) }}
                />
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="link-heading" className="space-y-3">
        <h2 id="link-heading" className="text-xl font-semibold">{t("link.title")}</h2>
        <form method="get" action={`/secretariat/issues/${issue.id}`} className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4">
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor="link-round" className="font-medium">{t("link.chooseRound")}</label>
            <select id="link-round" name="round" defaultValue={targets?.round.slug ?? ""} className={inputClass}>
              <option value="">—</option>
              {rounds.map((r) => <option key={r.slug} value={r.slug}>{r.title} ({r.day.slice(0, 4)})</option>)}
            </select>
          </div>
          <button type="submit" className={buttonClass}>{t("link.showTargets")}</button>
        </form>
        {targets ? (
          <AddLinkForm
            action={addLinkAction.bind(null, issue.id)}
            consultation={targets.round.slug}
            defaultDate={targets.sessions.find((s) => !linked.has(`session:${s.id}`))?.day ?? targets.round.day}
            targets={[
              { label: t("link.sessions"), options: targets.sessions.map((s) => ({ value: `session:${s.slug}`, label: `${s.title}${s.date ? ` (${dateOf(s.date)})` : ""}` })) },
              { label: t("link.points"), options: targets.points.map((p) => ({ value: `point:${p.key}`, label: `${p.number !== null ? `${p.number}. ` : "• "}${excerpt(p.text)}` })) },
            ]}
          />
        ) : null}
      </section>
    </div>
  );
}
