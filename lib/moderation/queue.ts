// The moderation queue: inputs of one status across consultations, oldest first, with campaigns collapsed to one row.
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { hasRole } from "../auth/session-roles";
import { settleBalance } from "../balance/service";
import { detectCampaigns } from "./campaigns";
import type { Actor } from "./service";
import { QueueFilterSchema, type QueueFilter, type TargetType } from "./schema";

export const QUEUE_PAGE = 25;

export interface QueueItem {
  type: TargetType;
  id: string;
  version: number;
  status: string;
  reference: string | null;
  title: string | null;
  body: string;
  authorName: string;
  organisationName: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  language: string;
  arrivedAt: Date;
  overBalance: boolean;
  moderationNote: string | null;
  consultation: { slug: string; title: string };
  /** where a comment is: the draft and paragraph number */
  context: string | null;
  campaign: { id: string; label: string; count: number } | null;
}

interface Row {
  type: TargetType;
  id: string;
  arrived: Date;
  campaignId: string | null;
  members: bigint;
}

/**
 * Detects campaigns and settles the held queue for the consultations that have inputs waiting, so the queue
 * never shows stale groupings and held items are released (or published after the phase closed) on every visit.
 */
export async function refreshQueue(consultationId?: string): Promise<void> {
  const [subs, comments] = await Promise.all([
    db.submission.groupBy({ by: ["consultationId"], where: { status: { in: ["PENDING", "HELD_FOR_BALANCE"] }, ...(consultationId ? { consultationId } : {}) } }),
    db.comment.groupBy({ by: ["consultationId"], where: { status: { in: ["PENDING", "HELD_FOR_BALANCE"] }, ...(consultationId ? { consultationId } : {}) } }),
  ]);
  const ids = new Set([...subs, ...comments].map((r) => r.consultationId));
  for (const id of ids) {
    await detectCampaigns(id);
    await settleBalance(id);
  }
}

function encodeCursor(row: { arrived: Date; type: string; id: string }): string {
  return `${row.arrived.toISOString()}_${row.type}_${row.id}`;
}

function decodeCursor(cursor: string | undefined): { at: Date; key: string } | null {
  if (!cursor) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_((?:SUBMISSION|COMMENT)_[\w-]{1,64})$/.exec(cursor);
  if (!match?.[1] || !match[2]) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, key: match[2] };
}

