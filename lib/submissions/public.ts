// Published contributions as the public (pages, JSON API, CSV export) sees them: filters, full-text search with
// highlights, newest/oldest/balanced order, keyset pagination. Never returns private fields.
// Hidden contributions are listed too (transparency: nothing disappears silently), as a notice without their text.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { countFromCounters, countThemeFromCounters, submissionCounts } from "../balance/counts";
import { campaignSizes } from "../moderation/campaigns";
import { PUBLIC_STATUSES, publicViewOf } from "../moderation/public";
import { Prisma } from "../db/generated/client";
import type { StakeholderGroup } from "../db/generated/enums";
import { INPUT_REGIONS, isKnownCountry, UNKNOWN_COUNTRY } from "../geo/countries";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { decodeCursor, encodeCursor, interleave, type Cursor, type Key, type Row, type Sort } from "./cursor";
import { LANGUAGES } from "./language";
import { PAGE_SIZE, SEARCH_MAX } from "./limits";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Query parameters of the list page and of the API: the same names, the same rules. */
export const ListQuerySchema = z.object({
  theme: optional(z.string().max(80).regex(/^[a-z0-9-]+$/, { error: "theme" })),
  group: optional(z.enum(INPUT_GROUPS, { error: "group" })),
  region: optional(z.enum(INPUT_REGIONS, { error: "region" })),
  country: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "country" })),
  language: optional(z.enum(LANGUAGES, { error: "language" })),
  organisation: optional(z.string().trim().max(200, { error: "organisation" })),
  q: optional(z.string().trim().max(SEARCH_MAX, { error: "q" })),
  sort: z.preprocess((v) => (v === "" || v === undefined ? "newest" : v), z.enum(["newest", "oldest", "balanced"], { error: "sort" })),
  cursor: optional(z.string().max(2000, { error: "cursor" })),
  limit: z.preprocess((v) => (v === "" || v === undefined ? PAGE_SIZE : v), z.coerce.number({ error: "limit" }).int({ error: "limit" }).min(1, { error: "limit" }).max(100, { error: "limit" })),
});

export type ListQuery = z.infer<typeof ListQuerySchema>;

/** Parses URL search params; the error lists the offending parameter names. */
export function parseListQuery(params: URLSearchParams | Record<string, string | string[] | undefined>):
  | { ok: true; query: ListQuery; cursor: Cursor | null }
  | { ok: false; invalid: string[] } {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ListQuerySchema.safeParse(entries);
  if (!parsed.success) return { ok: false, invalid: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "query")))] };
  const query = parsed.data;
  if (!query.cursor) return { ok: true, query, cursor: null };
  const cursor = decodeCursor(query.cursor, query.sort as Sort);
  return cursor ? { ok: true, query, cursor } : { ok: false, invalid: ["cursor"] };
}

