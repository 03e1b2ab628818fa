// dispositions (reads): per-version counts by stakeholder group and disposition, the secretariat's working view
// (comments of a version grouped by paragraph, campaigns collapsed) and the public disposition table. Every count
// is a query over the comments and their current answers: nothing is stored twice.
import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { ConsultationStatus, type StakeholderGroup } from "../db/generated/enums";
import { hasRole, type Actor } from "../auth/session-roles";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { isDispositionKind, type DispositionKindName } from "./kinds";
import { TableQuerySchema, WorkFilterSchema, type TableQuery, type WorkFilter } from "./schema";
import { suggestParagraph } from "./suggest";
import { dispositionViewOf, dispositionViewSelect, type DispositionView } from "./view";

export interface CountCell {
  total: number;
  byKind: Record<DispositionKindName, number>;
  /** published comments with no answer yet */
  none: number;
}
export interface DispositionCounts {
  /** groups that commented, in the IGF's order (unclassified last) */
  groups: (CountCell & { group: StakeholderGroup })[];
  all: CountCell;
}

const emptyCell = (): CountCell => ({ total: 0, byKind: { ACCEPTED: 0, PARTLY_ACCEPTED: 0, NOT_ACCEPTED: 0, OUT_OF_SCOPE: 0, ANSWERED: 0 }, none: 0 });

/** Answerable comments: published, opening a thread (replies are discussion, not separate comments). */
const ANSWERABLE = Prisma.sql`c."parentId" IS NULL AND c.status = 'PUBLISHED'`;

async function countsWhere(where: Prisma.Sql): Promise<DispositionCounts> {
  const rows = await db.$queryRaw<{ group: StakeholderGroup; kind: string | null; n: number }[]>`
    SELECT c."stakeholderGroup"::text AS "group", d.kind::text AS kind, count(*)::int AS n
    FROM "Comment" c LEFT JOIN "CommentDisposition" d ON d."commentId" = c.id AND d.current
    WHERE ${where} AND ${ANSWERABLE}
    GROUP BY 1, 2`;
  const byGroup = new Map<StakeholderGroup, CountCell>();
  const all = emptyCell();
  for (const row of rows) {
    const cell = byGroup.get(row.group) ?? emptyCell();
    byGroup.set(row.group, cell);
    for (const target of [cell, all]) {
      target.total += row.n;
      if (row.kind === null) target.none += row.n;
      else if (isDispositionKind(row.kind)) target.byKind[row.kind] += row.n;
    }
  }
  return { groups: INPUT_GROUPS.flatMap((g) => { const cell = byGroup.get(g); return cell ? [{ group: g, ...cell }] : []; }), all };
}

/** Answers to the comments on one version, by stakeholder group and disposition. */
export function versionDispositionCounts(versionId: string): Promise<DispositionCounts> {
  return countsWhere(Prisma.sql`c."draftVersionId" = ${versionId}`);
}

/**
 * The same over a whole consultation, for its closing page: comments on every version that has been followed by a
 * new one (comments on a draft's current version cannot have been answered yet, so they are not counted as unanswered).
 */
export function consultationDispositionCounts(consultationId: string): Promise<DispositionCounts> {
  return countsWhere(Prisma.sql`c."consultationId" = ${consultationId} AND EXISTS (
    SELECT 1 FROM "DraftVersion" v JOIN "DraftVersion" n ON n."draftId" = v."draftId" AND n.number = v.number + 1
    WHERE v.id = c."draftVersionId")`);
}

export interface VersionProgress {
  id: string;
  number: number;
  publishedAt: Date;
  /** a later version exists, so its comments can be answered */
  answerable: boolean;
  comments: number;
  answered: number;
}

/** Each version of a draft with how many of its comments have an answer. */
export async function dispositionProgress(draftId: string): Promise<VersionProgress[]> {
  const rows = await db.$queryRaw<{ id: string; number: number; publishedAt: Date; comments: number; answered: number }[]>`
    SELECT v.id, v.number, v."publishedAt", count(c.id)::int AS comments, count(d.id)::int AS answered
    FROM "DraftVersion" v
    LEFT JOIN "Comment" c ON c."draftVersionId" = v.id AND ${ANSWERABLE}
    LEFT JOIN "CommentDisposition" d ON d."commentId" = c.id AND d.current
    WHERE v."draftId" = ${draftId}
    GROUP BY v.id, v.number, v."publishedAt" ORDER BY v.number`;
  const last = rows.at(-1)?.number ?? 0;
  return rows.map((r) => ({ ...r, answerable: r.number < last }));
}

// ---------------------------------------------------------------------------------------------------------------
// The secretariat's working view

export const WORK_PAGE = 50;

