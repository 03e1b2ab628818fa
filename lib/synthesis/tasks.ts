// Background work of the synthesis: building the live draft of a consultation (minutes at 100,000 contributions).
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { databaseNow } from "../db/transaction";
import { defineTask } from "../jobs/define";
import { buildLiveDraft } from "./draft";

export const synthesisTasks = [
  defineTask({
    name: "synthesis.build",
    payload: z.object({ consultationId: z.string().min(1) }),
    maxAttempts: 3,
    async run({ consultationId }, context) {
      const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { slug: true } });
      if (!consultation) return;
      const startedAt = await databaseNow(db);
      await db.synthesisBuild.upsert({
        where: { consultationId },
        create: { consultationId, status: "RUNNING", phase: "reading", startedAt },
        update: { status: "RUNNING", phase: "reading", done: 0, total: 0, error: null, startedAt },
      });
      let last = 0;
      try {
        await buildLiveDraft(db, consultation.slug, {
          // The job needs the points mirrored, not the annex in memory: pages and downloads read it from its rows.
          annex: "none",
          // At most one progress write per second, so the build is not slowed by its own reporting.
          onProgress: async (phase, done, total) => {
            const now = Date.now();
            if (now - last < 1000 && done < total) return;
            last = now;
            await db.synthesisBuild.update({ where: { consultationId }, data: { phase, done, total } });
          },
        });
        await db.synthesisBuild.update({ where: { consultationId }, data: { done: 1, total: 1 } });
      } catch (error) {
        context.log(`build of ${consultation.slug} failed: ${String(error)}`);
        await db.synthesisBuild.update({ where: { consultationId }, data: { status: "FAILED", phase: "failed", error: String(error).slice(0, 500) } });
        throw error;
      }
    },
  }),
] as const;
