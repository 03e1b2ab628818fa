// The app's one job queue: jobs commit with the change that causes them, retry with backoff, survive a killed worker.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { enqueueJob, listQueuedJobs } from "@/lib/jobs/queue";
import type { TaskName } from "@/lib/jobs/registry";
import { recoverJobsOfDeadWorkers } from "@/lib/jobs/tasks";
import { startWorker } from "@/lib/jobs/worker";
import { jobRows, makeJobsDue, recordingTask, runJobs } from "../fixtures/jobs";

// Test tasks are not in the app's registry, so their names are not TaskName literals.
const name = (value: string) => value as TaskName;

describe("job queue", () => {
  it("runs a job enqueued in a transaction once it commits, with its payload", async () => {
    const { task, seen } = recordingTask("test.commit");
    await withTransaction(async (tx) => {
      await enqueueJob(tx, name("test.commit"), { value: "hello" } as never);
    });
    await runJobs([task]);
    expect(seen).toEqual([{ value: "hello" }]);
    expect(await jobRows("test.commit")).toEqual([]);
  });

  it("never runs a job whose transaction rolled back", async () => {
    const { task, seen } = recordingTask("test.rollback");
    await expect(
      withTransaction(async (tx) => {
        await enqueueJob(tx, name("test.rollback"), { value: "lost" } as never);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await runJobs([task]);
    expect(seen).toEqual([]);
    expect(await jobRows("test.rollback")).toEqual([]);
  });

  it("keeps one waiting job per key, with the latest payload", async () => {
    const { task, seen } = recordingTask("test.keyed");
    await enqueueJob(null, name("test.keyed"), { value: "first" } as never, { jobKey: "k1" });
    await enqueueJob(null, name("test.keyed"), { value: "second" } as never, { jobKey: "k1" });
    expect(await listQueuedJobs(name("test.keyed"))).toHaveLength(1);
    await runJobs([task]);
    expect(seen).toEqual([{ value: "second" }]);
  });

  it("retries a failing job later, with the error recorded, then succeeds", async () => {
    const { task, seen } = recordingTask("test.flaky", { fail: 1 });
    await enqueueJob(null, name("test.flaky"), { value: "eventually" } as never);
    await runJobs([task]);
    const [afterFailure] = await jobRows("test.flaky");
    expect(afterFailure?.attempts).toBe(1);
    expect(afterFailure?.last_error).toContain("planned failure of test.flaky");
    expect(afterFailure && afterFailure.run_at.getTime()).toBeGreaterThan(Date.now()); // backoff: not due yet
    await runJobs([task]);
    expect(seen).toEqual([]); // still waiting out the backoff
    await makeJobsDue();
    await runJobs([task]);
    expect(seen).toEqual([{ value: "eventually" }]);
    expect(await jobRows("test.flaky")).toEqual([]);
  });

  it("drops a job whose payload does not parse instead of retrying it forever", async () => {
    const { task, seen } = recordingTask("test.badpayload");
    await enqueueJob(null, name("test.badpayload"), { value: 42 } as never);
    await runJobs([task]);
    expect(seen).toEqual([]);
    expect(await jobRows("test.badpayload")).toEqual([]);
  });

  it("also frees a job locked by a worker that never recorded a heartbeat, once the lock is old", async () => {
    await enqueueJob(null, name("test.orphan"), { value: "orphan" } as never);
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'worker-unknown', locked_at = now() - interval '30 seconds'`;
    expect(await recoverJobsOfDeadWorkers()).toEqual([]); // a young lock may belong to a worker still starting
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '5 minutes'`;
    expect(await recoverJobsOfDeadWorkers()).toEqual(["worker-unknown"]);
    const { task, seen } = recordingTask("test.orphan");
    await runJobs([task]);
    expect(seen).toEqual([{ value: "orphan" }]);
  });

  it("a running worker picks a new job up at once and records its heartbeat until stopped", async () => {
    const { task, seen } = recordingTask("test.live");
    const url = process.env.DATABASE_URL ?? "";
    const worker = await startWorker({ connectionString: url, tasks: [task], schedules: false, log: () => undefined });
    try {
      await enqueueJob(null, name("test.live"), { value: "now" } as never);
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => (await db.jobWorker.findMany({ where: { id: { in: worker.workerIds() } } })).length).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
    expect(await db.jobWorker.count({ where: { id: { in: worker.workerIds() } } })).toBe(0);
  });

  it("hands the job of a worker killed mid-job back to the queue, where it runs once", async () => {
    const url = process.env.DATABASE_URL ?? "";
    await enqueueJob(null, name("test.hang"), { value: "survivor" } as never);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", path.join("tests", "fixtures", "job-child.ts"), url],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toContain("STARTED");
      const [locked] = await jobRows("test.hang");
      expect(locked?.locked_by).toBeTruthy();
      // The child records its workers as they start; on a busy machine that can land just after the first job.
      await expect.poll(() => db.jobWorker.count({ where: { id: locked?.locked_by ?? "" } }), { timeout: 10_000 }).toBe(1);
      // The worker dies without a word: no graceful shutdown, the lock stays.
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      expect(await recoverJobsOfDeadWorkers()).toEqual([]); // its heartbeat is still fresh

      await db.$executeRaw`UPDATE "JobWorker" SET "heartbeatAt" = now() - interval '10 minutes'`;
      // Both of the child's workers (concurrency 2) are taken for dead; one of them held the job.
      expect(await recoverJobsOfDeadWorkers()).toContain(locked?.locked_by);
      const [released] = await jobRows("test.hang");
      expect(released?.locked_by).toBeNull();

      const { task, seen } = recordingTask("test.hang");
      await runJobs([task]);
      expect(seen).toEqual([{ value: "survivor" }]);
      expect(await jobRows("test.hang")).toEqual([]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