export interface NextParagraphOption {
  id: string;
  anchorId: string;
  number: number;
  text: string;
}

export interface WorkRow {
  /** what the form sends: one comment as seen, or a whole campaign */
  selection: string;
  commentId: string;
  commentRevision: number;
  revision: number;
  authorName: string;
  organisationName: string | null;
  group: StakeholderGroup;
  country: string;
  createdAt: Date;
  body: string;
  proposedText: string | null;
  /** near-identical comments on this version (in this view), shown as this one row */
  campaign: { id: string; count: number } | null;
  disposition: DispositionView | null;
  history: { revision: number; kind: DispositionKindName; reason: string; at: Date; by: string | null; paragraph: number | null; current: boolean }[];
  suggested: NextParagraphOption | null;
}

export interface WorkGroup {
  key: string;
  /** the paragraph of the version being answered; null for comments on the whole draft */
  paragraph: { number: number | null; text: string; anchorId: string } | null;
  /** the same paragraph in the next version, or null when that version removed it */
  next: { number: number | null; text: string; change: string } | null;
  rows: WorkRow[];
}

interface WorkIdRow {
  id: string;
  campaignId: string | null;
  createdAt: Date;
  pos: number;
  members: bigint;
}

function encodeWorkCursor(row: { pos: number; createdAt: Date; id: string }): string {
  return `${row.pos}_${row.createdAt.toISOString()}_${row.id}`;
}

function decodeWorkCursor(cursor: string | undefined): { pos: number; at: Date; id: string } | null {
  const match = cursor ? /^(-?\d{1,7})_(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]{1,64})$/.exec(cursor) : null;
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const at = new Date(match[2]);
  return Number.isNaN(at.getTime()) ? null : { pos: Number(match[1]), at, id: match[3] };
}

export async function findDraftBySlugs(consultationSlug: string, draftSlug: string, publicOnly: boolean) {
  return db.draftDocument.findFirst({
    where: { slug: draftSlug, consultation: { slug: consultationSlug, ...(publicOnly ? { status: ConsultationStatus.PUBLISHED } : {}) } },
    select: {
      id: true, slug: true, title: true,
      consultation: { select: { id: true, slug: true, title: true } },
      versions: { orderBy: { number: "asc" }, select: { id: true, number: true, publishedAt: true } },
    },
  });
}

/**
 * One page of the working view: the comments of one version (the latest answerable by default), ordered by
 * paragraph then time, grouped by paragraph; a campaign shows as its first member with the number of members.
 * Secretariat only (null otherwise).
 */
