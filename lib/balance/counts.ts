// Counts of contributions that do not scan the contributions: the InputCount deltas kept by the triggers of migration
// issue13_input_counts, summed in one GROUPING SETS aggregate, and folded by the `counts.compact` job
// (docs/decisions/0028); the CommentCount and per-theme ThemeCount deltas of migrations issue13_comment_counts and
// issue13_theme_counts likewise (docs/decisions/0039).
import "server-only";
import { db } from "../db/client";
import type { CommentStatus, Gender, StakeholderGroup, SubmissionStatus, UnRegion } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import { withTransaction } from "../db/transaction";

type Runner = Pick<typeof db, "$queryRaw" | "$executeRaw">;

/** One cell of the aggregate: the dimensions it is grouped by are set, the others null. */
export interface CountCell<S extends string = SubmissionStatus> {
  status: S;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  developing: boolean | null;
  gender: Gender | null;
  /** true when this cell is grouped by gender (so a null gender means "undeclared", not "all") */
  byGender: boolean;
  language: string | null;
  overBalance: boolean | null;
  n: number;
}

export interface SubmissionCounts<S extends string = SubmissionStatus> {
  /** per status */
  byStatus: Map<S, number>;
  cells: CountCell<S>[];
}

/**
 * Every count the balance dashboard and the consultation page show, for one consultation, in one statement: per
 * status by group, by region, by development status and region, by gender, by language, by over-balance, and in all.
 */
export async function submissionCounts(consultationId: string, runner: Runner = db): Promise<SubmissionCounts> {
  return groupedCounts<SubmissionStatus>(Prisma.raw(`"InputCount"`), consultationId, runner);
}

/** The same aggregate for comments, over the CommentCount deltas (migration issue13_comment_counts). */
export async function commentCounts(consultationId: string, runner: Runner = db): Promise<SubmissionCounts<CommentStatus>> {
  return groupedCounts<CommentStatus>(Prisma.raw(`"CommentCount"`), consultationId, runner);
}

async function groupedCounts<S extends string>(table: Prisma.Sql, consultationId: string, runner: Runner): Promise<SubmissionCounts<S>> {
  const rows = await runner.$queryRaw<{
    status: S; stakeholderGroup: StakeholderGroup | null; region: UnRegion | null; developing: boolean | null;
    gender: Gender | null; g_gender: number; language: string | null; overBalance: boolean | null; g_status_only: number; n: bigint;
  }[]>`
    SELECT "status", "stakeholderGroup", "region", "developing", "gender", GROUPING("gender")::int AS "g_gender", "language", "overBalance",
      GROUPING("stakeholderGroup", "region", "developing", "gender", "language", "overBalance")::int AS "g_status_only", sum("n") AS "n"
    FROM ${table} WHERE "consultationId" = ${consultationId}
    GROUP BY GROUPING SETS (("status"), ("status", "stakeholderGroup"), ("status", "region"), ("status", "developing", "region"), ("status", "gender"), ("status", "language"), ("status", "overBalance"))
    HAVING sum("n") <> 0`;
  const byStatus = new Map<S, number>();
  const cells: CountCell<S>[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    // All six dimensions rolled up: the status total.
    if (row.g_status_only === 63) {
      byStatus.set(row.status, n);
      continue;
    }
    cells.push({
      status: row.status, stakeholderGroup: row.stakeholderGroup, region: row.region, developing: row.developing, gender: row.gender,
      byGender: row.g_gender === 0, language: row.language, overBalance: row.overBalance, n,
    });
  }
  return { byStatus, cells };
}

/** The number of contributions in `statuses` matching only group, region and language filters (each optional). */
export async function countFromCounters(
  consultationId: string, statuses: readonly SubmissionStatus[], filter: { group?: StakeholderGroup; region?: UnRegion; language?: string },
): Promise<number> {
  const parts = [
    Prisma.sql`"consultationId" = ${consultationId}`,
    Prisma.sql`"status" IN (${Prisma.join(statuses.map((s) => Prisma.sql`${s}::"SubmissionStatus"`))})`,
  ];
  if (filter.group) parts.push(Prisma.sql`"stakeholderGroup" = ${filter.group}::"StakeholderGroup"`);
  if (filter.region) parts.push(Prisma.sql`"region" = ${filter.region}::"UnRegion"`);
  if (filter.language) parts.push(Prisma.sql`"language" = ${filter.language}`);
  const rows = await db.$queryRaw<{ n: bigint | null }[]>`SELECT sum("n") AS "n" FROM "InputCount" WHERE ${Prisma.join(parts, " AND ")}`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Folds the deltas into one row per key (keys whose count is zero disappear). Deltas appended by transactions still
 * running are not visible to it, so they are kept as they are; one compaction at a time (an advisory lock).
 */
export async function compactInputCounts(): Promise<{ before: number; after: number } | null> {
  return withTransaction((tx) => compactIn(tx), { timeoutMs: 120_000 });
}

async function compactIn(runner: Runner): Promise<{ before: number; after: number } | null> {
  const rows = await runner.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('agora:input-count-compact')) AS "locked"`;
  if (!rows[0]?.locked) return null;
  // The contribution counters, then the comment and per-theme counters (docs/decisions/0039), in the same transaction.
  const folded = [
    await fold(runner, "InputCount", SHARE_KEY),
    await fold(runner, "CommentCount", SHARE_KEY),
    await fold(runner, "ThemeCount", ["consultationId", "themeId", "status"]),
  ];
  return { before: folded.reduce((a, f) => a + f.before, 0), after: folded.reduce((a, f) => a + f.after, 0) };
}

const SHARE_KEY = ["consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance"] as const;

/** Replaces a counter table's deltas by one row per key (their sum), dropping keys whose sum is zero. */
async function fold(runner: Runner, table: "InputCount" | "CommentCount" | "ThemeCount", key: readonly string[]): Promise<{ before: number; after: number }> {
  const columns = Prisma.raw(key.map((c) => `"${c}"`).join(", "));
  const groupBy = Prisma.raw(key.map((_, i) => String(i + 1)).join(", "));
  const name = Prisma.raw(`"${table}"`);
  const rows = await runner.$queryRaw<{ before: bigint; after: bigint }[]>`
    WITH moved AS (DELETE FROM ${name} RETURNING *),
    folded AS (
      INSERT INTO ${name} (${columns}, "n")
      SELECT ${columns}, sum("n")::int FROM moved GROUP BY ${groupBy} HAVING sum("n") <> 0
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM moved) AS "before", (SELECT count(*) FROM folded) AS "after"`;
  return { before: Number(rows[0]?.before ?? 0), after: Number(rows[0]?.after ?? 0) };
}

/** The number of contributions in `statuses` with the theme `slug` of the consultation (0 for a theme it does not have). */
export async function countThemeFromCounters(consultationId: string, statuses: readonly SubmissionStatus[], slug: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | null }[]>`
    SELECT sum(tc."n") AS "n" FROM "ThemeCount" tc JOIN "Theme" t ON t."id" = tc."themeId"
    WHERE t."consultationId" = ${consultationId} AND t."slug" = ${slug} AND tc."consultationId" = ${consultationId}
      AND tc."status" IN (${Prisma.join(statuses.map((s) => Prisma.sql`${s}::"SubmissionStatus"`))})`;
  return Number(rows[0]?.n ?? 0);
}
