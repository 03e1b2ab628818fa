// Background tasks of balance: settling the held queue after the writes that can make room, and once a phase closes.
// Pages never settle (a GET takes no lock): these jobs do, within moments of the change (docs/decisions/0027).
import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { db } from "../db/client";
import { defineTask } from "../jobs/define";
import { enqueueJob } from "../jobs/queue";
import { settleBalance } from "./service";
import { compactInputCounts } from "./counts";

export const balanceTasks = [
  defineTask({
    name: "balance.settle",
    payload: z.object({ consultationId: z.string().min(1).max(64) }),
    async run({ consultationId }, context) {
      const outcome = await settleBalance(consultationId);
      if (outcome.released + outcome.publishedOverBalance > 0) {
        context.log(`consultation ${consultationId}: ${outcome.released} released, ${outcome.publishedOverBalance} published over balance (phase closed)`);
      }
    },
  }),
  defineTask({
    name: "balance.settleClosed",
    payload: z.object({}),
    // The backstop for phases that closed without a job at their closing time (a date set before this job existed,
    // or data written outside the services); every minute, one indexed probe per consultation with held inputs.
    schedule: "* * * * *",
    async run(_payload, context) {
      for (const consultationId of await consultationsWithHeldInClosedPhase()) {
        const outcome = await settleBalance(consultationId);
        if (outcome.publishedOverBalance > 0) context.log(`consultation ${consultationId}: ${outcome.publishedOverBalance} held input(s) published over balance after the phase closed`);
      }
    },
  }),
  defineTask({
    name: "counts.compact",
    payload: z.object({}),
    // Folds the contribution counters' deltas (lib/balance/counts.ts) so reads sum a few rows per consultation.
    schedule: "* * * * *",
    async run(_payload, context) {
      const outcome = await compactInputCounts();
      if (outcome && outcome.before > outcome.after + 1000) context.log(`input counts: ${outcome.before} rows folded into ${outcome.after}`);
    },
  }),
] as const;

/** Consultations with held inputs whose phase (contributions, or the comments of the consultation or a draft) has closed. */
export async function consultationsWithHeldInClosedPhase(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Consultation" c
    WHERE (c."contributionsCloseAt" <= now()
           AND EXISTS (SELECT 1 FROM "Submission" s WHERE s."consultationId" = c.id AND s.status = 'HELD_FOR_BALANCE'))
       OR EXISTS (SELECT 1 FROM "Comment" m LEFT JOIN "DraftDocument" d ON d.id = m."draftId"
                  WHERE m."consultationId" = c.id AND m.status = 'HELD_FOR_BALANCE'
                    AND COALESCE(d."commentsCloseAt", c."commentsCloseAt") <= now())`;
  return rows.map((r) => r.id);
}

/** Settles the consultation's held queue soon after this transaction commits (one waiting job per consultation). */
export async function enqueueSettle(tx: Tx, consultationId: string): Promise<void> {
  await enqueueJob(tx, "balance.settle", { consultationId }, { jobKey: `settle:${consultationId}` });
}

/**
 * Settles the held queue at the moment a phase closes: enqueued (or moved) whenever a closing date is saved. `phase`
 * names the date ("contributions", "comments", "draft:<id>"), so each closing date has its own job.
 */
export async function enqueueSettleAtClose(tx: Tx, consultationId: string, phase: string, closeAt: Date | null): Promise<void> {
  if (!closeAt) return;
  await enqueueJob(tx, "balance.settle", { consultationId }, { jobKey: `settle-close:${consultationId}:${phase}`, runAt: closeAt });
}
