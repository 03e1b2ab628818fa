// The worker that runs the app's background jobs: in npm start's process by default, or alone (`npm run worker`).
//
// graphile-worker fetches jobs with SKIP LOCKED, retries failures with exponential backoff and learns of new jobs
// through LISTEN/NOTIFY. What it lacks is crash recovery: a job locked by a process that died stays locked for four
// hours. So every worker records a heartbeat (JobWorker), and the scheduled jobs.recover task hands the jobs of
// workers whose heartbeat stopped back to the queue within a couple of minutes (lib/jobs/tasks.ts).
import "server-only";
import { EventEmitter } from "node:events";
import os from "node:os";
import {
  Logger,
  parseCronItems,
  run,
  runOnce,
  type LogLevel,
  type Runner,
  type Task,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import { db } from "../db/client";
import type { TaskContext, TaskDefinition } from "./define";
import { TASKS } from "./registry";

export const HEARTBEAT_INTERVAL_MS = 20_000;

export interface WorkerOptions {
  connectionString: string;
  /** Jobs run at once by this process (default 2: these machines have 2 cores). */
  concurrency?: number;
  /** How often to look for jobs whose run time has come (retries, delayed jobs); new jobs arrive by NOTIFY. */
  pollIntervalMs?: number;
  /** Where the worker's own messages go (default: console, prefixed). */
  log?: (message: string) => void;
  /** Tasks to run instead of the app's (tests). */
  tasks?: readonly TaskDefinition[];
  /** Turn off the crontab (tests that want nothing but their own jobs). */
  schedules?: boolean;
}

export interface WorkerHandle {
  /** Finishes the jobs in hand (graphile-worker's graceful shutdown), then releases the connection pool. */
  stop(): Promise<void>;
  /** graphile-worker ids of this process's workers (what `locked_by` says of the jobs it holds). */
  workerIds(): string[];
}

const defaultLog = (message: string): void => console.log(`[agora:worker] ${message}`);

function loggerFor(log: (message: string) => void): Logger {
  // graphile-worker is chatty at info level (every job start and end); keep warnings and errors.
  return new Logger(() => (level: LogLevel, message: string) => {
    if (level === "error" || level === "warning") log(message);
  });
}

function withoutCronMarker(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return payload;
  const { _cron: _ignored, ...rest } = payload as Record<string, unknown>;
  return rest;
}

export function taskListOf(tasks: readonly TaskDefinition[], log: (message: string) => void): TaskList {
  const list: TaskList = {};
  for (const task of tasks) {
    const handler: Task = async (raw, helpers) => {
      const parsed = task.payload.safeParse(withoutCronMarker(raw));
      if (!parsed.success) {
        // A payload that cannot be parsed will not parse on a retry either: record it and drop the job.
        log(`${task.name} job ${helpers.job.id}: invalid payload dropped (${parsed.error.issues.map((i) => i.message).join("; ")})`);
        return;
      }
      const context: TaskContext = {
        jobId: String(helpers.job.id),
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        signal: helpers.abortSignal,
        log: (message) => log(`${task.name}: ${message}`),
      };
      await task.run(parsed.data, context);
    };
    list[task.name] = handler;
  }
  return list;
}

function cronItemsOf(tasks: readonly TaskDefinition[]) {
  return parseCronItems(
    tasks
      .filter((task) => task.schedule)
      .map((task) => ({
        task: task.name,
        match: task.schedule as string,
        identifier: task.name,
        // No backfill: a schedule missed while every server was down runs at its next tick, not N times at once.
        options: { backfillPeriod: 0, maxAttempts: task.maxAttempts ?? 5, jobKey: `cron:${task.name}`, jobKeyMode: "replace" as const },
      })),
  );
}

async function recordHeartbeat(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`UPDATE "JobWorker" SET "heartbeatAt" = now() WHERE id = ANY(${ids}::text[])`;
}

/** Starts a worker; resolves once it listens for jobs. */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const log = options.log ?? defaultLog;
  const tasks = options.tasks ?? TASKS;
  const ids = new Set<string>();
  const registrations: Promise<unknown>[] = [];
  // Subscribed before run(): the workers are created (and their events emitted) before it resolves.
  const events = new EventEmitter() as WorkerEvents;
  events.on("worker:create", ({ worker }) => {
    ids.add(worker.workerId);
    registrations.push(
      db.$executeRaw`
        INSERT INTO "JobWorker" (id, host, pid, "startedAt", "heartbeatAt")
        VALUES (${worker.workerId}, ${os.hostname()}, ${process.pid}, now(), now())
        ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = now()`.catch((error: unknown) =>
        log(`could not record worker ${worker.workerId}: ${String(error)}`),
      ),
    );
  });

  const runner: Runner = await run(
    {
      connectionString: options.connectionString,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollIntervalMs ?? 2_000,
      noHandleSignals: true,
      logger: loggerFor(log),
      events,
      // Our migrations install the queue's schema (scripts/lib/migrate.ts); the worker must not race them.
      parsedCronItems: options.schedules === false ? [] : cronItemsOf(tasks),
    },
    taskListOf(tasks, log),
  );

  const heartbeat = setInterval(() => {
    recordHeartbeat([...ids]).catch((error: unknown) => log(`heartbeat failed: ${String(error)}`));
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();

  let stopping: Promise<void> | undefined;
  return {
    workerIds: () => [...ids],
    stop() {
      stopping ??= (async () => {
        clearInterval(heartbeat);
        await runner.stop();
        await Promise.allSettled(registrations);
        const own = [...ids];
        if (own.length > 0) await db.$executeRaw`DELETE FROM "JobWorker" WHERE id = ANY(${own}::text[])`.catch(() => undefined);
      })();
      return stopping;
    },
  };
}

/**
 * Runs every job that is due now, then returns: for tests and for `npm run worker -- --once`.
 * Jobs scheduled later (retries in backoff, delayed jobs) are left for later.
 */
export async function runDueJobs(options: Pick<WorkerOptions, "connectionString" | "log" | "tasks">): Promise<void> {
  const log = options.log ?? defaultLog;
  await runOnce(
    { connectionString: options.connectionString, noHandleSignals: true, logger: loggerFor(log) },
    taskListOf(options.tasks ?? TASKS, log),
  );
}