export async function listDispositionWork(actor: Actor | null, consultationSlug: string, draftSlug: string, raw: unknown) {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const draft = await findDraftBySlugs(consultationSlug, draftSlug, false);
  if (!draft) return null;
  const parsed = WorkFilterSchema.safeParse(raw);
  const filter: WorkFilter = parsed.success ? parsed.data : { pending: false };
  const answerable = draft.versions.slice(0, -1);
  const version = (filter.version !== undefined ? answerable.find((v) => v.number === filter.version) : undefined) ?? answerable.at(-1) ?? null;
  const next = version ? draft.versions.find((v) => v.number === version.number + 1) ?? null : null;
  if (!version || !next) return { draft, filter, answerable, version: null, next: null, groups: [], nextCursor: null, options: [], counts: null };

  const nextParagraphs = await db.paragraph.findMany({ where: { versionId: next.id }, orderBy: { position: "asc" }, select: { id: true, anchorId: true, number: true, text: true, change: true } });
  const options: NextParagraphOption[] = nextParagraphs.flatMap((p) => (p.number === null ? [] : [{ id: p.id, anchorId: p.anchorId, number: p.number, text: p.text }]));
  const nextByAnchor = new Map(nextParagraphs.map((p) => [p.anchorId, p]));

  const conds: Prisma.Sql[] = [Prisma.sql`c."draftVersionId" = ${version.id}`, ANSWERABLE];
  if (filter.group) conds.push(Prisma.sql`c."stakeholderGroup"::text = ${filter.group}`);
  if (filter.pending) conds.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "CommentDisposition" d WHERE d."commentId" = c.id AND d.current)`);
  const after = decodeWorkCursor(filter.cursor);
  const cursorCond = after ? Prisma.sql`AND (pos, "createdAt", id) > (${after.pos}, ${after.at}, ${after.id})` : Prisma.empty;
  const ids = await db.$queryRaw<WorkIdRow[]>`
    WITH items AS (
      SELECT c.id, c."campaignId", c."createdAt", COALESCE(p.position, -1) AS pos
      FROM "Comment" c LEFT JOIN "Paragraph" p ON p.id = c."paragraphId"
      WHERE ${Prisma.join(conds, " AND ")}
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY "campaignId" ORDER BY pos, "createdAt", id) AS rn,
             count(*) OVER (PARTITION BY "campaignId") AS members
      FROM items
    )
    SELECT id, "campaignId", "createdAt", pos, members FROM ranked
    WHERE ("campaignId" IS NULL OR rn = 1) ${cursorCond}
    ORDER BY pos, "createdAt", id
    LIMIT ${WORK_PAGE + 1}`;
  const page = ids.slice(0, WORK_PAGE);
  const [comments, counts] = await Promise.all([
    db.comment.findMany({
      where: { id: { in: page.map((r) => r.id) } },
      include: {
        paragraph: { select: { number: true, text: true, anchorId: true } },
        dispositions: { orderBy: { revision: "desc" }, select: { ...dispositionViewSelect, actor: { select: { name: true } } } },
      },
    }),
    versionDispositionCounts(version.id),
  ]);
  const byId = new Map(comments.map((c) => [c.id, c]));
  const groups: WorkGroup[] = [];
  for (const idRow of page) {
    const c = byId.get(idRow.id);
    if (!c) continue;
    const key = c.anchorId ?? "whole";
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      const nextP = c.anchorId ? nextByAnchor.get(c.anchorId) : undefined;
      group = {
        key,
        paragraph: c.paragraph && c.anchorId ? { number: c.paragraph.number, text: c.paragraph.text, anchorId: c.anchorId } : null,
        next: nextP ? { number: nextP.number, text: nextP.text, change: nextP.change } : null,
        rows: [],
      };
      groups.push(group);
    }
    const current = c.dispositions.find((d) => d.current);
    const members = Number(idRow.members);
    const campaign = idRow.campaignId && members > 1 ? { id: idRow.campaignId, count: members } : null;
    group.rows.push({
      selection: campaign ? `CAMPAIGN:${campaign.id}` : `COMMENT:${c.id}:${c.revision}:${current?.revision ?? 0}`,
      commentId: c.id,
      commentRevision: c.revision,
      revision: current?.revision ?? 0,
      authorName: c.authorName,
      organisationName: c.organisationName,
      group: c.stakeholderGroup,
      country: c.country,
      createdAt: c.createdAt,
      body: c.body,
      proposedText: c.proposedText,
      campaign,
      disposition: dispositionViewOf(c.dispositions, c.revision),
      history: c.dispositions.map((d) => ({ revision: d.revision, kind: d.kind, reason: d.reason, at: d.createdAt, by: d.actor?.name ?? null, paragraph: d.paragraph?.number ?? null, current: d.current })),
      suggested: suggestParagraph({ anchorId: c.anchorId, paragraphText: c.paragraph?.text ?? null, proposedText: c.proposedText }, options),
    });
  }
  const last = page.at(-1);
  return {
    draft, filter, answerable, version, next, groups, options, counts,
    nextCursor: ids.length > WORK_PAGE && last ? encodeWorkCursor(last) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The public disposition table

export const TABLE_PAGE = 100;

export interface DispositionTableRow {
  /** the comment's number in the version's table (stable whatever the filter) */
  no: number;
  commentId: string;
  anchorId: string | null;
  /** the paragraph commented on, in the version answered; null for the whole draft */
  paragraphNumber: number | null;
  section: string | null;
  authorName: string;
  organisationName: string | null;
  group: StakeholderGroup;
  createdAt: Date;
  body: string;
  proposedText: string | null;
  kind: DispositionKindName | null;
  reason: string;
  /** the paragraph of the next version that reflects the comment */
  newParagraph: { number: number; anchorId: string } | null;
  revision: number;
  answeredAt: Date | null;
  editedSince: boolean;
}

interface TableFilter {
  group?: StakeholderGroup;
  kind?: DispositionKindName | "NONE";
}

async function tableRows(versionId: string, filter: TableFilter, window: { offset?: number; afterNo?: number; limit: number }): Promise<{ rows: DispositionTableRow[]; total: number }> {
  const conds: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.group) conds.push(Prisma.sql`b."stakeholderGroup"::text = ${filter.group}`);
  if (filter.kind === "NONE") conds.push(Prisma.sql`d.id IS NULL`);
  else if (filter.kind) conds.push(Prisma.sql`d.kind::text = ${filter.kind}`);
  if (window.afterNo !== undefined) conds.push(Prisma.sql`b.no > ${window.afterNo}`);
  const ids = await db.$queryRaw<{ id: string; no: number; total: number }[]>`
    WITH base AS (
      SELECT c.id, c."stakeholderGroup", row_number() OVER (ORDER BY COALESCE(p.position, -1), c."createdAt", c.id)::int AS no
      FROM "Comment" c LEFT JOIN "Paragraph" p ON p.id = c."paragraphId"
      WHERE c."draftVersionId" = ${versionId} AND ${ANSWERABLE}
    )
    SELECT b.id, b.no, count(*) OVER ()::int AS total
    FROM base b LEFT JOIN "CommentDisposition" d ON d."commentId" = b.id AND d.current
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY b.no LIMIT ${window.limit} OFFSET ${window.offset ?? 0}`;
  if (ids.length === 0) return { rows: [], total: 0 };
  const comments = await db.comment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: {
      paragraph: { select: { number: true, sectionTitle: true } },
      dispositions: { where: { current: true }, select: dispositionViewSelect },
    },
  });
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rows = ids.flatMap((r): DispositionTableRow[] => {
    const c = byId.get(r.id);
    if (!c) return [];
    const d = c.dispositions[0];
    return [{
      no: r.no, commentId: c.id, anchorId: c.anchorId, paragraphNumber: c.paragraph?.number ?? null, section: c.paragraph?.sectionTitle ?? null,
      authorName: c.authorName, organisationName: c.organisationName, group: c.stakeholderGroup, createdAt: c.createdAt, body: c.body, proposedText: c.proposedText,
      kind: d?.kind ?? null, reason: d?.reason ?? "",
      newParagraph: d?.paragraph && d.paragraph.number !== null ? { number: d.paragraph.number, anchorId: d.paragraph.anchorId } : null,
      revision: d?.revision ?? 0, answeredAt: d?.createdAt ?? null, editedSince: d ? c.revision > d.commentRevision : false,
    }];
  });
  return { rows, total: ids[0]?.total ?? 0 };
}

export type TableContext = NonNullable<Awaited<ReturnType<typeof findDraftBySlugs>>> & {
  version: { id: string; number: number; publishedAt: Date };
  next: { id: string; number: number; publishedAt: Date };
  answerable: { id: string; number: number; publishedAt: Date }[];
};

export type TableLookup = { ok: true; context: TableContext; query: TableQuery } | { ok: false; error: "notFound" | "invalidQuery" | "noResponses"; status: 400 | 404 };

/** The draft (of a published consultation) and the version whose table is asked for: the latest answerable by default. */
export async function findDispositionTable(consultationSlug: string, draftSlug: string, raw: unknown): Promise<TableLookup> {
  const parsed = TableQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalidQuery", status: 400 };
  const draft = await findDraftBySlugs(consultationSlug, draftSlug, true);
  if (!draft || draft.versions.length === 0) return { ok: false, error: "notFound", status: 404 };
  const answerable = draft.versions.slice(0, -1);
  const version = parsed.data.version === undefined ? answerable.at(-1) : draft.versions.find((v) => v.number === parsed.data.version);
  if (parsed.data.version !== undefined && !version) return { ok: false, error: "notFound", status: 404 };
  const next = version ? draft.versions.find((v) => v.number === version.number + 1) : undefined;
  if (!version || !next) return { ok: false, error: "noResponses", status: 404 };
  return { ok: true, context: { ...draft, version, next, answerable }, query: parsed.data };
}

/** Anchors of the draft's latest version: where a comment is read in context (see commentHref). */
export async function latestAnchorsOf(context: Pick<TableContext, "versions">): Promise<Set<string>> {
  const latest = context.versions.at(-1);
  if (!latest) return new Set();
  const rows = await db.paragraph.findMany({ where: { versionId: latest.id, number: { not: null } }, select: { anchorId: true } });
  return new Set(rows.map((r) => r.anchorId));
}

export async function dispositionTablePage(context: TableContext, query: TableQuery) {
  const [{ rows, total }, counts, latestAnchors] = await Promise.all([
    tableRows(context.version.id, query, { offset: (query.page - 1) * TABLE_PAGE, limit: TABLE_PAGE }),
    versionDispositionCounts(context.version.id),
    latestAnchorsOf(context),
  ]);
  return { rows, total, counts, latestAnchors, pages: Math.max(1, Math.ceil(total / TABLE_PAGE)) };
}

/** Every row of the table (for the downloads), in batches so a version with thousands of comments stays flat. */
export async function* allDispositionRows(versionId: string, filter: TableFilter = {}, batch = 1000): AsyncGenerator<DispositionTableRow[]> {
  let afterNo = 0;
  for (;;) {
    const { rows } = await tableRows(versionId, filter, { afterNo, limit: batch });
    if (rows.length === 0) return;
    yield rows;
    afterNo = rows.at(-1)?.no ?? afterNo;
    if (rows.length < batch) return;
  }
}