export async function listQueue(actor: Actor | null, raw: unknown): Promise<{ items: QueueItem[]; nextCursor: string | null; filter: QueueFilter } | null> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const parsed = QueueFilterSchema.safeParse(raw);
  const filter: QueueFilter = parsed.success ? parsed.data : { view: "PENDING" };
  const consultation = filter.consultation ? await db.consultation.findUnique({ where: { slug: filter.consultation }, select: { id: true } }) : null;
  if (filter.consultation && !consultation) return { items: [], nextCursor: null, filter };
  await refreshQueue(consultation?.id);

  const conds = (alias: "s" | "c") => {
    const parts: Prisma.Sql[] = [Prisma.sql`${Prisma.raw(alias)}.status::text = ${filter.view}`];
    if (consultation) parts.push(Prisma.sql`${Prisma.raw(alias)}."consultationId" = ${consultation.id}`);
    if (filter.group) parts.push(Prisma.sql`${Prisma.raw(alias)}."stakeholderGroup"::text = ${filter.group}`);
    if (filter.language) parts.push(Prisma.sql`${Prisma.raw(alias)}.language = ${filter.language}`);
    return Prisma.join(parts, " AND ");
  };
  const branches: Prisma.Sql[] = [];
  if (filter.type !== "COMMENT") {
    branches.push(Prisma.sql`SELECT 'SUBMISSION' AS type, s.id, COALESCE(s."submittedAt", s."receivedAt", s."createdAt") AS arrived, s."campaignId" FROM "Submission" s WHERE ${conds("s")}`);
  }
  if (filter.type !== "SUBMISSION") {
    branches.push(Prisma.sql`SELECT 'COMMENT' AS type, c.id, c."createdAt" AS arrived, c."campaignId" FROM "Comment" c WHERE ${conds("c")}`);
  }
  const after = decodeCursor(filter.cursor);
  const cursorCond = after ? Prisma.sql`AND (arrived, type || '_' || id) > (${after.at}, ${after.key})` : Prisma.empty;
  // A campaign shows as its oldest member, with the number of members in this view.
  const rows = await db.$queryRaw<Row[]>`
    WITH items AS (${Prisma.join(branches, " UNION ALL ")}),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY type, "campaignId" ORDER BY arrived, id) AS rn,
             count(*) OVER (PARTITION BY type, "campaignId") AS members
      FROM items
    )
    SELECT type, id, arrived, "campaignId", members FROM ranked
    WHERE ("campaignId" IS NULL OR rn = 1) ${cursorCond}
    ORDER BY arrived ASC, type || '_' || id ASC
    LIMIT ${QUEUE_PAGE + 1}`;
  const page = rows.slice(0, QUEUE_PAGE);
  const subIds = page.filter((r) => r.type === "SUBMISSION").map((r) => r.id);
  const comIds = page.filter((r) => r.type === "COMMENT").map((r) => r.id);
  const [subs, comments, campaigns] = await Promise.all([
    db.submission.findMany({ where: { id: { in: subIds } }, include: { consultation: { select: { slug: true, title: true } } } }),
    db.comment.findMany({
      where: { id: { in: comIds } },
      include: { consultation: { select: { slug: true, title: true } }, draft: { select: { title: true } }, paragraph: { select: { number: true } }, submission: { select: { reference: true } } },
    }),
    db.campaign.findMany({ where: { id: { in: page.flatMap((r) => (r.campaignId ? [r.campaignId] : [])) } }, select: { id: true, label: true } }),
  ]);
  const subById = new Map(subs.map((s) => [s.id, s]));
  const comById = new Map(comments.map((c) => [c.id, c]));
  const labelOf = new Map(campaigns.map((c) => [c.id, c.label]));
  const items: QueueItem[] = [];
  for (const row of page) {
    const campaign = row.campaignId ? { id: row.campaignId, label: labelOf.get(row.campaignId) ?? "", count: Number(row.members) } : null;
    if (row.type === "SUBMISSION") {
      const s = subById.get(row.id);
      if (!s) continue;
      items.push({
        type: "SUBMISSION", id: s.id, version: s.version, status: s.status, reference: s.reference, title: s.title, body: s.body,
        authorName: s.contributorName, organisationName: s.organisationName, stakeholderGroup: s.stakeholderGroup, country: s.country,
        language: s.language, arrivedAt: row.arrived, overBalance: s.overBalance, moderationNote: s.moderationNote, consultation: s.consultation, context: null, campaign,
      });
    } else {
      const c = comById.get(row.id);
      if (!c) continue;
      const where = c.draft ? `${c.draft.title}${c.paragraph?.number ? ` ¶${c.paragraph.number}` : ""}` : (c.submission?.reference ?? null);
      items.push({
        type: "COMMENT", id: c.id, version: c.version, status: c.status, reference: null, title: null, body: c.body,
        authorName: c.authorName, organisationName: c.organisationName, stakeholderGroup: c.stakeholderGroup, country: c.country,
        language: c.language, arrivedAt: row.arrived, overBalance: c.overBalance, moderationNote: c.moderationNote, consultation: c.consultation, context: where, campaign,
      });
    }
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > QUEUE_PAGE && last ? encodeCursor(last) : null, filter };
}

/** Consultations and languages for the queue's filter menus. */
export async function queueFilterOptions() {
  const [consultations, subLangs, comLangs] = await Promise.all([
    db.consultation.findMany({ orderBy: { createdAt: "desc" }, select: { slug: true, title: true } }),
    db.submission.groupBy({ by: ["language"], where: { status: { not: "DRAFT" } } }),
    db.comment.groupBy({ by: ["language"] }),
  ]);
  const languages = [...new Set([...subLangs, ...comLangs].map((r) => r.language))].sort();
  return { consultations, languages };
}