const publicSelect = {
  id: true, reference: true, title: true, body: true, language: true, stakeholderGroup: true, country: true, region: true, developing: true,
  visibility: true, contributorName: true, organisationName: true, onBehalfOf: true, source: true, receivedAt: true, submittedAt: true, publishedAt: true,
  status: true, moderationNote: true, overBalance: true, campaignId: true,
  themes: { select: { theme: { select: { slug: true, title: true } } }, orderBy: [{ theme: { position: "asc" } }, { themeId: "asc" }] as Prisma.SubmissionThemeOrderByWithRelationInput[] },
  attachments: { select: { id: true, filename: true, size: true, mimeType: true, sha256: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.AttachmentOrderByWithRelationInput[] },
} as const;

type PublicRow = Prisma.SubmissionGetPayload<{ select: typeof publicSelect }>;

export interface PublicContribution {
  reference: string;
  /** Null when the secretariat hid the contribution: its text never leaves this module. */
  title: string | null;
  body: string | null;
  hidden: boolean;
  /** The secretariat's public reason for hiding it ("" when none was given); null unless hidden. */
  hiddenReason: string | null;
  /** Published after its group's cap was reached (the phase closed, or the secretariat justified it). */
  overBalance: boolean;
  /** One of a group of near-identical inputs (mass campaign), with the group's size. */
  campaign: { id: string; size: number } | null;
  language: string;
  themes: { slug: string; title: string }[];
  stakeholderGroup: StakeholderGroup;
  country: string;
  region: string;
  developing: boolean;
  /** Null when the contributor chose to be published without a name. */
  contributorName: string | null;
  organisationName: string | null;
  anonymous: boolean;
  imported: boolean;
  submittedAt: Date | null;
  publishedAt: Date | null;
  attachments: { id: string; filename: string; size: number; mimeType: string; sha256: string }[];
  /** Search excerpt: text with \u0001...\u0002 around matched words (render them as <mark>); never for hidden items. */
  highlight?: string;
}

/**
 * The only way a published row leaves this module: the author of an anonymous contribution is dropped here, and so
 * are the title, text and attachments of a hidden one.
 */
export function toPublic(row: PublicRow, campaigns: Map<string, number>, highlight?: string): PublicContribution {
  const anonymous = row.visibility === "PUBLIC_ANONYMOUS";
  const view = publicViewOf(row);
  return {
    reference: row.reference,
    title: view.hidden ? null : row.title,
    body: view.hidden ? null : row.body,
    hidden: view.hidden,
    hiddenReason: view.hidden ? view.reason : null,
    overBalance: row.overBalance,
    campaign: row.campaignId ? { id: row.campaignId, size: campaigns.get(row.campaignId) ?? 1 } : null,
    language: row.language,
    themes: row.themes.map((t) => t.theme),
    stakeholderGroup: row.stakeholderGroup,
    country: row.country,
    region: row.region,
    developing: row.developing,
    contributorName: anonymous ? null : row.contributorName,
    organisationName: anonymous ? null : row.organisationName,
    anonymous,
    imported: row.source === "IMPORT",
    submittedAt: row.submittedAt ?? row.receivedAt,
    publishedAt: row.publishedAt,
    attachments: view.hidden ? [] : row.attachments,
    ...(highlight === undefined || view.hidden ? {} : { highlight }),
  };
}

async function campaignsOf(rows: { campaignId: string | null }[]): Promise<Map<string, number>> {
  return campaignSizes(db, rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])));
}

type Listed = (typeof PUBLIC_STATUSES)[number];

