// What the writing services call so that an input is examined for campaigns once it is stored: one job per input,
// committed with the write (lib/jobs/queue.ts).
import "server-only";
import type { Tx } from "../db/client";
import { enqueueJob } from "../jobs/queue";
import type { TargetType } from "./schema";

/** Enqueues the examination of one input (new or edited) in the writing transaction. */
export async function enqueueDetection(tx: Tx, kind: TargetType, id: string): Promise<void> {
  await enqueueJob(tx, "moderation.detectCampaign", { kind, id }, { jobKey: `detect:${kind}:${id}` });
}

/** After an import: examine the consultation's new inputs in one job rather than one per row. */
export async function enqueueConsultationDetection(tx: Tx, consultationId: string): Promise<void> {
  await enqueueJob(tx, "moderation.detectConsultation", { consultationId }, { jobKey: `detect-consultation:${consultationId}` });
}
