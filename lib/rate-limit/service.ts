// rate-limit: fixed-window counters in Postgres (RateLimitBucket), on the database clock, so every app server and
// worker shares them (docs/decisions/0012). One atomic upsert per hit; no lock held, no row read first.
import "server-only";
import { db, type Tx } from "../db/client";

export interface RateLimitRule {
  /** Prefix of the bucket key, e.g. "signin:account". */
  name: string;
  /** Hits allowed in one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  /** Whether this hit is within the limit. */
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** When the window ends and the count starts again (database clock). */
  resetAt: Date;
  /** Seconds until then, rounded up (what a 429's Retry-After says). */
  retryAfterSeconds: number;
}

type Runner = Pick<Tx, "$queryRaw" | "$executeRaw">;

function bucketKey(rule: RateLimitRule, key: string): string {
  return `${rule.name}:${key.toLowerCase()}`.slice(0, 300);
}

interface Row {
  count: number;
  resetAt: Date;
  retry: number;
}

function stateOf(rule: RateLimitRule, row: Row | undefined): RateLimitState {
  if (!row) return { allowed: true, count: 0, resetAt: new Date(), retryAfterSeconds: 0 };
  return { allowed: row.count <= rule.limit, count: row.count, resetAt: row.resetAt, retryAfterSeconds: Math.max(0, Math.ceil(Number(row.retry))) };
}

/** Counts one hit and says whether it is within the limit. A window that has ended starts again at 1. */
export async function hitRateLimit(rule: RateLimitRule, key: string, runner: Runner = db): Promise<RateLimitState> {
  const rows = await runner.$queryRaw<Row[]>`
    INSERT INTO "RateLimitBucket" (key, count, "resetAt")
    VALUES (${bucketKey(rule, key)}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimitBucket"."resetAt" END
    RETURNING count, "resetAt", EXTRACT(EPOCH FROM ("resetAt" - now()))::float8 AS retry`;
  return stateOf(rule, rows[0]);
}

/** The current count without counting a hit. */
export async function peekRateLimit(rule: RateLimitRule, key: string, runner: Runner = db): Promise<RateLimitState> {
  const rows = await runner.$queryRaw<Row[]>`
    SELECT count, "resetAt", EXTRACT(EPOCH FROM ("resetAt" - now()))::float8 AS retry
    FROM "RateLimitBucket" WHERE key = ${bucketKey(rule, key)} AND "resetAt" > now()`;
  const row = rows[0];
  // Peeking asks "would one more hit pass?"
  return row ? { ...stateOf(rule, row), allowed: row.count < rule.limit } : stateOf(rule, undefined);
}

/** Takes one hit back (e.g. an attempt that turned out to be a success, which must not count as a failure). */
export async function refundRateLimit(rule: RateLimitRule, key: string, runner: Runner = db): Promise<void> {
  await runner.$executeRaw`UPDATE "RateLimitBucket" SET count = GREATEST(0, count - 1) WHERE key = ${bucketKey(rule, key)} AND "resetAt" > now()`;
}

/** Forgets the window (a successful sign-in clears the account's failures). */
export async function resetRateLimit(rule: RateLimitRule, key: string, runner: Runner = db): Promise<void> {
  await runner.$executeRaw`DELETE FROM "RateLimitBucket" WHERE key = ${bucketKey(rule, key)}`;
}

/** Deletes windows that have ended (the scheduled auth.purge task). */
export async function purgeRateLimits(runner: Runner = db): Promise<number> {
  return runner.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "resetAt" <= now()`;
}
