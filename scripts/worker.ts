// `npm run worker [-- --once]`: runs the background jobs (e-mail, detection, synthesis builds...) without serving
// pages. For deployments with several app servers: run one or more of these and set AGORA_WORKER=off on the app
// servers. Same database resolution as npm start; --once runs the jobs that are due and exits.
import { resolveDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { redactUrl } from "./lib/paths.ts";
import { startWorkerProcess } from "./lib/worker-process.ts";

const log = (message: string): void => console.log(`[agora:worker] ${message}`);

async function main(): Promise<void> {
  const database = await resolveDatabase();
  let stopping = false;
  try {
    // Idempotent, and serialised by the engines' advisory locks: safe beside app servers doing the same.
    await applyMigrations(database.url);
    if (process.argv.includes("--once")) {
      process.env.DATABASE_URL = database.url;
      const { runDueJobs } = await import("../lib/jobs/worker.ts");
      (await import("../lib/db/client.ts")).applyJobStatementTimeout();
      await runDueJobs({ connectionString: database.url, log });
      const { disconnectDb } = await import("../lib/db/client.ts");
      await disconnectDb();
      log("due jobs done");
      await database.stop();
      return;
    }
    const worker = await startWorkerProcess(database.url, log);
    log(`running jobs on ${redactUrl(database.url)}; Ctrl-C to stop`);
    const stop = async (signal: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      log(`${signal} received: finishing the jobs in hand`);
      await worker.stop();
      await database.stop();
      process.exit(0);
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[agora:worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
