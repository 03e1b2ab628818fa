// One meeting session, for the secretariat: its details, the transcript import (preview first), the rapporteur's
// report, and who speaks in it (each linked to the roster, where speakers are mapped and merged).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { countryName } from "@/lib/geo/countries";
import { getSessionForAdmin, sessionSpeakers, SESSION_PATH } from "@/lib/meetings/sessions";
import { FormAlert } from "@/components/ui/field";
import { SessionForm } from "@/components/meetings/session-form";
import { TranscriptImportForm } from "@/components/meetings/transcript-import-form";
import { ReportForm } from "@/components/meetings/report-form";
import { reportAction, transcriptAction, updateSessionAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; session: string }>; searchParams: Promise<{ created?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, session } = await params;
  const s = await getSessionForAdmin(await requireRoleForPage(), slug, session);
  return { title: s?.title ?? "" };
}

export default async function SessionAdminPage({ params, searchParams }: Props) {
  const { slug, session: sessionSlug } = await params;
  const user = await requireRoleForPage();
  const session = await getSessionForAdmin(user, slug, sessionSlug);
  if (!session) notFound();
  const sp = await searchParams;
  const [t, tGroups, format, locale, speakers] = await Promise.all([
    getTranslations("meetings"), getTranslations("groups"), getFormatter(), getLocale(), sessionSpeakers(session.id),
  ]);
  const report = session.documents.find((d) => d.kind === "RAPPORTEUR_REPORT");
  const consultation = session.consultation;
  return (
    <div className="max-w-4xl space-y-8">
      <p className="flex flex-wrap gap-4">
        <Link href={`/secretariat/consultations/${consultation.slug}/sessions`} className="text-brand-800 underline">{t("sessions.backToList", { consultation: consultation.title })}</Link>
        {consultation.status === "PUBLISHED" ? <Link href={SESSION_PATH(consultation.slug, session.slug)} className="text-brand-800 underline">{t("sessions.view")}</Link> : null}
      </p>
      <h1 className="text-2xl font-semibold" dir="auto">{session.title}</h1>
      {sp.created === "1" ? <FormAlert tone="success">{t("session.created")}</FormAlert> : sp.saved === "1" ? <FormAlert tone="success">{t("session.saved")}</FormAlert> : null}
      <p className="text-sm text-stone-700">
        {session.transcriptImportedAt
          ? t("session.transcriptOn", { turns: session._count.turns, date: format.dateTime(session.transcriptImportedAt, { dateStyle: "medium", timeStyle: "short" }), file: session.transcriptFilename ?? t("session.pasted") })
          : t("session.noTranscript")}
      </p>

      <section aria-labelledby="transcript-heading" className="space-y-3">
        <h2 id="transcript-heading" className="text-xl font-semibold">{t("transcript.heading")}</h2>
        <p>{t("transcript.intro")}</p>
        <TranscriptImportForm action={transcriptAction.bind(null, consultation.slug, session.slug)} existingTurns={session._count.turns} />
      </section>

      <section aria-labelledby="speakers-heading" className="space-y-3">
        <h2 id="speakers-heading" className="text-xl font-semibold">{t("sessionSpeakers.heading")}</h2>
        {speakers.speakers.length === 0 && speakers.unattributed.length === 0 ? <p>{t("sessionSpeakers.none")}</p> : (
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("sessionSpeakers.speaker")}</th>
                <th scope="col" className="p-2 text-start">{t("sessionSpeakers.labels")}</th>
                <th scope="col" className="p-2 text-start">{t("sessionSpeakers.mapping")}</th>
                <th scope="col" className="p-2 text-end">{t("sessionSpeakers.turns")}</th>
              </tr>
            </thead>
            <tbody>
              {speakers.speakers.map((s) => (
                <tr key={s.id} className="border-b border-stone-100">
                  <th scope="row" className="p-2 text-start font-normal"><Link href={`/secretariat/roster/${s.id}`} className="text-brand-800 underline">{s.name}</Link></th>
                  <td className="p-2">{[...new Set(s.aliases.map((a) => a.label))].join(" · ")}</td>
                  <td className="p-2">{s.mappedAt ? `${tGroups(s.stakeholderGroup)} · ${countryName(s.country, locale)}${s.organisation ? ` · ${s.organisation.name}` : ""}` : t("sessionSpeakers.unmapped")}</td>
                  <td className="p-2 text-end tabular-nums">{s.turns}</td>
                </tr>
              ))}
              {speakers.unattributed.map((u) => (
                <tr key={`label:${u.label}`} className="border-b border-stone-100">
                  <th scope="row" className="p-2 text-start font-normal">{t("sessionSpeakers.unattributed")}</th>
                  <td className="p-2">{u.label || t("transcript.noLabel")}</td>
                  <td className="p-2">{t("sessionSpeakers.unattributedHint")}</td>
                  <td className="p-2 text-end tabular-nums">{u.turns}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p><Link href="/secretariat/roster" className="text-brand-800 underline">{t("sessionSpeakers.roster")}</Link></p>
      </section>

      <section aria-labelledby="report-heading" className="space-y-3">
        <h2 id="report-heading" className="text-xl font-semibold">{t("report.heading")}</h2>
        <p>{report ? t("report.current", { title: report.title }) : t("report.none")}</p>
        <ReportForm action={reportAction.bind(null, session.id, consultation.slug)} values={{ title: report?.title ?? t("report.defaultTitle"), body: report?.body ?? "" }} />
      </section>

      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-xl font-semibold">{t("session.details")}</h2>
        <SessionForm action={updateSessionAction.bind(null, consultation.slug, session.id)} submitLabel={t("session.save")} idPrefix="session"
          values={{
            title: session.title, slug: session.slug, type: session.type, date: session.date ? session.date.toISOString().slice(0, 10) : "",
            chair: session.chair, moderators: session.moderators.join("\n"), rapporteur: session.rapporteur, version: String(session.version),
          }} />
        <p className="text-sm text-stone-700">{t("session.peopleHint")}</p>
      </section>
    </div>
  );
}
