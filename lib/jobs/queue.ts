// Enqueueing background jobs on the app's one queue (graphile-worker, in the database; docs/decisions/0010).
//
// Pass the transaction that makes the change the job is about: the job then exists if and only if the change
// committed, and the worker hears of it through LISTEN/NOTIFY the moment it does.
import "server-only";
import { db, type Tx } from "../db/client";
import type { TaskName, TaskPayload } from "./registry";

export interface EnqueueOptions {
  /** Not before this instant (default: now). */
  runAt?: Date;
  /**
   * At most one pending job per key: enqueueing again replaces the waiting job (its payload and run time) instead of
   * adding a second one; a job already running is left to finish and the new one waits for its turn.
   */
  jobKey?: string;
  /** "preserve_run_at" keeps the waiting job's run time (debounce without postponing). */
  jobKeyMode?: "replace" | "preserve_run_at";
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  /** Lower runs first (default 0). */
  priority?: number;
  maxAttempts?: number;
}

type Runner = Pick<Tx, "$executeRaw">;

/** Adds a job; inside `tx` when given, so it commits or rolls back with the caller's change. */
export async function enqueueJob<Name extends TaskName>(
  tx: Runner | null,
  name: Name,
  payload: TaskPayload<Name>,
  options: EnqueueOptions = {},
): Promise<void> {
  const runner: Runner = tx ?? db;
  await runner.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(payload ?? {})}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::smallint,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::smallint,
      job_key_mode => ${options.jobKeyMode ?? "replace"}::text
    )`;
}

export interface QueuedJob {
  id: string;
  task: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lastError: string | null;
  key: string | null;
}

/** Jobs still in the queue (waiting, running, or retrying after an error), oldest first; for admin pages and tests. */
export async function listQueuedJobs(task?: TaskName, limit = 100): Promise<QueuedJob[]> {
  const rows = await db.$queryRaw<
    { id: bigint; task: string; payload: unknown; attempts: number; max_attempts: number; run_at: Date; locked_by: string | null; last_error: string | null; key: string | null }[]
  >`
    SELECT j.id, j.task_identifier AS task, p.payload, j.attempts, j.max_attempts, j.run_at, j.locked_by, j.last_error, j.key
    FROM graphile_worker.jobs j
    JOIN graphile_worker._private_jobs p ON p.id = j.id -- the public view leaves the payload out
    WHERE ${task ?? null}::text IS NULL OR j.task_identifier = ${task ?? null}::text
    ORDER BY j.run_at, j.id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id.toString(),
    task: row.task,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lastError: row.last_error,
    key: row.key,
  }));
}
