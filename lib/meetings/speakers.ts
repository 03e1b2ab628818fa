// meetings: the speaker roster, one for every session and year. The secretariat maps each speaker to a person,
// an organisation, a stakeholder group and a country (or leaves them unclassified), confirms proposed merges of
// label variants ("V CERF" / "VINTON CERF") or dismisses them. Mapping a speaker re-attributes every turn and remote
// message of theirs at once. Every change is conditional on the version the secretariat saw, and audited.
import "server-only";
import { db, type Tx } from "../db/client";
import { lockKey, withTransaction } from "../db/transaction";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { placeOf } from "../geo/countries";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";
import { findOrCreateOrganisation } from "../organisations/service";
import { dismissalKey, proposeMerges, type MergeReason } from "./roster";
import { SpeakerMappingSchema, versionField } from "./schema";
import { ROSTER_LOCK } from "./transcripts";

export const ROSTER_PAGE = 50;

export interface RosterFilter {
  q?: string;
  group?: StakeholderGroup;
  /** only speakers the secretariat has not mapped yet */
  unmapped?: boolean;
  page?: number;
}

export function parseRosterFilter(params: Record<string, string | undefined>): RosterFilter {
  const group = INPUT_GROUPS.find((g) => g === params.group);
  const page = Number.parseInt(params.page ?? "1", 10);
  return {
    q: params.q?.trim().slice(0, 100) || undefined,
    group,
    unmapped: params.unmapped === "1",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

/** The roster, filtered, with each speaker's aliases, organisation and how much they said. */
export async function listRoster(actor: Actor | null, filter: RosterFilter) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  const where = {
    ...(filter.group ? { stakeholderGroup: filter.group } : {}),
    ...(filter.unmapped ? { mappedAt: null } : {}),
    ...(filter.q
      ? { OR: [{ name: { contains: filter.q, mode: "insensitive" as const } }, { aliases: { some: { label: { contains: filter.q, mode: "insensitive" as const } } } }, { organisation: { name: { contains: filter.q, mode: "insensitive" as const } } }] }
      : {}),
  };
  const page = filter.page ?? 1;
  const [total, speakers] = await Promise.all([
    db.speaker.count({ where }),
    db.speaker.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ROSTER_PAGE,
      take: ROSTER_PAGE,
      include: {
        organisation: { select: { name: true } },
        aliases: { orderBy: { createdAt: "asc" }, select: { label: true, key: true, scope: true } },
        _count: { select: { turns: true, remoteMessages: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / ROSTER_PAGE)), speakers };
}

export async function getSpeaker(actor: Actor | null, id: string) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  return db.speaker.findUnique({
    where: { id },
    include: {
      organisation: { select: { id: true, name: true } },
      aliases: { orderBy: { createdAt: "asc" } },
      turns: {
        orderBy: [{ createdAt: "desc" }, { number: "asc" }],
        take: 20,
        select: { number: true, body: true, session: { select: { slug: true, title: true, date: true, consultation: { select: { slug: true, title: true } } } } },
      },
      _count: { select: { turns: true, remoteMessages: true } },
    },
  });
}

export interface ProposedMerge {
  reason: MergeReason;
  a: { id: string; name: string; version: number; labels: string[]; turns: number; mapped: boolean };
  b: { id: string; name: string; version: number; labels: string[]; turns: number; mapped: boolean };
}

/** Label variants across the whole roster that look like one person, minus the pairs already dismissed. */
export async function listProposedMerges(actor: Actor | null, limit = 100): Promise<ProposedMerge[] | null> {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  const [aliases, dismissed] = await Promise.all([
    db.speakerAlias.findMany({ select: { speakerId: true, key: true } }),
    db.speakerMergeDismissal.findMany({ select: { speakerAId: true, speakerBId: true } }),
  ]);
  const keysOf = new Map<string, string[]>();
  for (const a of aliases) keysOf.set(a.speakerId, [...(keysOf.get(a.speakerId) ?? []), a.key]);
  const proposals = proposeMerges([...keysOf].map(([id, keys]) => ({ id, keys })), new Set(dismissed.map((d) => dismissalKey(d.speakerAId, d.speakerBId)))).slice(0, limit);
  const ids = [...new Set(proposals.flatMap((p) => [p.a, p.b]))];
  const speakers = new Map(
    (
      await db.speaker.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, version: true, mappedAt: true, aliases: { select: { label: true } }, _count: { select: { turns: true } } },
      })
    ).map((s) => [s.id, s]),
  );
  return proposals.flatMap((p) => {
    const a = speakers.get(p.a);
    const b = speakers.get(p.b);
    if (!a || !b) return [];
    const side = (s: typeof a) => ({ id: s.id, name: s.name, version: s.version, labels: [...new Set(s.aliases.map((x) => x.label))], turns: s._count.turns, mapped: s.mappedAt !== null });
    return [{ reason: p.reason, a: side(a), b: side(b) }];
  });
}

/** Copies a speaker's mapping onto every turn and remote message of theirs, so counts by group stay one query. */
async function reattribute(tx: Tx, speakerId: string): Promise<{ turns: number; messages: number }> {
  const s = await tx.speaker.findUnique({ where: { id: speakerId }, select: { stakeholderGroup: true, country: true, region: true, developing: true } });
  if (!s) return { turns: 0, messages: 0 };
  const data = { stakeholderGroup: s.stakeholderGroup, country: s.country, region: s.region, developing: s.developing };
  const [turns, messages] = await Promise.all([
    tx.sessionTurn.updateMany({ where: { speakerId }, data }),
    tx.remoteMessage.updateMany({ where: { speakerId }, data }),
  ]);
  return { turns: turns.count, messages: messages.count };
}

