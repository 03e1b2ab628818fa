// accounts: background tasks on the app's queue: the reset e-mail behind /forgot-password, and daily housekeeping.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { defineTask } from "../jobs/define";
import { purgeRateLimits } from "../rate-limit/service";
import { purgeSessions } from "../auth/sessions";
import { purgeTokens } from "./tokens";
import { sendPasswordReset } from "./service";

export const accountTasks = [
  defineTask({
    name: "accounts.passwordReset",
    payload: z.object({ email: z.string().max(254), locale: z.string().max(10) }),
    maxAttempts: 5,
    async run(payload) {
      // The outcome is not logged: the log must not tell which addresses have accounts either.
      await sendPasswordReset(payload.email);
    },
  }),
  defineTask({
    name: "accounts.purge",
    payload: z.object({}),
    schedule: "17 3 * * *",
    async run(_payload, context) {
      const [tokens, sessions, buckets] = [await purgeTokens(db), await purgeSessions(db), await purgeRateLimits(db)];
      if (tokens + sessions + buckets > 0) context.log(`purged ${tokens} old link(s), ${sessions} ended session(s), ${buckets} rate-limit window(s)`);
    },
  }),
] as const;
