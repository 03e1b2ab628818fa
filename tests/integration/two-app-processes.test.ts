// More than one app process on one PostgreSQL (docs/scaling.md): two processes, each with its own connection pool,
// send requests at once, and the rules that protect users hold across them because they live in the database: the
// per-contributor cap, the deadline (the database clock), the balance cap on publication and the rate limits.
// Every request ends in a result (ok or a 4xx-class error), never an exception (a 500). Generous timeouts; no timings.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { totalOf } from "@/lib/balance/rules";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, setPolicy } from "../fixtures/moderation";

type Outcomes = Record<string, number>;

/** Runs one job in a separate app process; resolves with how its requests ended. */
function appProcess(job: unknown): Promise<Outcomes> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", path.join("tests", "fixtures", "app-process-child.ts"), process.env.DATABASE_URL ?? "", JSON.stringify(job)],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, AGORA_WORKER: "off" } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("OUTCOMES "));
      if (code !== 0 || !line) reject(new Error(`app process exited with ${code}:\n${output}`));
      else resolve(JSON.parse(line.slice(9)) as Outcomes);
    });
  });
}

const sum = (a: Outcomes, b: Outcomes): Outcomes => {
  const out: Outcomes = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
};

describe("two app processes on one database", { timeout: 240_000 }, () => {
  it("hold the per-contributor cap, then refuse everything on both once the deadline has passed", async () => {
    const c = await buildConsultation();
    await setPolicy(c.id, {});
    await db.balancePolicy.update({ where: { consultationId: c.id }, data: { maxPerContributor: 3 } });
    const users = await Promise.all(Array.from({ length: 3 }, () => buildUser({ organisation: null })));
    const job = { kind: "submit", consultationId: c.id, userIds: users.map((u) => u.id), perUser: 4 };
    // 3 people x 4 sends x 2 processes = 24 at once, against a cap of 3 each.
    const outcomes = sum(...(await Promise.all([appProcess(job), appProcess(job)])) as [Outcomes, Outcomes]);
    expect(outcomes).toEqual({ ok: 9, capReached: 15 });
    for (const user of users) {
      expect(await db.submission.count({ where: { consultationId: c.id, authorId: user.id } })).toBe(3);
    }

    // The deadline passes (set in the database's terms); both processes refuse.
    await db.$executeRaw`UPDATE "Consultation" SET "contributionsCloseAt" = now() - interval '1 second' WHERE "id" = ${c.id}`;
    await db.balancePolicy.update({ where: { consultationId: c.id }, data: { maxPerContributor: 100 } });
    const closed = sum(...(await Promise.all([appProcess({ ...job, perUser: 2 }), appProcess({ ...job, perUser: 2 })])) as [Outcomes, Outcomes]);
    expect(closed).toEqual({ phaseClosed: 12 });
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(9);
  });

  it("never publish past the balance cap when both publish at once", async () => {
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.3, minSample: 1 });
    // A balanced start: 2 published in each of four groups (25 % each).
    for (const group of ["GOVERNMENT", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY"] as const) {
      for (let i = 0; i < 2; i++) await buildSubmission({ consultationId: c.id, group, status: "PUBLISHED" });
    }
    const pending = [];
    for (let i = 0; i < 24; i++) pending.push(await buildSubmission({ consultationId: c.id, group: i % 3 === 0 ? "CIVIL_SOCIETY" : "GOVERNMENT" }));
    const targets = pending.map((p) => ({ id: p.id, version: p.version }));
    const [a, b] = await Promise.all([
      appProcess({ kind: "publish", secretariatId: sec.id, targets: targets.filter((_, i) => i % 2 === 0) }),
      appProcess({ kind: "publish", secretariatId: sec.id, targets: targets.filter((_, i) => i % 2 === 1) }),
    ]);
    const outcomes = sum(a, b);
    expect(outcomes.threw ?? 0).toBe(0);
    expect(Object.keys(outcomes).every((k) => ["PUBLISHED", "HELD_FOR_BALANCE", "alreadyModerated", "changedSinceLoaded"].includes(k))).toBe(true);
    const published = await db.submission.groupBy({ by: ["stakeholderGroup"], where: { consultationId: c.id, status: "PUBLISHED" }, _count: { _all: true } });
    const counts = Object.fromEntries(published.map((r) => [r.stakeholderGroup, r._count._all]));
    const total = totalOf(counts);
    for (const [group, n] of Object.entries(counts)) expect(n / total, group).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(await db.submission.count({ where: { consultationId: c.id, status: "HELD_FOR_BALANCE" } })).toBeGreaterThan(0);
  });

  it("count a rate limit across both", async () => {
    const rule = { name: "two-processes-test", limit: 7, windowSeconds: 600 };
    const [a, b] = await Promise.all([appProcess({ kind: "rate", rule, key: "203.0.113.9", hits: 10 }), appProcess({ kind: "rate", rule, key: "203.0.113.9", hits: 10 })]);
    expect(sum(a, b)).toEqual({ allowed: 7, refused: 13 });
  });
});
