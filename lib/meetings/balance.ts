// The meetings' part of the balance dashboard: session transcripts and remote messages, counted apart from written
// inputs (they are never held by the caps), by stakeholder group and region, unclassified and unknown-country apart.
import "server-only";
import { db } from "../db/client";
import { UN_REGIONS } from "../geo/countries";
import { STAKEHOLDER_GROUPS, UNCLASSIFIED } from "../stakeholders/groups";
import { sharesOf, type Share } from "../balance/rules";

export interface ApartReport {
  /** inputs counted (turns that say something, or published messages) */
  total: number;
  unclassified: number;
  unknownCountry: number;
  groups: Share[];
  regions: Share[];
}

export interface MeetingsBalance {
  transcripts: ApartReport & { sessions: number; turns: number; proceduralTurns: number; speakers: number; speakersByGroup: Share[] };
  remoteMessages: ApartReport & { pending: number };
}

function apart(groupRows: { key: string; n: number }[], regionRows: { key: string; n: number }[]): ApartReport {
  const groups: Record<string, number> = {};
  for (const r of groupRows) groups[r.key] = (groups[r.key] ?? 0) + r.n;
  const regions: Record<string, number> = {};
  for (const r of regionRows) regions[r.key] = (regions[r.key] ?? 0) + r.n;
  const { [UNCLASSIFIED]: unclassified = 0, ...classified } = groups;
  const { UNKNOWN: unknownCountry = 0, ...known } = regions;
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  return { total, unclassified, unknownCountry, groups: sharesOf(classified, STAKEHOLDER_GROUPS), regions: sharesOf(known, UN_REGIONS) };
}

export async function meetingsBalance(consultationId: string): Promise<MeetingsBalance> {
  const substantive = { consultationId, procedural: false };
  const [sessions, turns, procedural, turnGroups, turnRegions, speakerGroups, msgGroups, msgRegions, pending] = await Promise.all([
    db.meetingSession.count({ where: { consultationId } }),
    db.sessionTurn.count({ where: { consultationId } }),
    db.sessionTurn.count({ where: { consultationId, procedural: true } }),
    db.sessionTurn.groupBy({ by: ["stakeholderGroup"], where: substantive, _count: { _all: true } }),
    db.sessionTurn.groupBy({ by: ["region"], where: substantive, _count: { _all: true } }),
    db.$queryRaw<{ key: string; n: bigint }[]>`
      SELECT s."stakeholderGroup"::text AS key, count(DISTINCT s.id) AS n FROM "SessionTurn" t JOIN "Speaker" s ON s.id = t."speakerId"
      WHERE t."consultationId" = ${consultationId} GROUP BY s."stakeholderGroup"`,
    db.remoteMessage.groupBy({ by: ["stakeholderGroup"], where: { consultationId, status: "PUBLISHED" }, _count: { _all: true } }),
    db.remoteMessage.groupBy({ by: ["region"], where: { consultationId, status: "PUBLISHED" }, _count: { _all: true } }),
    db.remoteMessage.count({ where: { consultationId, status: "PENDING" } }),
  ]);
  const transcripts = apart(turnGroups.map((r) => ({ key: r.stakeholderGroup, n: r._count._all })), turnRegions.map((r) => ({ key: r.region, n: r._count._all })));
  const speakerCounts = Object.fromEntries(speakerGroups.map((r) => [r.key, Number(r.n)]));
  return {
    transcripts: {
      ...transcripts, sessions, turns, proceduralTurns: procedural,
      speakers: Object.values(speakerCounts).reduce((a, b) => a + b, 0),
      speakersByGroup: sharesOf(speakerCounts, [...STAKEHOLDER_GROUPS, UNCLASSIFIED]),
    },
    remoteMessages: { ...apart(msgGroups.map((r) => ({ key: r.stakeholderGroup, n: r._count._all })), msgRegions.map((r) => ({ key: r.region, n: r._count._all }))), pending },
  };
}