/** A search looks into the text, so it only ever matches published items: a hidden text must not be findable. */
function statusesOf(q: ListQuery): Listed[] {
  return q.q ? ["PUBLISHED"] : [...PUBLIC_STATUSES];
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * WHERE clause shared by every list, count and export. Only published (and hidden) rows, ever. Ordered reads pass
 * one status at a time, so each stays a range scan of the (consultationId, status, [stakeholderGroup,] publishedAt, id)
 * indexes: `status IN (...)` would make Postgres read and sort every row of the consultation.
 */
function whereOf(consultationId: string, q: ListQuery, statuses: readonly Listed[] = statusesOf(q)): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`s."consultationId" = ${consultationId}`,
    statuses.length === 1
      ? Prisma.sql`s."status" = ${statuses[0]}::"SubmissionStatus"`
      : Prisma.sql`s."status" IN (${Prisma.join(statuses.map((st) => Prisma.sql`${st}::"SubmissionStatus"`))})`,
    Prisma.sql`s."publishedAt" IS NOT NULL`,
  ];
  if (q.theme) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "SubmissionTheme" st JOIN "Theme" t ON t."id" = st."themeId" WHERE st."submissionId" = s."id" AND t."slug" = ${q.theme})`);
  }
  if (q.group) parts.push(Prisma.sql`s."stakeholderGroup" = ${q.group}::"StakeholderGroup"`);
  if (q.region) parts.push(Prisma.sql`s."region" = ${q.region}::"UnRegion"`);
  if (q.country) parts.push(Prisma.sql`s."country" = ${q.country}`);
  if (q.language) parts.push(Prisma.sql`s."language" = ${q.language}`);
  // Anonymous contributions never match an organisation: the filter would reveal who wrote them.
  if (q.organisation) parts.push(Prisma.sql`s."visibility" = 'PUBLIC_NAMED' AND s."organisationName" ILIKE ${likePattern(q.organisation)}`);
  if (q.q) parts.push(Prisma.sql`s."searchVector" @@ websearch_to_tsquery('simple', ${q.q})`);
  return Prisma.join(parts, " AND ");
}

const KEY_COLUMNS = Prisma.sql`s."id", to_char(s."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", s."stakeholderGroup"::text AS "group", s."publishedAt" AS "p"`;

function after(key: Key, direction: "asc" | "desc"): Prisma.Sql {
  return direction === "desc"
    ? Prisma.sql`(s."publishedAt", s."id") < (${key.at}::timestamp(3), ${key.id})`
    : Prisma.sql`(s."publishedAt", s."id") > (${key.at}::timestamp(3), ${key.id})`;
}

/**
 * The first `limit` keys matching the filters (and `extra`) in (publishedAt, id) order: one ordered index range scan per
 * listed status, LIMITed, merged by an outer sort of at most 2 × limit rows.
 */
function orderedKeys(consultationId: string, query: ListQuery, extra: Prisma.Sql, direction: "asc" | "desc", limit: number, source: Prisma.Sql = SUBMISSIONS): Prisma.Sql {
  const order = direction === "desc" ? Prisma.sql`s."publishedAt" DESC, s."id" DESC` : Prisma.sql`s."publishedAt" ASC, s."id" ASC`;
  const branches = statusesOf(query).map(
    (status) => Prisma.sql`(SELECT ${KEY_COLUMNS} FROM ${source} s WHERE ${whereOf(consultationId, query, [status])}${extra} ORDER BY ${order} LIMIT ${limit})`,
  );
  if (branches.length === 1) return branches[0] ?? Prisma.empty;
  const outer = direction === "desc" ? Prisma.sql`k."p" DESC, k."id" DESC` : Prisma.sql`k."p" ASC, k."id" ASC`;
  return Prisma.sql`(SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) k ORDER BY ${outer} LIMIT ${limit})`;
}

const SUBMISSIONS = Prisma.sql`"Submission"`;
/** A search matching at most this many is listed from its match set (found through the GIN index), not by walking the order. */
const SMALL_MATCH = 2_000;

/**
 * A search's WHERE clause for finding its matches: only the text condition is left indexable (the rest is wrapped in
 * IS TRUE and checked per match), so for a rare word the planner reads the GIN index alone instead of ANDing it with a
 * bitmap of every contribution of the consultation, which grows with the consultation.
 */
function searchWhere(consultationId: string, query: ListQuery): Prisma.Sql {
  return Prisma.sql`s."searchVector" @@ websearch_to_tsquery('simple', ${query.q ?? ""}) AND (${whereOf(consultationId, { ...query, q: undefined }, statusesOf(query))}) IS TRUE`;
}

/** A search's matches, counted up to SMALL_MATCH + 1: decides how its page is read, and is the count the page shows. */
async function searchMatches(consultationId: string, query: ListQuery): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "Submission" s WHERE ${searchWhere(consultationId, query)} LIMIT ${SMALL_MATCH + 1}) m`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * For a search, where to read from: a word found in few contributions is looked up in the GIN index and its matches
 * sorted (a materialised CTE keeps the planner from walking the whole (publishedAt, id) index looking for them);
 * a common word keeps the ordered walk, which finds a page of matches at once. `matches` is searchMatches' answer
 * when the caller already has it.
 */
