// Transaction helpers: every rule that protects users runs inside one of these.
import "server-only";
import { Prisma } from "./generated/client";
import { db, type Tx } from "./client";

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock

function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2034") return true;
    const code = (error.meta as { code?: unknown } | undefined)?.code;
    if (typeof code === "string" && RETRYABLE.has(code)) return true;
  }
  const message = error instanceof Error ? error.message : "";
  return /could not serialize access|deadlock detected|40001|40P01/.test(message);
}

/** Runs fn in a transaction, retrying a few times when Postgres reports a serialization conflict. */
export async function withTransaction<T>(
  fn: (tx: Tx) => Promise<T>,
  options: { isolationLevel?: Prisma.TransactionIsolationLevel; retries?: number; timeoutMs?: number } = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => fn(tx), {
        isolationLevel: options.isolationLevel,
        timeout: options.timeoutMs ?? 15_000,
        maxWait: 10_000,
      });
    } catch (error) {
      if (attempt < retries && isRetryable(error)) {
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
        continue;
      }
      throw error;
    }
  }
}

/**
 * Serialises writers on one key (e.g. a consultation) for the rest of the transaction.
 * Used where a rule reads a count and then writes (caps, shares): two requests cannot both pass.
 */
export async function lockKey(tx: Tx, namespace: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`;
}

/** The database clock, so deadlines never depend on the app server's clock. */
export async function databaseNow(tx: Tx): Promise<Date> {
  const rows = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const row = rows[0];
  if (!row) throw new Error("database clock unavailable");
  return row.now;
}

export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

const LOCKABLE = { Submission: Prisma.raw(`"Submission"`), Comment: Prisma.raw(`"Comment"`) } as const;

/**
 * Locks one row (SELECT ... FOR UPDATE) for the rest of the transaction, waiting for any writer that holds it, so
 * every decision the transaction then makes is about the row as committed. False when there is no such row.
 */
export async function lockRow(tx: Tx, table: keyof typeof LOCKABLE, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM ${LOCKABLE[table]} WHERE "id" = ${id} FOR UPDATE`;
  return rows.length === 1;
}
