// The queue's own housekeeping: hand back the jobs of workers that died (see lib/jobs/worker.ts).
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { defineTask } from "./define";

/** A worker that missed this many heartbeats is taken for dead. */
export const STALE_AFTER_MS = 90_000;

/**
 * Unlocks the jobs of dead workers so that live ones pick them up again; returns the ids it released.
 * A lock held by a worker we never recorded (it died before its first heartbeat) counts as dead after the same time.
 */
export async function recoverJobsOfDeadWorkers(staleAfterMs: number = STALE_AFTER_MS): Promise<string[]> {
  const interval = `${Math.max(1, Math.round(staleAfterMs / 1000))} seconds`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "JobWorker" WHERE "heartbeatAt" < now() - ${interval}::interval
    UNION
    SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
    WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - ${interval}::interval
      AND NOT EXISTS (SELECT 1 FROM "JobWorker" w WHERE w.id = j.locked_by)`;
  const dead = rows.map((row) => row.id);
  if (dead.length === 0) return [];
  await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${dead}::text[])`;
  await db.$executeRaw`DELETE FROM "JobWorker" WHERE id = ANY(${dead}::text[])`;
  return dead;
}

export const jobsTasks = [
  defineTask({
    name: "jobs.recover",
    payload: z.object({}),
    schedule: "* * * * *",
    async run(_payload, context) {
      const released = await recoverJobsOfDeadWorkers();
      if (released.length > 0) context.log(`released the jobs of ${released.length} stopped worker(s): ${released.join(", ")}`);
    },
  }),
] as const;
