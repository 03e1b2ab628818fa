// The e-mail concern's background task: deliver one outbox row (lib/email/deliver.ts).
import "server-only";
import { z } from "zod";
import { defineTask } from "../jobs/define";
import { deliverEmail } from "./deliver";

/**
 * Attempts before a message is marked FAILED. graphile-worker waits exp(min(attempt, 10)) seconds between attempts:
 * 20 attempts cover about two and a half days of an unreachable SMTP server.
 */
export const DELIVERY_ATTEMPTS = 20;

export const emailTasks = [
  defineTask({
    name: "email.deliver",
    payload: z.object({ id: z.string().min(1).max(64) }),
    maxAttempts: DELIVERY_ATTEMPTS,
    async run(payload, context) {
      await deliverEmail(payload.id, context);
    },
  }),
] as const;
