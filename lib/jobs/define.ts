// The shape of a background task: a name, a zod schema for its payload, the work, and optionally a schedule.
// Concerns define their tasks next to their services (lib/<concern>/tasks.ts); lib/jobs/registry.ts lists them all.
import type { z } from "zod";

export interface TaskContext {
  /** graphile-worker's job id (a bigint, as text) */
  jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker shuts down; long tasks should check it between steps. */
  signal?: AbortSignal;
  log(message: string): void;
}

export interface TaskDefinition<Schema extends z.ZodType = z.ZodType, Name extends string = string> {
  name: Name;
  payload: Schema;
  run(payload: z.output<Schema>, context: TaskContext): Promise<void>;
  /**
   * A crontab pattern ("m h dom mon dow", UTC) on which the worker enqueues this task with an empty payload.
   * Several app servers can run workers: each scheduled run is enqueued once (graphile-worker's known_crontabs).
   */
  schedule?: string;
  /** Attempts before the job is given up (default 25, with graphile-worker's exponential backoff). */
  maxAttempts?: number;
}

/** Keeps the literal name, so enqueueJob knows each task's payload type. */
export function defineTask<const Name extends string, Schema extends z.ZodType>(
  definition: TaskDefinition<Schema, Name>,
): TaskDefinition<Schema, Name> {
  return definition;
}
