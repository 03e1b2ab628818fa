// issues: issues followed across meetings. The secretariat marks a point of a round's synthesis as an issue (title,
// description) and links the later synthesis points, meeting sessions and rounds that took it up, each with a status
// (raised, discussed, taken up, outcome), a date and a note; every write is audited and conditional on the version it
// read. Anybody reads the issues of public rounds and each one's path across the years, showing only public steps.
import "server-only";
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { AddLinkSchema, CreateIssueSchema, UpdateIssueSchema, UpdateLinkSchema, versionField, type LinkKind, type LinkStatus } from "./schema";

export type { Actor };

export const ISSUE_PATH = (slug: string) => `/archive/issues/${slug}`;
export const ADMIN_ISSUE_PATH = (id: string) => `/secretariat/issues/${id}`;

const YEAR = Prisma.sql`EXTRACT(YEAR FROM COALESCE(c."contributionsOpenAt", c."commentsOpenAt", c."createdAt"))::int`;

const isSecretariat = (actor: Actor | null): actor is Actor => !!actor && hasRole(actor, "SECRETARIAT");

/** The day a round is dated by (its contributions' opening, else comments', else its creation), as YYYY-MM-DD. */
function roundDay(c: { contributionsOpenAt: Date | null; commentsOpenAt: Date | null; createdAt: Date }): string {
  return (c.contributionsOpenAt ?? c.commentsOpenAt ?? c.createdAt).toISOString().slice(0, 10);
}

const ROUND_SELECT = { id: true, slug: true, title: true, status: true, contributionsOpenAt: true, commentsOpenAt: true, createdAt: true } as const;

// ---------------------------------------------------------------------------------------------------------
// The secretariat's side

export interface FollowablePoint {
  key: string;
  number: number | null;
  placement: string;
  text: string;
  /** the issue already marked on this point, if any */
  issueId: string | null;
  issueTitle: string | null;
}

/** Every round, newest first, for choosing where a point, session or round is. */
export async function listRoundsForIssues(actor: Actor | null) {
  if (!isSecretariat(actor)) return null;
  const rows = await db.consultation.findMany({ orderBy: [{ contributionsOpenAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }], select: ROUND_SELECT });
  return rows.map((r) => ({ slug: r.slug, title: r.title, status: r.status, day: roundDay(r) }));
}

/** A round with what can be linked: its synthesis points (the live draft as mirrored) and its sessions. */
export async function roundTargets(actor: Actor | null, slug: string) {
  if (!isSecretariat(actor)) return null;
  const round = await db.consultation.findUnique({ where: { slug }, select: ROUND_SELECT });
  if (!round) return null;
  const [points, sessions, issues] = await Promise.all([
    db.synthesisPoint.findMany({ where: { consultationId: round.id, placement: { not: "setAside" } }, select: { key: true, number: true, placement: true, text: true } }),
    db.meetingSession.findMany({ where: { consultationId: round.id }, orderBy: [{ date: { sort: "asc", nulls: "last" } }, { title: "asc" }], select: { id: true, slug: true, title: true, date: true } }),
    db.followedIssue.findMany({ where: { consultationId: round.id }, select: { id: true, pointKey: true, title: true } }),
  ]);
  const issueOf = new Map(issues.map((i) => [i.pointKey, i]));
  const ordered: FollowablePoint[] = points
    .map((p) => ({ ...p, issueId: issueOf.get(p.key)?.id ?? null, issueTitle: issueOf.get(p.key)?.title ?? null }))
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    round: { slug: round.slug, title: round.title, status: round.status, day: roundDay(round) },
    points: ordered,
    sessions: sessions.map((s) => ({ ...s, day: s.date ? s.date.toISOString().slice(0, 10) : roundDay(round) })),
  };
}

/** Every followed issue, newest first, with its round and how many steps it has. */
export async function listIssuesForAdmin(actor: Actor | null) {
  if (!isSecretariat(actor)) return null;
  return db.followedIssue.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, slug: true, title: true, consultation: { select: { slug: true, title: true, status: true } }, _count: { select: { links: true } }, updatedAt: true },
  });
}

