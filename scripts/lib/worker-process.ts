// Runs the job worker inside a script's process (npm start, npm run worker) on the resolved database.
import { parseEnv } from "../../lib/env.ts";
import type { WorkerHandle } from "../../lib/jobs/worker.ts";

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Starts the worker with the app's task list. DATABASE_URL is set in this process first: the tasks use the app's
 * one Prisma client (lib/db/client), which reads it on first use.
 */
export async function startWorkerProcess(databaseUrl: string, log: (message: string) => void): Promise<RunningWorker> {
  process.env.DATABASE_URL = databaseUrl;
  const env = parseEnv(process.env);
  const { startWorker } = await import("../../lib/jobs/worker.ts");
  const { disconnectDb, applyJobStatementTimeout } = await import("../../lib/db/client.ts");
  // Jobs sweep whole consultations and build syntheses: they get the longer statement timeout, pages the short one.
  applyJobStatementTimeout();
  const handle: WorkerHandle = await startWorker({
    connectionString: databaseUrl,
    concurrency: env.AGORA_WORKER_CONCURRENCY,
    log,
  });
  return {
    async stop() {
      await handle.stop();
      await disconnectDb();
    },
  };
}
