// A meeting session on the record: its transcript, turn by turn and paragraph by paragraph (each linkable), with
// the rapporteur's report beside it. Procedural turns ("Thank you, Chair") stay in the transcript, marked.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPublicSession } from "@/lib/meetings/sessions";
import { renderMarkdown } from "@/lib/markdown/render";
import { isClassified } from "@/lib/stakeholders/groups";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; session: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, session } = await params;
  const s = await getPublicSession(slug, session);
  return s ? { title: s.title } : {};
}

export default async function SessionPage({ params }: Props) {
  const { slug, session: sessionSlug } = await params;
  const session = await getPublicSession(slug, sessionSlug);
  if (!session) notFound();
  const [t, tTypes, tGroups, format] = await Promise.all([getTranslations("meetings.public"), getTranslations("meetings.types"), getTranslations("groups"), getFormatter()]);
  const report = session.documents.find((d) => d.kind === "RAPPORTEUR_REPORT");
  const others = session.documents.filter((d) => d.kind !== "RAPPORTEUR_REPORT");
  const people = [
    session.chair ? t("chair", { name: session.chair }) : null,
    session.moderators.length ? t("moderators", { names: session.moderators.join(", "), count: session.moderators.length }) : null,
    session.rapporteur ? t("rapporteur", { name: session.rapporteur }) : null,
  ].filter(Boolean);
  const speakerOf = (turn: (typeof session.turns)[number]) => {
    if (turn.speaker) return turn.speaker.organisation ? `${turn.speaker.name} (${turn.speaker.organisation.name})` : turn.speaker.name;
    return turn.speakerLabel ? turn.speakerLabel : t("unidentified");
  };
  return (
    <article className="space-y-6">
      <p><Link href={`/consultations/${session.consultation.slug}`} className="text-brand-800 underline" dir="auto">{session.consultation.title}</Link></p>
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold" dir="auto">{session.title}</h1>
        <p className="text-stone-800">
          {tTypes(session.type)}{session.date ? ` · ${format.dateTime(session.date, { dateStyle: "long", timeZone: "UTC" })}` : ""}
        </p>
        {people.length ? <p className="text-sm text-stone-800" dir="auto">{people.join(" · ")}</p> : null}
      </header>
      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="transcript-heading" className="space-y-4 lg:col-span-2">
          <h2 id="transcript-heading" className="text-xl font-semibold">{t("transcript")}</h2>
          {session.turns.length === 0 ? <p>{t("noTranscript")}</p> : (
            <>
              <p className="text-sm text-stone-700">
                {t("transcriptNote", { turns: session.turns.length })}{" "}
                <a href={`/consultations/${session.consultation.slug}/sessions/${session.slug}/transcript.txt`} className="text-brand-800 underline">{t("download")}</a>
              </p>
              <ol className="space-y-4">
                {session.turns.map((turn) => (
                  <li key={turn.id} id={`t${turn.number}`} className={`rounded border bg-white p-3 ${turn.procedural ? "border-stone-100 text-stone-700" : "border-stone-200"}`}>
                    <p className="text-sm">
                      <a href={`#t${turn.number}`} className="font-mono text-brand-800 underline" aria-label={t("turnLink", { number: turn.number })}>{turn.number}</a>{" "}
                      <span className="font-semibold" dir="auto">{speakerOf(turn)}</span>
                      {isClassified(turn.stakeholderGroup) ? <span className="text-stone-700"> · {tGroups(turn.stakeholderGroup)}</span> : null}
                      {turn.procedural ? <span className="ms-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800">{t("procedural")}</span> : null}
                    </p>
                    {turn.body.split("\n\n").map((paragraph, i) => (
                      <p key={i} id={`t${turn.number}-p${i + 1}`} dir="auto" className="mt-2">
                        {paragraph}{" "}
                        <a href={`#t${turn.number}-p${i + 1}`} className="text-xs text-stone-700 underline" aria-label={t("paragraphLink", { turn: turn.number, paragraph: i + 1 })}>¶</a>
                      </p>
                    ))}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        <aside aria-labelledby="report-heading" className="space-y-3 lg:sticky lg:top-4 lg:self-start">
          <h2 id="report-heading" className="text-xl font-semibold">{t("report")}</h2>
          {report ? (
            <div className="rounded border border-stone-200 bg-white p-4">
              <h3 className="font-semibold" dir="auto">{report.title}</h3>
              <div dir="auto" className="prose-user mt-2 text-sm" dangerouslySetInnerHTML={{ __html: renderMarkdown(report.body) }} />
            </div>
          ) : <p>{t("noReport")}</p>}
          {others.map((d) => (
            <div key={d.id} className="rounded border border-stone-200 bg-white p-4">
              <h3 className="font-semibold" dir="auto">{d.title}</h3>
              <div dir="auto" className="prose-user mt-2 text-sm" dangerouslySetInnerHTML={{ __html: renderMarkdown(d.body) }} />
            </div>
          ))}
        </aside>
      </div>
    </article>
  );
}
