// Background tasks of moderation: campaign detection at intake, per consultation after an import, and an hourly sweep.
import "server-only";
import { z } from "zod";
import { defineTask } from "../jobs/define";
import { consultationsToSweep, detectCampaigns, examineInput } from "./detection";
import { TARGET_TYPES } from "./schema";

export const moderationTasks = [
  defineTask({
    name: "moderation.detectCampaign",
    payload: z.object({ kind: z.enum(TARGET_TYPES), id: z.string().min(1).max(64) }),
    async run({ kind, id }) {
      await examineInput(kind, id);
    },
  }),
  defineTask({
    name: "moderation.detectConsultation",
    payload: z.object({ consultationId: z.string().min(1).max(64) }),
    async run({ consultationId }, context) {
      const joined = await detectCampaigns(consultationId);
      if (joined > 0) context.log(`${joined} input(s) joined a campaign in consultation ${consultationId}`);
    },
  }),
  defineTask({
    name: "moderation.detectSweep",
    payload: z.object({}),
    // Hourly backstop for inputs written outside the services (seed, SQL) or a job given up after its retries.
    schedule: "17 * * * *",
    async run(_payload, context) {
      for (const consultationId of await consultationsToSweep()) {
        const joined = await detectCampaigns(consultationId);
        if (joined > 0) context.log(`sweep: ${joined} input(s) joined a campaign in consultation ${consultationId}`);
      }
    },
  }),
] as const;
