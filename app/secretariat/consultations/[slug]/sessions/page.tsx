// The meeting sessions of a consultation round, for the secretariat: each with what it holds, and a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { listSessionsForAdmin, ADMIN_SESSION_PATH, SESSION_PATH } from "@/lib/meetings/sessions";
import { SessionForm } from "@/components/meetings/session-form";
import { createSessionAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings.sessions"))("title") };
}

export default async function SessionsPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireRoleForPage();
  const data = await listSessionsForAdmin(user, slug);
  if (!data) notFound();
  const [t, tt, format] = await Promise.all([getTranslations("meetings.sessions"), getTranslations("meetings.types"), getFormatter()]);
  const { consultation, sessions } = data;
  return (
    <div className="max-w-4xl space-y-6">
      <p><Link href={`/secretariat/consultations/${consultation.slug}`} className="text-brand-800 underline">{consultation.title}</Link></p>
      <h1 className="text-2xl font-semibold">{t("heading", { consultation: consultation.title })}</h1>
      <p>{t("intro")}</p>
      <ul className="flex flex-wrap gap-4 text-sm">
        <li><Link href="/secretariat/roster" className="text-brand-800 underline">{t("roster")}</Link></li>
        <li><Link href={`/secretariat/consultations/${consultation.slug}/remote`} className="text-brand-800 underline">{t("remote")}</Link></li>
      </ul>
      {sessions.length === 0 ? <p>{t("none")}</p> : (
        <table className="w-full bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2 text-start">{t("session")}</th>
              <th scope="col" className="p-2 text-start">{t("type")}</th>
              <th scope="col" className="p-2 text-start">{t("date")}</th>
              <th scope="col" className="p-2 text-end">{t("turns")}</th>
              <th scope="col" className="p-2 text-start">{t("report")}</th>
              <th scope="col" className="p-2 text-start"><span className="sr-only">{t("public")}</span></th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-b border-stone-100">
                <th scope="row" className="p-2 text-start font-normal"><Link href={ADMIN_SESSION_PATH(consultation.slug, s.slug)} className="text-brand-800 underline" dir="auto">{s.title}</Link></th>
                <td className="p-2">{tt(s.type)}</td>
                <td className="p-2">{s.date ? format.dateTime(s.date, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                <td className="p-2 text-end tabular-nums">{s._count.turns}</td>
                <td className="p-2">{s._count.documents > 0 ? t("hasReport") : t("noReport")}</td>
                <td className="p-2">{consultation.status === "PUBLISHED" ? <Link href={SESSION_PATH(consultation.slug, s.slug)} className="text-brand-800 underline">{t("view")}</Link> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-session" className="space-y-2">
        <h2 id="new-session" className="text-xl font-semibold">{t("new")}</h2>
        <SessionForm action={createSessionAction.bind(null, consultation.slug)} submitLabel={t("create")} idPrefix="new-session"
          values={{ title: "", slug: "", type: "MAIN_SESSION", date: "", chair: "", moderators: "", rapporteur: "" }} />
      </section>
    </div>
  );
}
