// One roster speaker: map them to a person, organisation, stakeholder group and country; their labels and turns.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { countryOptions } from "@/lib/geo/countries";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { getSpeaker } from "@/lib/meetings/speakers";
import { SESSION_PATH } from "@/lib/meetings/sessions";
import { FormAlert } from "@/components/ui/field";
import { SpeakerForm } from "@/components/meetings/speaker-form";
import { mapSpeakerAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await getSpeaker(await requireRoleForPage(), (await params).id);
  return { title: s?.name ?? "" };
}

export default async function SpeakerPage({ params, searchParams }: Props) {
  const user = await requireRoleForPage();
  const speaker = await getSpeaker(user, (await params).id);
  if (!speaker) notFound();
  const sp = await searchParams;
  const [t, tGroups, locale, format] = await Promise.all([getTranslations("meetings.roster"), getTranslations("groups"), getLocale(), getFormatter()]);
  return (
    <div className="max-w-3xl space-y-6">
      <p><Link href="/secretariat/roster" className="text-brand-800 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-semibold" dir="auto">{speaker.name}</h1>
      {sp.saved !== undefined ? <FormAlert tone="success">{t("savedMapping", { count: Number(sp.saved) || 0 })}</FormAlert> : null}
      <p>{t("labelsAre", { labels: [...new Set(speaker.aliases.map((a) => a.label))].join(" · "), turns: speaker._count.turns, messages: speaker._count.remoteMessages })}</p>
      <SpeakerForm
        action={mapSpeakerAction.bind(null, speaker.id)}
        groups={INPUT_GROUPS.map((g) => ({ value: g, label: tGroups(g) }))}
        countries={countryOptions(locale)}
        values={{ name: speaker.name, organisation: speaker.organisation?.name ?? "", stakeholderGroup: speaker.stakeholderGroup, country: speaker.country, version: String(speaker.version) }}
      />
      <section aria-labelledby="turns-heading" className="space-y-2">
        <h2 id="turns-heading" className="text-xl font-semibold">{t("recentTurns")}</h2>
        {speaker.turns.length === 0 ? <p>{t("noTurns")}</p> : (
          <ul className="space-y-2">
            {speaker.turns.map((turn) => (
              <li key={`${turn.session.slug}-${turn.number}`} className="rounded border border-stone-200 bg-white p-3 text-sm">
                <Link href={`${SESSION_PATH(turn.session.consultation.slug, turn.session.slug)}#t${turn.number}`} className="text-brand-800 underline" dir="auto">
                  {turn.session.title}{turn.session.date ? `, ${format.dateTime(turn.session.date, { dateStyle: "medium", timeZone: "UTC" })}` : ""} · {t("turnNumber", { number: turn.number })}
                </Link>
                <p dir="auto" className="mt-1 line-clamp-3">{turn.body.split("\n\n")[0]}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
