// The moderation queue: inputs of one status across consultations, oldest first, with campaigns collapsed to one row.
// It only reads: campaigns are detected by a job when an input arrives (lib/moderation/detection.ts) and the held
// queue is settled after the writes that change it (lib/balance/tasks.ts), never on a visit.
import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { hasRole } from "../auth/session-roles";
import { LANGUAGES } from "../submissions/language";
import type { Actor } from "./service";
import { QueueFilterSchema, type QueueFilter, type TargetType } from "./schema";

export const QUEUE_PAGE = 25;
/** The most members of one campaign a single bulk action acts on (the oldest first); the queue says so when larger. */
export const CAMPAIGN_ACTION_MAX = 5000;

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
  /** `count`: the campaign's members in this view's status, all of which a campaign selection acts on */
  campaign: { id: string; label: string; count: number } | null;
  /**
   * Other accounts in this view and consultation that share the author's verified e-mail domain or organisation
   * (`accounts`: how many distinct accounts, this one included; only when at least two).
   */
  sharedDomain: { domain: string; accounts: number } | null;
  sharedOrganisation: { id: string; name: string; accounts: number } | null;
}

/** The accounts filter the queue is showing, as the page names it. */
export interface AccountsFilter {
  domain: string | null;
  organisation: { id: string; name: string } | null;
}

interface Row {
  type: TargetType;
  id: string;
  arrived: Date;
  campaignId: string | null;
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

const TABLE = { SUBMISSION: Prisma.raw(`"Submission"`), COMMENT: Prisma.raw(`"Comment"`) } as const;
const ARRIVED = { SUBMISSION: Prisma.raw(`"submittedAt"`), COMMENT: Prisma.raw(`"createdAt"`) } as const;
const STATUS_TYPE = { SUBMISSION: Prisma.raw(`"SubmissionStatus"`), COMMENT: Prisma.raw(`"CommentStatus"`) } as const;

/** Members of each campaign in one status (what a campaign row counts and acts on). */
export async function campaignMemberCounts(type: TargetType, status: string, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ campaignId: string; n: bigint }[]>`
    SELECT "campaignId", count(*) AS n FROM ${TABLE[type]}
    WHERE "campaignId" = ANY(${campaignIds}::text[]) AND status = ${status}::${STATUS_TYPE[type]}
    GROUP BY "campaignId"`;
  return new Map(rows.map((r) => [r.campaignId, Number(r.n)]));
}

type AccountKey = "accountDomain" | "accountOrganisationId";

/**
 * Distinct accounts per (consultation, key) among the inputs in one status, for the keys on a page: one index range
 * per key value ((key, status, arrival)), submissions and comments together. Keys are recorded at intake
 * (lib/moderation/accounts.ts); nothing is derived here.
 */
export async function accountCounts(column: AccountKey, status: string, consultationIds: string[], values: string[]): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  const col = Prisma.raw(`"${column}"`);
  const rows = await db.$queryRaw<{ consultationId: string; key: string; n: bigint }[]>`
    SELECT "consultationId", key, count(DISTINCT "authorId") AS n FROM (
      SELECT "consultationId", ${col} AS key, "authorId" FROM "Submission"
      WHERE ${col} = ANY(${values}::text[]) AND status = ${status}::"SubmissionStatus" AND "consultationId" = ANY(${consultationIds}::text[])
      UNION ALL
      SELECT "consultationId", ${col} AS key, "authorId" FROM "Comment"
      WHERE ${col} = ANY(${values}::text[]) AND status = ${status}::"CommentStatus" AND "consultationId" = ANY(${consultationIds}::text[])
    ) x GROUP BY "consultationId", key`;
  return new Map(rows.map((r) => [`${r.consultationId}:${r.key}`, Number(r.n)]));
}

/**
 * One page of the queue. Each branch is one ordered range scan of a (status, arrival) index with LIMIT; a campaign
 * shows at its oldest member in the view, checked with one index probe per row, so the first page costs the same
 * with a hundred or a hundred thousand inputs waiting.
 */