async function sourceOf(consultationId: string, query: ListQuery, matches?: number): Promise<{ prefix: Prisma.Sql; source: Prisma.Sql }> {
  const none = { prefix: Prisma.empty, source: SUBMISSIONS };
  if (!query.q) return none;
  if ((matches ?? (await searchMatches(consultationId, query))) > SMALL_MATCH) return none;
  return {
    prefix: Prisma.sql`WITH "matched" AS MATERIALIZED (SELECT s.* FROM "Submission" s WHERE ${searchWhere(consultationId, query)}) `,
    source: Prisma.sql`"matched"`,
  };
}

async function keysInOrder(consultationId: string, query: ListQuery, cursor: Cursor | null, matches?: number): Promise<{ keys: Row[]; next: Cursor | null }> {
  const limit = query.limit;
  const { prefix, source } = await sourceOf(consultationId, query, matches);
  if (query.sort === "balanced") {
    const previous = cursor?.sort === "balanced" ? cursor.after : {};
    const start = cursor?.sort === "balanced" ? cursor.next : 0;
    // Index range scans per group and status (consultationId, status, stakeholderGroup, publishedAt, id), each LIMIT n+1.
    const branches = INPUT_GROUPS.map((group) => {
      const key = previous[group];
      const cond = key ? Prisma.sql` AND ${after(key, "desc")}` : Prisma.empty;
      return orderedKeys(consultationId, query, Prisma.sql` AND s."stakeholderGroup" = ${group}::"StakeholderGroup"${cond}`, "desc", limit + 1, source);
    });
    const rows = await db.$queryRaw<Row[]>`${prefix}${Prisma.join(branches, " UNION ALL ")}`;
    const lists = new Map<StakeholderGroup, Row[]>();
    for (const row of rows) lists.set(row.group, [...(lists.get(row.group) ?? []), row]);
    const { page, next } = interleave(lists, limit, start, previous);
    return { keys: page, next };
  }
  const direction = query.sort === "oldest" ? "asc" : "desc";
  const cond = cursor && cursor.sort === query.sort ? Prisma.sql` AND ${after(cursor.after, direction)}` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`${prefix}${orderedKeys(consultationId, query, cond, direction, limit + 1, source)}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: Cursor | null = rows.length > limit && last ? { sort: query.sort, after: { at: last.at, id: last.id } } : null;
  return { keys: page, next };
}

async function highlightsOf(ids: string[], q: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // Control characters as markers: the caller escapes the text and turns them into <mark>, so nothing from the
  // body is ever interpreted as HTML.
  const rows = await db.$queryRaw<{ id: string; h: string }[]>`
    SELECT s."id", ts_headline('simple', s."title" || ' — ' || s."body", websearch_to_tsquery('simple', ${q}),
      'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS "h"
    FROM "Submission" s WHERE s."id" IN (${Prisma.join(ids)}) AND s."status" = 'PUBLISHED'`;
  return new Map(rows.map((r) => [r.id, r.h]));
}

export interface ContributionPage {
  items: PublicContribution[];
  nextCursor: string | null;
}

export async function listPublishedContributions(consultationId: string, query: ListQuery, cursor: Cursor | null, matches?: number): Promise<ContributionPage> {
  const { keys, next } = await keysInOrder(consultationId, query, cursor, matches);
  const ids = keys.map((k) => k.id);
  const [rows, highlights] = await Promise.all([
    ids.length ? db.submission.findMany({ where: { id: { in: ids } }, select: publicSelect }) : Promise.resolve([]),
    query.q ? highlightsOf(ids, query.q) : Promise.resolve(new Map<string, string>()),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const campaigns = await campaignsOf(rows);
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toPublic(row, campaigns, query.q ? highlights.get(id) ?? "" : undefined)] : [];
  });
  return { items, nextCursor: next ? encodeCursor(next) : null };
}

/**
 * The public list as the page and the API load it. A read only: held inputs are published once the phase closes by
 * the balance jobs (lib/balance/tasks.ts), not by whoever happens to load the list.
 */
export async function loadPublicContributions(
  consultationId: string, query: ListQuery, cursor: Cursor | null, options: { withTotal?: boolean } = {},
): Promise<ContributionPage & { total: MatchCount | null }> {
  // A search's matches are counted once: the count decides how the page is read and, capped, is the count shown.
  const matches = query.q ? await searchMatches(consultationId, query) : undefined;
  const [page, total] = await Promise.all([
    listPublishedContributions(consultationId, query, cursor, matches),
    options.withTotal ? countPublishedContributions(consultationId, query, matches) : Promise.resolve(null),
  ]);
  return { ...page, total };
}

/** Past this many matches the list says "More than 10,000" instead of counting on. */
export const COUNT_CAP = 10_000;
/** A search counts its matches up to this many ("More than 2,000"): the count is the one that picks its plan. */
export const SEARCH_COUNT_CAP = SMALL_MATCH;

export interface MatchCount {
  count: number;
  /** true when there are more than `count` (COUNT_CAP, or SEARCH_COUNT_CAP for a search) matches */
  capped: boolean;
}

/**
 * How many match the filters (shown above the list, hidden items included as they are listed). Without filters, or
 * with only group, region and language, or with only a theme, from the counters (lib/balance/counts.ts), whatever the
 * size; a search up to SEARCH_COUNT_CAP + 1 (searchMatches, which the list reads anyway); otherwise counted up to
 * COUNT_CAP + 1 over the same WHERE clause, so a broad filter never counts a million rows.
 */
export async function countPublishedContributions(consultationId: string, query: ListQuery, matches?: number): Promise<MatchCount> {
  if (query.q) {
    const n = matches ?? (await searchMatches(consultationId, query));
    return n > SEARCH_COUNT_CAP ? { count: SEARCH_COUNT_CAP, capped: true } : { count: n, capped: false };
  }
  if (!query.q && !query.theme && !query.country && !query.organisation) {
    const count = await countFromCounters(consultationId, statusesOf(query), { group: query.group, region: query.region, language: query.language });
    return { count, capped: false };
  }
  if (query.theme && !query.q && !query.country && !query.organisation && !query.group && !query.region && !query.language) {
    return { count: await countThemeFromCounters(consultationId, statusesOf(query), query.theme), capped: false };
  }
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "Submission" s WHERE ${whereOf(consultationId, query)} LIMIT ${COUNT_CAP + 1}) m`;
  const n = Number(rows[0]?.n ?? 0);
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
}

/** A published contribution, or a hidden one (as a notice: toPublic drops its text), for its permalink page. */
export async function getPublishedContribution(slug: string, reference: string): Promise<PublicContribution | null> {
  const row = await db.submission.findFirst({
    where: { reference, status: { in: [...PUBLIC_STATUSES] }, consultation: { slug, status: "PUBLISHED" } },
    select: publicSelect,
  });
  return row ? toPublic(row, await campaignsOf([row])) : null;
}

/**
 * Published contributions by stakeholder group and by UN region, for the consultation page and the API. Hidden ones
 * are not counted: these shares describe the inputs the public can read, as the balance policy's shares do.
 * Unclassified contributions and those of unknown country have their own keys (UNCLASSIFIED, UNKNOWN) and are in
 * the total: nothing published goes uncounted.
 */
export async function contributionCounts(consultationId: string) {
  // From the counters: one aggregate whatever the number of contributions.
  const { cells } = await submissionCounts(consultationId);
  const published = cells.filter((c) => c.status === "PUBLISHED");
  const byGroup = Object.fromEntries(INPUT_GROUPS.map((g) => [g, 0])) as Record<StakeholderGroup, number>;
  const byRegion = Object.fromEntries(INPUT_REGIONS.map((r) => [r, 0])) as Record<(typeof INPUT_REGIONS)[number], number>;
  for (const cell of published) {
    if (cell.stakeholderGroup !== null && cell.stakeholderGroup in byGroup) byGroup[cell.stakeholderGroup] += cell.n;
    if (cell.region !== null && cell.developing === null && cell.region in byRegion) byRegion[cell.region as (typeof INPUT_REGIONS)[number]] += cell.n;
  }
  const total = Object.values(byGroup).reduce((a, b) => a + b, 0);
  return { total, byGroup, byRegion };
}

/**
 * The countries and languages the consultation's published contributions have, for the list's filters: a filter offers
 * only values that find something. (Hidden ones are listed too, so they count; unknown countries are left out.)
 * Neither reads the contributions: languages come from the counters (lib/balance/counts.ts), countries from a skip
 * scan of the (consultationId, status, country) index, one index probe per distinct country and status, so a list view
 * costs the same with a thousand or a million contributions.
 */
export async function publishedFacets(consultationId: string): Promise<{ countries: string[]; languages: string[] }> {
  // One recursive walk per status (a range of the index each), merged and ordered by the database as before.
  const walks = PUBLIC_STATUSES.map((status, i) => {
    const name = Prisma.raw(`c${i}`);
    const where = Prisma.sql`s."consultationId" = ${consultationId} AND s."status" = ${status}::"SubmissionStatus" AND s."publishedAt" IS NOT NULL`;
    return Prisma.sql`${name} AS (
        (SELECT s."country" AS v FROM "Submission" s WHERE ${where} ORDER BY s."country" LIMIT 1)
        UNION ALL
        SELECT (SELECT s."country" FROM "Submission" s WHERE ${where} AND s."country" > ${name}.v ORDER BY s."country" LIMIT 1)
        FROM ${name} WHERE ${name}.v IS NOT NULL)`;
  });
  const merged = PUBLIC_STATUSES.map((_, i) => Prisma.sql`SELECT v FROM ${Prisma.raw(`c${i}`)} WHERE v IS NOT NULL`);
  const [countries, languages] = await Promise.all([
    db.$queryRaw<{ v: string }[]>`WITH RECURSIVE ${Prisma.join(walks, ", ")} ${Prisma.join(merged, " UNION ")} ORDER BY v`,
    db.$queryRaw<{ language: string }[]>`
      SELECT "language" FROM "InputCount"
      WHERE "consultationId" = ${consultationId} AND "status" IN (${Prisma.join(PUBLIC_STATUSES.map((st) => Prisma.sql`${st}::"SubmissionStatus"`))})
      GROUP BY "language" HAVING sum("n") > 0 ORDER BY "language"`,
  ]);
  return { countries: countries.map((c) => c.v).filter((c) => isKnownCountry(c)), languages: languages.map((l) => l.language) };
}

/** What the public list page loads: one page of contributions with its match count, and the filters' facets. */
export async function loadContributionsPage(consultationId: string, query: ListQuery, cursor: Cursor | null) {
  const [page, facets] = await Promise.all([loadPublicContributions(consultationId, query, cursor, { withTotal: true }), publishedFacets(consultationId)]);
  return { ...page, facets };
}

/** A published attachment (of a published contribution in a published consultation), for download. */
export async function getPublicAttachment(slug: string, reference: string, attachmentId: string) {
  return db.attachment.findFirst({
    where: { id: attachmentId, submission: { reference, status: "PUBLISHED", consultation: { slug, status: "PUBLISHED" } } },
    select: { id: true, filename: true, mimeType: true, size: true, sha256: true, storageKey: true },
  });
}

/**
 * All matching published (and hidden, without their text) contributions, oldest first, in keyset batches, through
 * toPublic: what the open-data CSV holds. The export itself is written by Postgres (exportCsvSelect); written from these
 * rows by csvStream it must come out byte for byte the same (tests/integration/csv-export-equivalence.test.ts).
 */
export async function* allPublishedContributions(consultationId: string, query: ListQuery, batchSize = 500): AsyncGenerator<PublicContribution[]> {
  let cursor: Cursor | null = null;
  const q: ListQuery = { ...query, sort: "oldest", limit: batchSize, cursor: undefined };
  for (;;) {
    const { keys, next } = await keysInOrder(consultationId, q, cursor);
    if (keys.length === 0) return;
    const ids = keys.map((k) => k.id);
    const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: publicSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const campaigns = await campaignsOf(rows);
    yield ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toPublic(row, campaigns)] : [];
    });
    if (!next) return;
    cursor = next;
  }
}

