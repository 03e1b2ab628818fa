// notifications: background tasks on the app's queue: followers' reminders, synthesis announcements, daily digests.
import "server-only";
import { z } from "zod";
import { defineTask } from "../jobs/define";
import { enqueueJob } from "../jobs/queue";
import { currentDigestCutoff, sendDigest, usersWithDigestDue } from "./digest";
import { announceSynthesis, sendFollowerReminders } from "./followers";

export const notificationTasks = [
  defineTask({
    name: "notifications.followerReminders",
    payload: z.object({}),
    // 15 minutes: a reminder goes out between 48 h and 47 h 45 min before the close.
    schedule: "*/15 * * * *",
    async run(_payload, context) {
      const outcome = await sendFollowerReminders();
      if (outcome.opened + outcome.closing > 0) context.log(`told ${outcome.opened} follower(s) of an opening, ${outcome.closing} of a close in 48 hours`);
    },
  }),
  defineTask({
    name: "notifications.synthesisPublished",
    payload: z.object({ consultationId: z.string().min(1), number: z.number().int().positive() }),
    async run(payload) {
      await announceSynthesis(payload.consultationId, payload.number);
    },
  }),
  defineTask({
    name: "notifications.digest",
    payload: z.object({}),
    // Hourly, so a digest missed while every server was down goes out within the hour after they are back.
    schedule: "5 * * * *",
    async run() {
      const cutoff = await currentDigestCutoff();
      let after: string | null = null;
      for (;;) {
        const users = await usersWithDigestDue(cutoff, after);
        // One job per person: a failure (or a dead worker) retries that person's digest alone.
        for (const userId of users) {
          await enqueueJob(null, "notifications.sendDigest", { userId, cutoff: cutoff.toISOString() }, { jobKey: `digest:${userId}` });
        }
        if (users.length < 1000) return;
        after = users.at(-1) ?? null;
      }
    },
  }),
  defineTask({
    name: "notifications.sendDigest",
    payload: z.object({ userId: z.string().min(1), cutoff: z.iso.datetime() }),
    async run(payload) {
      await sendDigest(payload.userId, new Date(payload.cutoff));
    },
  }),
] as const;