/** Maps a speaker to a person, organisation, stakeholder group and country (or unclassified / unknown). */
export async function mapSpeaker(actor: Actor | null, speakerId: string, raw: unknown): Promise<Result<{ id: string; turns: number; messages: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = SpeakerMappingSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    const before = await tx.speaker.findUnique({ where: { id: speakerId }, include: { organisation: { select: { name: true } } } });
    if (!before) return fail("notFound", undefined, 404);
    const organisationId = input.organisation ? await findOrCreateOrganisation(tx, input.organisation, input.stakeholderGroup, input.country) : null;
    const updated = await tx.speaker.updateMany({
      where: { id: speakerId, version: input.version },
      data: { name: input.name, organisationId, stakeholderGroup: input.stakeholderGroup, ...placeOf(input.country), mappedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
    const counts = await reattribute(tx, speakerId);
    await recordAudit(tx, {
      actorId: actor.id, action: "meetings.speaker.map", entityType: "Speaker", entityId: speakerId,
      details: {
        before: { name: before.name, organisation: before.organisation?.name ?? null, stakeholderGroup: before.stakeholderGroup, country: before.country },
        after: { name: input.name, organisation: input.organisation || null, stakeholderGroup: input.stakeholderGroup, country: input.country },
        turns: counts.turns, messages: counts.messages,
      },
    });
    return ok({ id: speakerId, ...counts });
  });
}

/**
 * Merges `mergeId` into `keepId`: its labels become the kept speaker's aliases, its turns and messages are the kept
 * speaker's (with the kept speaker's mapping), and it leaves the roster. Both versions must be the ones the
 * secretariat saw, so a speaker mapped meanwhile is not merged away unseen.
 */
export async function mergeSpeakers(
  actor: Actor | null,
  raw: { keepId: unknown; keepVersion: unknown; mergeId: unknown; mergeVersion: unknown },
): Promise<Result<{ id: string; turns: number; aliases: number }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const keepVersion = versionField.safeParse(raw.keepVersion);
  const mergeVersion = versionField.safeParse(raw.mergeVersion);
  const keepId = typeof raw.keepId === "string" ? raw.keepId : "";
  const mergeId = typeof raw.mergeId === "string" ? raw.mergeId : "";
  if (!keepVersion.success || !mergeVersion.success || !keepId || !mergeId) return fail("invalidRequest");
  if (keepId === mergeId) return fail("invalidInput", { form: ["sameSpeaker"] });
  return withTransaction(async (tx) => {
    await lockKey(tx, ROSTER_LOCK, "all");
    const [keep, merge] = await Promise.all([
      tx.speaker.findUnique({ where: { id: keepId }, include: { aliases: true } }),
      tx.speaker.findUnique({ where: { id: mergeId }, include: { aliases: true } }),
    ]);
    if (!keep || !merge) return fail("notFound", { form: ["speakerGone"] }, 404);
    if (keep.version !== keepVersion.data || merge.version !== mergeVersion.data) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
    const held = new Set(keep.aliases.map((a) => `${a.scope}\u0000${a.key}`));
    let moved = 0;
    for (const alias of merge.aliases) {
      if (held.has(`${alias.scope}\u0000${alias.key}`)) await tx.speakerAlias.delete({ where: { id: alias.id } });
      else {
        await tx.speakerAlias.update({ where: { id: alias.id }, data: { speakerId: keep.id } });
        moved++;
      }
    }
    const turns = await tx.sessionTurn.updateMany({ where: { speakerId: merge.id }, data: { speakerId: keep.id } });
    await tx.remoteMessage.updateMany({ where: { speakerId: merge.id }, data: { speakerId: keep.id } });
    await tx.speaker.delete({ where: { id: merge.id } });
    await tx.speaker.update({ where: { id: keep.id }, data: { version: { increment: 1 } } });
    await reattribute(tx, keep.id);
    await recordAudit(tx, {
      actorId: actor.id, action: "meetings.speaker.merge", entityType: "Speaker", entityId: keep.id,
      details: {
        kept: { id: keep.id, name: keep.name }, merged: { id: merge.id, name: merge.name, stakeholderGroup: merge.stakeholderGroup, country: merge.country },
        labels: merge.aliases.map((a) => a.label), turns: turns.count,
      },
    });
    return ok({ id: keep.id, turns: turns.count, aliases: moved });
  });
}

/** Records that two speakers are different people, so their merge is no longer proposed. */
export async function dismissMerge(actor: Actor | null, aId: string, bId: string): Promise<Result<{ dismissed: boolean }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  if (!aId || !bId || aId === bId) return fail("invalidRequest");
  const [speakerAId, speakerBId] = aId < bId ? [aId, bId] : [bId, aId];
  return withTransaction(async (tx) => {
    const found = await tx.speaker.count({ where: { id: { in: [speakerAId, speakerBId] } } });
    if (found !== 2) return fail("notFound", { form: ["speakerGone"] }, 404);
    await tx.speakerMergeDismissal.upsert({ where: { speakerAId_speakerBId: { speakerAId, speakerBId } }, update: {}, create: { speakerAId, speakerBId } });
    await recordAudit(tx, { actorId: actor.id, action: "meetings.speaker.dismissMerge", entityType: "Speaker", entityId: speakerAId, details: { speakerAId, speakerBId } });
    return ok({ dismissed: true });
  });
}