/** Characters encodeURIComponent leaves as they are, as a Postgres regular expression of a whole string. */
const URI_SAFE = "^[-A-Za-z0-9_.!~*'()]*$";
/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), for btrim. */
const JS_WHITESPACE = " \t\n\u000b\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** First characters that csv-stringify's escape_formulas (CSV_OPTIONS) prefixes with an apostrophe. */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"];
/** Their code points, as Postgres' ascii() gives a text's first: integers compare without a string being made. */
const FORMULA_CODES = Prisma.raw(FORMULA_STARTS.map((c) => c.codePointAt(0)).join(", "));

/**
 * A text cell as csvLines writes it, for COPY's CSV format: a cell that would start a spreadsheet formula gets a leading
 * apostrophe, and an empty one becomes NULL, which COPY writes as nothing (an empty string it would write as ""). COPY
 * then quotes exactly what csvLines quotes: a cell with a comma, a quote, CR or LF. `e` is evaluated more than once:
 * pass a column or a cheap expression.
 */
function cell(e: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NULLIF(CASE WHEN ascii(${e}) IN (${FORMULA_CODES}) THEN '''' || ${e} ELSE ${e} END, '')`;
}

const bool = (e: Prisma.Sql) => Prisma.sql`CASE WHEN ${e} THEN 'true' ELSE 'false' END`;
const iso = (e: Prisma.Sql) => Prisma.sql`to_char(${e}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const col = (name: string) => Prisma.raw(`s."${name}"`);

/**
 * The open-data CSV's rows (CSV_COLUMNS, as csvRow writes them from toPublic) as one SELECT, for COPY … TO STDOUT
 * (lib/submissions/export.ts): the rows of allPublishedContributions, oldest first, with toPublic's rules written in
 * SQL: a hidden contribution without its title, text or attachments, an anonymous one without its author's name or
 * organisation, an unknown country empty, the reason trimmed as String.trim does, formulas neutralised (cell). Rows
 * come in (publishedAt, id) order (for a whole consultation Postgres prefers a parallel scan and a sort to the
 * (consultationId, status, publishedAt, id) index); theme slugs and attachment names are each aggregated once for the
 * consultation and hash-joined by submission id, not looked up per row (docs/decisions/0042, amendment: a third of
 * the time at 100k); the consultation's campaign sizes are counted once, before the first row. Held to the bytes of the JavaScript
 * writer by tests/integration/csv-export-equivalence.test.ts. Each url is `urlPrefix` and the encoded reference.
 */
export function exportCsvSelect(consultationId: string, query: ListQuery, urlPrefix: string): Prisma.Sql {
  const branches = statusesOf(query).map((status) => Prisma.sql`SELECT s.* FROM "Submission" s WHERE ${whereOf(consultationId, query, [status])}`);
  const hidden = Prisma.sql`s."status" = 'HIDDEN'`;
  const anonymous = Prisma.sql`s."visibility" = 'PUBLIC_ANONYMOUS'`;
  const visible = (e: Prisma.Sql) => Prisma.sql`CASE WHEN ${hidden} THEN NULL ELSE ${e} END`;
  const named = (e: Prisma.Sql) => Prisma.sql`CASE WHEN ${anonymous} THEN NULL ELSE ${e} END`;
  // encodeURIComponent: references the app makes are [A-Z0-9-]; any other is percent-encoded, per UTF-8 byte.
  const encodedReference = Prisma.sql`CASE WHEN s."reference" ~ ${URI_SAFE} THEN s."reference" ELSE (
      SELECT string_agg(CASE WHEN c.ch ~ ${URI_SAFE} THEN c.ch ELSE regexp_replace(upper(encode(convert_to(c.ch, 'UTF8'), 'hex')), '(..)', '%\\1', 'g') END, '' ORDER BY c.i)
      FROM regexp_split_to_table(s."reference", '') WITH ORDINALITY AS c(ch, i)) END`;
  // A url starts a formula only if its fixed prefix does: escaped here, once, so the reference is encoded once a row.
  const prefix = FORMULA_STARTS.some((f) => urlPrefix.startsWith(f)) ? `'${urlPrefix}` : urlPrefix;
  const counted = (id: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM "Submission" x WHERE x."campaignId" = ${id}) + (SELECT count(*) FROM "Comment" y WHERE y."campaignId" = ${id})`;
  // One InitPlan: every campaign of the consultation with its size (members anywhere, comments included, as campaignSizes).
  const sizes = Prisma.sql`(SELECT jsonb_object_agg(c."id", ${counted(Prisma.sql`c."id"`)}) FROM "Campaign" c WHERE c."consultationId" = ${consultationId})`;
  const size = Prisma.sql`CASE WHEN s."campaignId" IS NULL THEN NULL ELSE COALESCE(${sizes} ->> s."campaignId", (${counted(col("campaignId"))})::text) END`;
  return Prisma.sql`SELECT
      ${cell(col("reference"))}, ${prefix} || ${encodedReference}, ${cell(visible(col("title")))}, ${cell(visible(col("body")))}, ${cell(col("language"))},
      ${cell(Prisma.sql`th."slugs"`)}, s."stakeholderGroup"::text, ${cell(Prisma.sql`NULLIF(s."country", ${UNKNOWN_COUNTRY})`)}, s."region"::text,
      ${bool(col("developing"))}, ${cell(named(col("contributorName")))}, ${cell(named(col("organisationName")))}, ${bool(anonymous)},
      ${bool(Prisma.sql`s."source" = 'IMPORT'`)}, ${iso(Prisma.sql`COALESCE(s."submittedAt", s."receivedAt")`)}, ${iso(col("publishedAt"))},
      ${cell(visible(Prisma.sql`at."names"`))}, ${bool(hidden)}, ${cell(Prisma.sql`CASE WHEN ${hidden} THEN btrim(COALESCE(s."moderationNote", ''), ${JS_WHITESPACE}) END`)},
      ${bool(col("overBalance"))}, ${cell(col("campaignId"))}, ${size}
    FROM (${Prisma.join(branches, " UNION ALL ")}) s
    LEFT JOIN (SELECT st."submissionId", string_agg(t."slug", ';' ORDER BY t."position", st."themeId") AS "slugs"
               FROM "SubmissionTheme" st JOIN "Theme" t ON t."id" = st."themeId" WHERE t."consultationId" = ${consultationId}
               GROUP BY st."submissionId") th ON th."submissionId" = s."id"
    LEFT JOIN (SELECT a."submissionId", string_agg(a."filename", ';' ORDER BY a."createdAt", a."id") AS "names"
               FROM "Attachment" a JOIN "Submission" x ON x."id" = a."submissionId" WHERE x."consultationId" = ${consultationId}
               GROUP BY a."submissionId") at ON at."submissionId" = s."id"
    ORDER BY s."publishedAt", s."id"`;
}

/** Any attachment of a contribution, for the secretariat (which sees contributions before they are public). */
export async function getAttachmentForSecretariat(reference: string, attachmentId: string) {
  return db.attachment.findFirst({
    where: { id: attachmentId, submission: { reference } },
    select: { id: true, filename: true, mimeType: true, size: true, sha256: true, storageKey: true },
  });
}