/** One issue with its steps (oldest first), for the secretariat. */
export async function getIssueForAdmin(actor: Actor | null, id: string) {
  if (!isSecretariat(actor)) return null;
  return db.followedIssue.findUnique({
    where: { id },
    include: {
      consultation: { select: { slug: true, title: true, status: true } },
      links: {
        orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        include: { consultation: { select: { slug: true, title: true, status: true } }, session: { select: { slug: true, title: true } } },
      },
    },
  });
}

async function pointOf(tx: Tx, consultationId: string, key: string) {
  return tx.synthesisPoint.findUnique({ where: { consultationId_key: { consultationId, key } }, select: { key: true, number: true, placement: true, text: true } });
}

/**
 * Marks a point of a round's synthesis as a followed issue. Its first step is that point, RAISED on the given day.
 * A point is followed by one issue only; a set-aside point cannot be.
 */
export async function createIssue(actor: Actor | null, raw: unknown): Promise<Result<{ id: string; slug: string }>> {
  if (!isSecretariat(actor)) return fail("forbidden", undefined, 403);
  const parsed = CreateIssueSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      const round = await tx.consultation.findUnique({ where: { slug: input.consultation }, select: { id: true } });
      if (!round) return fail("invalidInput", { consultation: ["roundUnknown"] });
      const point = await pointOf(tx, round.id, input.pointKey);
      if (!point || point.placement === "setAside") return fail("invalidInput", { pointKey: ["pointUnknown"] });
      const existing = await tx.followedIssue.findUnique({ where: { consultationId_pointKey: { consultationId: round.id, pointKey: point.key } }, select: { id: true } });
      if (existing) return fail("invalidInput", { pointKey: ["pointFollowed"] }, 409);
      if (await tx.followedIssue.findUnique({ where: { slug: input.slug }, select: { id: true } })) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
      const issue = await tx.followedIssue.create({
        data: { slug: input.slug, title: input.title, description: input.description, consultationId: round.id, pointKey: point.key, createdById: actor.id },
      });
      const link = await tx.followedIssueLink.create({
        data: {
          issueId: issue.id, kind: "POINT", status: "RAISED", date: input.date, note: input.note, consultationId: round.id,
          pointKey: point.key, pointNumber: point.number, pointText: point.text, target: `point:${round.id}:${point.key}`, createdById: actor.id,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "issues.create", entityType: "FollowedIssue", entityId: issue.id, consultationId: round.id,
        details: { title: input.title, slug: input.slug, pointKey: point.key, pointNumber: point.number, link: link.id },
      });
      return ok({ id: issue.id, slug: issue.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { form: ["changedSinceLoaded"] }, 409);
    throw error;
  }
}

/** Renames or re-describes an issue; conditional on the version the form was loaded with. */
export async function updateIssue(actor: Actor | null, id: string, raw: unknown): Promise<Result<{ slug: string }>> {
  if (!isSecretariat(actor)) return fail("forbidden", undefined, 403);
  const parsed = UpdateIssueSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      const before = await tx.followedIssue.findUnique({ where: { id } });
      if (!before) return fail("notFound", undefined, 404);
      const clash = input.slug !== before.slug ? await tx.followedIssue.findUnique({ where: { slug: input.slug }, select: { id: true } }) : null;
      if (clash) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
      const updated = await tx.followedIssue.updateMany({
        where: { id, version: input.version },
        data: { title: input.title, slug: input.slug, description: input.description, version: { increment: 1 } },
      });
      if (updated.count !== 1) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
      const changed = (["title", "slug", "description"] as const).filter((k) => before[k] !== input[k]);
      await recordAudit(tx, {
        actorId: actor.id, action: "issues.update", entityType: "FollowedIssue", entityId: id, consultationId: before.consultationId,
        details: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) },
      });
      return ok({ slug: input.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

/** Adds a step to an issue's path: a round, one of its sessions or one of its synthesis points. Each target once. */
export async function addIssueLink(actor: Actor | null, issueId: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!isSecretariat(actor)) return fail("forbidden", undefined, 403);
  const parsed = AddLinkSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await withTransaction(async (tx) => {
      const issue = await tx.followedIssue.findUnique({ where: { id: issueId }, select: { id: true, consultationId: true } });
      if (!issue) return fail("notFound", undefined, 404);
      const round = await tx.consultation.findUnique({ where: { slug: input.consultation }, select: { id: true } });
      if (!round) return fail("invalidInput", { consultation: ["roundUnknown"] });
      let data: { kind: LinkKind; sessionId?: string; pointKey?: string; pointNumber?: number | null; pointText?: string; target: string };
      if (input.target === "round") {
        data = { kind: "ROUND", target: `round:${round.id}` };
      } else if (input.target.startsWith("session:")) {
        const session = await tx.meetingSession.findUnique({ where: { consultationId_slug: { consultationId: round.id, slug: input.target.slice(8) } }, select: { id: true } });
        if (!session) return fail("invalidInput", { target: ["targetUnknown"] });
        data = { kind: "SESSION", sessionId: session.id, target: `session:${session.id}` };
      } else {
        const point = await pointOf(tx, round.id, input.target.slice(6));
        if (!point || point.placement === "setAside") return fail("invalidInput", { target: ["targetUnknown"] });
        data = { kind: "POINT", pointKey: point.key, pointNumber: point.number, pointText: point.text, target: `point:${round.id}:${point.key}` };
      }
      if (await tx.followedIssueLink.findUnique({ where: { issueId_target: { issueId, target: data.target } }, select: { id: true } })) {
        return fail("invalidInput", { target: ["targetLinked"] }, 409);
      }
      const link = await tx.followedIssueLink.create({
        data: { ...data, issueId, status: input.status, date: input.date, note: input.note, consultationId: round.id, createdById: actor.id },
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "issues.link.add", entityType: "FollowedIssueLink", entityId: link.id, consultationId: round.id,
        details: { issue: issueId, kind: data.kind, target: data.target, status: input.status, date: input.date.toISOString().slice(0, 10), note: input.note },
      });
      return ok({ id: link.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { target: ["targetLinked"] }, 409);
    throw error;
  }
}

/** Changes a step's status, date or note; conditional on its version. */
export async function updateIssueLink(actor: Actor | null, linkId: string, raw: unknown): Promise<Result<{ issueId: string }>> {
  if (!isSecretariat(actor)) return fail("forbidden", undefined, 403);
  const parsed = UpdateLinkSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  return withTransaction(async (tx) => {
    const before = await tx.followedIssueLink.findUnique({ where: { id: linkId } });
    if (!before) return fail("notFound", undefined, 404);
    const updated = await tx.followedIssueLink.updateMany({
      where: { id: linkId, version: input.version },
      data: { status: input.status, date: input.date, note: input.note, version: { increment: 1 } },
    });
    if (updated.count !== 1) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await recordAudit(tx, {
      actorId: actor.id, action: "issues.link.update", entityType: "FollowedIssueLink", entityId: linkId, consultationId: before.consultationId,
      details: {
        issue: before.issueId,
        before: { status: before.status, date: day(before.date), note: before.note },
        after: { status: input.status, date: day(input.date), note: input.note },
      },
    });
    return ok({ issueId: before.issueId });
  });
}

/** Removes a step from the path (not the point the issue was marked on); conditional on its version. */
export async function removeIssueLink(actor: Actor | null, linkId: string, rawVersion: unknown): Promise<Result<{ issueId: string }>> {
  if (!isSecretariat(actor)) return fail("forbidden", undefined, 403);
  const version = versionField.safeParse(rawVersion);
  if (!version.success) return fail("invalidRequest");
  return withTransaction(async (tx) => {
    const before = await tx.followedIssueLink.findUnique({ where: { id: linkId }, include: { issue: { select: { consultationId: true, pointKey: true } } } });
    if (!before) return fail("notFound", undefined, 404);
    if (before.target === `point:${before.issue.consultationId}:${before.issue.pointKey}`) return fail("originLink", { form: ["originLink"] });
    const removed = await tx.followedIssueLink.deleteMany({ where: { id: linkId, version: version.data } });
    if (removed.count !== 1) return fail("changedSinceLoaded", { form: ["changedSinceLoaded"] }, 409);
    await recordAudit(tx, {
      actorId: actor.id, action: "issues.link.remove", entityType: "FollowedIssueLink", entityId: linkId, consultationId: before.consultationId,
      details: { issue: before.issueId, kind: before.kind, target: before.target, status: before.status, date: before.date.toISOString().slice(0, 10), note: before.note },
    });
    return ok({ issueId: before.issueId });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The public side: issues of public rounds, and only the steps in public rounds

export interface PublicIssueSummary {
  slug: string;
  title: string;
  description: string;
  round: { slug: string; title: string; year: number };
  steps: number;
  firstDate: Date;
  lastDate: Date;
  lastStatus: LinkStatus;
}

/** Every issue marked in a public round, by the date it was raised (newest first), with its latest public step. */
export async function listPublicIssues(): Promise<PublicIssueSummary[]> {
  const rows = await db.$queryRaw<{ slug: string; title: string; description: string; roundSlug: string; roundTitle: string; year: number; steps: bigint; first: Date; last: Date; lastStatus: LinkStatus }[]>`
    SELECT i.slug, i.title, i.description, c.slug AS "roundSlug", c.title AS "roundTitle", ${YEAR} AS year,
      count(l.id) AS steps, min(l.date) AS first, max(l.date) AS last,
      (array_agg(l.status::text ORDER BY l.date DESC, l."createdAt" DESC, l.id DESC))[1] AS "lastStatus"
    FROM "FollowedIssue" i
    JOIN "Consultation" c ON c.id = i."consultationId"
    JOIN "FollowedIssueLink" l ON l."issueId" = i.id
    JOIN "Consultation" lc ON lc.id = l."consultationId"
    WHERE c.status = 'PUBLISHED' AND lc.status = 'PUBLISHED'
    GROUP BY i.id, c.id
    ORDER BY min(l.date) DESC, i.slug ASC`;
  return rows.map((r) => ({
    slug: r.slug, title: r.title, description: r.description, round: { slug: r.roundSlug, title: r.roundTitle, year: r.year },
    steps: Number(r.steps), firstDate: r.first, lastDate: r.last, lastStatus: r.lastStatus,
  }));
}

export interface PublicIssueStep {
  id: string;
  kind: LinkKind;
  status: LinkStatus;
  date: Date;
  note: string;
  round: { slug: string; title: string; year: number };
  session: { slug: string; title: string } | null;
  /** a synthesis point: its number and text only once the round has published its synthesis */
  point: { number: number | null; text: string | null; published: boolean } | null;
}

export interface PublicIssue {
  slug: string;
  title: string;
  description: string;
  round: { slug: string; title: string; year: number };
  steps: PublicIssueStep[];
}

/** One issue of a public round and its path across the years, oldest step first; steps in non-public rounds left out. */
export async function getPublicIssue(slug: string): Promise<PublicIssue | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const issue = await db.followedIssue.findUnique({
    where: { slug },
    include: {
      consultation: { select: { ...ROUND_SELECT } },
      links: {
        where: { consultation: { status: "PUBLISHED" } },
        orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        include: {
          consultation: { select: { ...ROUND_SELECT, synthesisDrafts: { where: { published: true }, take: 1, select: { number: true } } } },
          session: { select: { slug: true, title: true } },
        },
      },
    },
  });
  if (!issue || issue.consultation.status !== "PUBLISHED") return null;
  const yearOf = (c: { contributionsOpenAt: Date | null; commentsOpenAt: Date | null; createdAt: Date }) => (c.contributionsOpenAt ?? c.commentsOpenAt ?? c.createdAt).getUTCFullYear();
  return {
    slug: issue.slug,
    title: issue.title,
    description: issue.description,
    round: { slug: issue.consultation.slug, title: issue.consultation.title, year: yearOf(issue.consultation) },
    steps: issue.links.map((l) => {
      const published = l.consultation.synthesisDrafts.length > 0;
      return {
        id: l.id, kind: l.kind, status: l.status, date: l.date, note: l.note,
        round: { slug: l.consultation.slug, title: l.consultation.title, year: yearOf(l.consultation) },
        session: l.session,
        // The live draft is the secretariat's: its text is shown only once the round has a published paper.
        point: l.kind === "POINT" ? { number: published ? l.pointNumber : null, text: published ? l.pointText : null, published } : null,
      };
    }),
  };
}
