// The one Prisma client of the app, connected through @prisma/adapter-pg (no native engine needed).
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

/** What a page request's statement may take before Postgres cancels it (AGORA_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
/** The same for background jobs, which build syntheses and sweep whole consultations (AGORA_JOB_STATEMENT_TIMEOUT_MS). */
export const DEFAULT_JOB_STATEMENT_TIMEOUT_MS = 600_000;
/** The longest a streamed export may take, however slowly its client reads (AGORA_EXPORT_TIMEOUT_MS). */
export const DEFAULT_EXPORT_TIMEOUT_MS = 1_800_000;
/** Exports streamed at once by one process, each on a connection of its own (AGORA_EXPORT_CONNECTIONS). */
export const DEFAULT_EXPORT_CONNECTIONS = 4;
/** How long an export waits for one of those connections before the client is told to come back (503). */
export const EXPORT_CONNECTION_WAIT_MS = 15_000;

export interface ClientOptions {
  /** Postgres cancels any statement running longer (statement_timeout); 0 turns it off. */
  statementTimeoutMs?: number;
}

/**
 * A Prisma client whose every connection carries a statement timeout and an idle-in-transaction timeout, so a query
 * never outlives the request that started it by more than the timeout, and an abandoned transaction never holds locks.
 */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const timeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      ...(timeout > 0 ? { statement_timeout: timeout, idle_in_transaction_session_timeout: Math.max(timeout, 60_000) } : {}),
    }),
  });
}

const globalForDb = globalThis as unknown as {
  agoraDb?: { url: string; client: PrismaClient };
  agoraDbParked?: Map<string, PrismaClient>;
  agoraReplica?: { url: string; client: PrismaClient };
  agoraDbRole?: "app" | "jobs";
  agoraReplicaScope?: AsyncLocalStorage<true>;
  agoraExportPools?: Map<string, pg.Pool>;
};
// One scope per process, even when Next bundles this module into several chunks.
const replicaScope = (globalForDb.agoraReplicaScope ??= new AsyncLocalStorage<true>());

function timeoutFromEnv(name: string, fallback: number): number {
  const value = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** AGORA_EXPORT_TIMEOUT_MS (0: none). */
export function exportTimeoutMs(): number {
  return timeoutFromEnv("AGORA_EXPORT_TIMEOUT_MS", DEFAULT_EXPORT_TIMEOUT_MS);
}

/**
 * Marks this process as a job worker before its first query: its statements get the (longer) job timeout. App
 * servers keep the request timeout.
 */
export function applyJobStatementTimeout(): void {
  globalForDb.agoraDbRole = "jobs";
}

function client(): PrismaClient {
  // Read DATABASE_URL on first use (not at import) so tests can point each file at its own database.
  const url = process.env.DATABASE_URL ?? env().DATABASE_URL;
  if (!globalForDb.agoraDb || globalForDb.agoraDb.url !== url) {
    // A client for another URL is kept, not dropped: the benchmark alternates between databases of different sizes
    // (scripts/bench/scale.ts) and must not time reconnections. An app process only ever has one URL.
    const parked = (globalForDb.agoraDbParked ??= new Map<string, PrismaClient>());
    if (globalForDb.agoraDb) parked.set(globalForDb.agoraDb.url, globalForDb.agoraDb.client);
    const kept = parked.get(url);
    if (kept) {
      parked.delete(url);
      globalForDb.agoraDb = { url, client: kept };
      return kept;
    }
    const statementTimeoutMs =
      globalForDb.agoraDbRole === "jobs"
        ? timeoutFromEnv("AGORA_JOB_STATEMENT_TIMEOUT_MS", DEFAULT_JOB_STATEMENT_TIMEOUT_MS)
        : timeoutFromEnv("AGORA_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS);
    globalForDb.agoraDb = { url, client: createPrismaClient(url, { statementTimeoutMs }) };
  }
  return globalForDb.agoraDb.client;
}

/** The read replica's client inside readFromReplica when DATABASE_REPLICA_URL is set; else null. */
function replicaClient(): PrismaClient | null {
  if (!replicaScope.getStore()) return null;
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return null;
  if (!globalForDb.agoraReplica || globalForDb.agoraReplica.url !== url) {
    globalForDb.agoraReplica = { url, client: createPrismaClient(url, { statementTimeoutMs: timeoutFromEnv("AGORA_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS) }) };
  }
  return globalForDb.agoraReplica.client;
}

/**
 * Runs `fn` with every query made through `db` sent to the read replica (DATABASE_REPLICA_URL), or to the primary
 * when none is set. Only for anonymous reads that may lag the primary by the replica's delay (the public list, the
 * open-data API, the CSV export): a write inside fails, as a replica is read-only. See docs/scaling.md.
 */
export function readFromReplica<T>(fn: () => T): T {
  return replicaScope.run(true, fn);
}

/**
 * The pg pool that streamed exports (COPY … TO STDOUT, lib/db/copy-out.ts) take a connection of their own from: the
 * replica's inside readFromReplica when DATABASE_REPLICA_URL is set, else the primary's. Its connections carry the
 * export timeout instead of the request's, as one COPY is one statement for the whole export; at most
 * AGORA_EXPORT_CONNECTIONS per process, so a burst of downloads waits for a connection instead of using up Postgres'.
 */
export function exportPool(): pg.Pool {
  const replica = replicaScope.getStore() ? process.env.DATABASE_REPLICA_URL : undefined;
  const url = replica || (process.env.DATABASE_URL ?? env().DATABASE_URL);
  const timeout = exportTimeoutMs();
  const size = Number.parseInt(process.env.AGORA_EXPORT_CONNECTIONS ?? "", 10);
  const max = Number.isInteger(size) && size >= 1 && size <= 64 ? size : DEFAULT_EXPORT_CONNECTIONS;
  const key = `${max} ${timeout} ${url}`;
  const pools = (globalForDb.agoraExportPools ??= new Map<string, pg.Pool>());
  let pool = pools.get(key);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url, max, connectionTimeoutMillis: EXPORT_CONNECTION_WAIT_MS, idleTimeoutMillis: 10_000, application_name: "agora-export",
      ...(timeout > 0 ? { statement_timeout: timeout } : {}),
    });
    // An idle connection the server closed (a restart, a dropped database) must not take the process down with it.
    pool.on("error", (error) => console.error(`[db] export connection lost: ${error.message}`));
    pools.set(key, pool);
  }
  return pool;
}

/** Lazily connected client; methods are bound so `db.$transaction(...)` works through the proxy. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = replicaClient() ?? client();
    const value: unknown = Reflect.get(real, prop);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.agoraDb) {
    await globalForDb.agoraDb.client.$disconnect();
    globalForDb.agoraDb = undefined;
  }
  const parked = [...(globalForDb.agoraDbParked?.values() ?? [])];
  globalForDb.agoraDbParked = undefined;
  await Promise.all(parked.map((c) => c.$disconnect()));
  if (globalForDb.agoraReplica) {
    await globalForDb.agoraReplica.client.$disconnect();
    globalForDb.agoraReplica = undefined;
  }
  const pools = [...(globalForDb.agoraExportPools?.values() ?? [])];
  globalForDb.agoraExportPools = undefined;
  await Promise.all(pools.map((pool) => pool.end()));
}

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
