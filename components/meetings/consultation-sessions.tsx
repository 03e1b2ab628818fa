// The consultation page's meeting sessions: each with its type, date and whether its transcript and report are in.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listPublicSessions, SESSION_PATH } from "@/lib/meetings/sessions";

export async function ConsultationSessions({ consultationId, slug }: { consultationId: string; slug: string }) {
  const sessions = await listPublicSessions(consultationId);
  if (sessions.length === 0) return null;
  const [t, tTypes, format] = await Promise.all([getTranslations("meetings.public"), getTranslations("meetings.types"), getFormatter()]);
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3">
      <h2 id="sessions-heading" className="text-xl font-semibold">{t("sessions")}</h2>
      <ul className="space-y-2">
        {sessions.map((s) => (
          <li key={s.slug} className="rounded border border-stone-200 bg-white p-3">
            <Link href={SESSION_PATH(slug, s.slug)} className="font-semibold text-brand-800 underline" dir="auto">{s.title}</Link>
            <p className="text-sm text-stone-800">
              {tTypes(s.type)}{s.date ? ` · ${format.dateTime(s.date, { dateStyle: "medium", timeZone: "UTC" })}` : ""}
              {" · "}{s._count.turns > 0 ? t("turns", { count: s._count.turns }) : t("noTranscriptYet")}
              {s._count.documents > 0 ? ` · ${t("hasReport")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