export async function listQueue(
  actor: Actor | null,
  raw: unknown,
): Promise<{ items: QueueItem[]; nextCursor: string | null; filter: QueueFilter; accounts: AccountsFilter } | null> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const parsed = QueueFilterSchema.safeParse(raw);
  const filter: QueueFilter = parsed.success ? parsed.data : { view: "PENDING" };
  const consultation = filter.consultation ? await db.consultation.findUnique({ where: { slug: filter.consultation }, select: { id: true } }) : null;
  const filterOrganisation = filter.organisation
    ? await db.organisation.findUnique({ where: { id: filter.organisation }, select: { id: true, name: true } })
    : null;
  const accounts: AccountsFilter = { domain: filter.domain ?? null, organisation: filterOrganisation ?? (filter.organisation ? { id: filter.organisation, name: filter.organisation } : null) };
  if (filter.consultation && !consultation) return { items: [], nextCursor: null, filter, accounts };

  const after = decodeCursor(filter.cursor);
  const limit = QUEUE_PAGE + 1;
  const conds = (alias: "i" | "o", type: TargetType) => {
    const a = Prisma.raw(alias);
    const parts: Prisma.Sql[] = [Prisma.sql`${a}.status = ${filter.view}::${STATUS_TYPE[type]}`];
    if (consultation) parts.push(Prisma.sql`${a}."consultationId" = ${consultation.id}`);
    if (filter.group) parts.push(Prisma.sql`${a}."stakeholderGroup" = ${filter.group}::"StakeholderGroup"`);
    if (filter.language) parts.push(Prisma.sql`${a}.language = ${filter.language}`);
    if (filter.domain) parts.push(Prisma.sql`${a}."accountDomain" = ${filter.domain}`);
    if (filter.organisation) parts.push(Prisma.sql`${a}."accountOrganisationId" = ${filter.organisation}`);
    return Prisma.join(parts, " AND ");
  };
  const branch = (type: TargetType) => {
    const at = ARRIVED[type];
    const cursor = after ? Prisma.sql` AND i.${at} >= ${after.at} AND (i.${at} > ${after.at} OR ${`${type}_`} || i.id > ${after.key})` : Prisma.empty;
    return Prisma.sql`(SELECT ${type}::text AS type, i.id, i.${at} AS arrived, i."campaignId" FROM ${TABLE[type]} i
      WHERE ${conds("i", type)}${cursor}
        AND (i."campaignId" IS NULL OR NOT EXISTS (
          SELECT 1 FROM ${TABLE[type]} o WHERE o."campaignId" = i."campaignId" AND ${conds("o", type)}
            AND (o.${at} < i.${at} OR (o.${at} = i.${at} AND o.id < i.id))))
      ORDER BY i.${at} ASC, i.id ASC LIMIT ${limit})`;
  };
  const branches: Prisma.Sql[] = [];
  if (filter.type !== "COMMENT") branches.push(branch("SUBMISSION"));
  if (filter.type !== "SUBMISSION") branches.push(branch("COMMENT"));
  const rows = await db.$queryRaw<Row[]>`
    SELECT type, id, arrived, "campaignId" FROM (${Prisma.join(branches, " UNION ALL ")}) q
    ORDER BY arrived ASC, type || '_' || id ASC
    LIMIT ${limit}`;
  const page = rows.slice(0, QUEUE_PAGE);
  const subIds = page.filter((r) => r.type === "SUBMISSION").map((r) => r.id);
  const comIds = page.filter((r) => r.type === "COMMENT").map((r) => r.id);
  const campaignIdsOf = (type: TargetType) => [...new Set(page.flatMap((r) => (r.type === type && r.campaignId ? [r.campaignId] : [])))];
  const [subs, comments, campaigns, subCounts, comCounts] = await Promise.all([
    subIds.length ? db.submission.findMany({ where: { id: { in: subIds } }, include: { consultation: { select: { slug: true, title: true } } } }) : [],
    comIds.length
      ? db.comment.findMany({
          where: { id: { in: comIds } },
          include: { consultation: { select: { slug: true, title: true } }, draft: { select: { title: true } }, paragraph: { select: { number: true } }, submission: { select: { reference: true } } },
        })
      : [],
    db.campaign.findMany({ where: { id: { in: [...campaignIdsOf("SUBMISSION"), ...campaignIdsOf("COMMENT")] } }, select: { id: true, label: true } }),
    campaignMemberCounts("SUBMISSION", filter.view, campaignIdsOf("SUBMISSION")),
    campaignMemberCounts("COMMENT", filter.view, campaignIdsOf("COMMENT")),
  ]);
  const linked = [...subs, ...comments];
  const consultationIds = [...new Set(linked.map((i) => i.consultationId))];
  const domains = [...new Set(linked.flatMap((i) => (i.accountDomain ? [i.accountDomain] : [])))];
  const organisationIds = [...new Set(linked.flatMap((i) => (i.accountOrganisationId ? [i.accountOrganisationId] : [])))];
  const [byDomain, byOrganisation, organisations] = await Promise.all([
    accountCounts("accountDomain", filter.view, consultationIds, domains),
    accountCounts("accountOrganisationId", filter.view, consultationIds, organisationIds),
    organisationIds.length ? db.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, name: true } }) : [],
  ]);
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const shared = (i: { consultationId: string; accountDomain: string | null; accountOrganisationId: string | null }) => {
    const d = i.accountDomain ? (byDomain.get(`${i.consultationId}:${i.accountDomain}`) ?? 0) : 0;
    const o = i.accountOrganisationId ? (byOrganisation.get(`${i.consultationId}:${i.accountOrganisationId}`) ?? 0) : 0;
    return {
      sharedDomain: i.accountDomain && d >= 2 ? { domain: i.accountDomain, accounts: d } : null,
      sharedOrganisation: i.accountOrganisationId && o >= 2 ? { id: i.accountOrganisationId, name: organisationName.get(i.accountOrganisationId) ?? "", accounts: o } : null,
    };
  };
  const subById = new Map(subs.map((s) => [s.id, s]));
  const comById = new Map(comments.map((c) => [c.id, c]));
  const labelOf = new Map(campaigns.map((c) => [c.id, c.label]));
  const items: QueueItem[] = [];
  for (const row of page) {
    const counts = row.type === "SUBMISSION" ? subCounts : comCounts;
    const campaign = row.campaignId ? { id: row.campaignId, label: labelOf.get(row.campaignId) ?? "", count: counts.get(row.campaignId) ?? 1 } : null;
    if (row.type === "SUBMISSION") {
      const s = subById.get(row.id);
      if (!s) continue;
      items.push({
        type: "SUBMISSION", id: s.id, version: s.version, status: s.status, reference: s.reference, title: s.title, body: s.body,
        authorName: s.contributorName, organisationName: s.organisationName, stakeholderGroup: s.stakeholderGroup, country: s.country,
        language: s.language, arrivedAt: row.arrived, overBalance: s.overBalance, moderationNote: s.moderationNote, consultation: s.consultation, context: null, campaign,
        ...shared(s),
      });
    } else {
      const c = comById.get(row.id);
      if (!c) continue;
      const where = c.draft ? `${c.draft.title}${c.paragraph?.number ? ` ¶${c.paragraph.number}` : ""}` : (c.submission?.reference ?? null);
      items.push({
        type: "COMMENT", id: c.id, version: c.version, status: c.status, reference: null, title: null, body: c.body,
        authorName: c.authorName, organisationName: c.organisationName, stakeholderGroup: c.stakeholderGroup, country: c.country,
        language: c.language, arrivedAt: row.arrived, overBalance: c.overBalance, moderationNote: c.moderationNote, consultation: c.consultation, context: where, campaign,
        ...shared(c),
      });
    }
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > QUEUE_PAGE && last ? encodeCursor(last) : null, filter, accounts };
}

/**
 * Consultations and languages for the queue's filter menus. The languages are those the forms offer (and that
 * comments are written in), not a scan of every input's language on every visit.
 */
export async function queueFilterOptions() {
  const consultations = await db.consultation.findMany({ orderBy: { createdAt: "desc" }, select: { slug: true, title: true }, take: 500 });
  return { consultations, languages: [...LANGUAGES].sort() };
}
