// The balance dashboard's meetings sections: session transcripts and remote messages, counted apart from written
// inputs, by stakeholder group and region, each chart with its table.
import { getTranslations } from "next-intl/server";
import { ShareChart } from "@/components/balance/share-chart";
import type { MeetingsBalance as Report } from "@/lib/meetings/balance";

export async function MeetingsBalance({ report }: { report: Report }) {
  const [t, tGroups, tRegions] = await Promise.all([getTranslations("meetings.balance"), getTranslations("groups"), getTranslations("regions")]);
  const { transcripts, remoteMessages } = report;
  if (transcripts.sessions === 0 && remoteMessages.total === 0 && remoteMessages.pending === 0) return null;
  const label = (rows: { key: string; count: number; share: number }[], tr: (key: never) => string) => rows.map((r) => ({ ...r, label: tr(r.key as never) }));
  return (
    <>
      <section aria-labelledby="transcripts-balance" className="space-y-4">
        <h2 id="transcripts-balance" className="text-xl font-semibold">{t("transcriptsTitle")}</h2>
        <p>{t("transcriptsIntro", { sessions: transcripts.sessions, turns: transcripts.turns, procedural: transcripts.proceduralTurns, speakers: transcripts.speakers })}</p>
        {transcripts.unclassified > 0 || transcripts.unknownCountry > 0 ? (
          <p data-testid="transcripts-counted-apart">{t("turnsApart", { unclassified: transcripts.unclassified, unknown: transcripts.unknownCountry })}</p>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <ShareChart id="transcripts-groups" title={t("turnsByGroup")} rows={label(transcripts.groups, tGroups)} />
          <ShareChart id="transcripts-regions" title={t("turnsByRegion")} rows={label(transcripts.regions, tRegions)} />
          <ShareChart id="transcripts-speakers" title={t("speakersByGroup")} rows={label(transcripts.speakersByGroup, tGroups)} />
        </div>
      </section>
      <section aria-labelledby="remote-balance" className="space-y-4">
        <h2 id="remote-balance" className="text-xl font-semibold">{t("remoteTitle")}</h2>
        <p>{t("remoteIntro", { published: remoteMessages.total, pending: remoteMessages.pending, unclassified: remoteMessages.unclassified })}</p>
        <div className="grid gap-4 lg:grid-cols-2">
          <ShareChart id="remote-groups" title={t("remoteByGroup")} rows={label(remoteMessages.groups, tGroups)} />
          <ShareChart id="remote-regions" title={t("remoteByRegion")} rows={label(remoteMessages.regions, tRegions)} />
        </div>
      </section>
    </>
  );
}
