// Sign-in throttling lives in Postgres: two separate server processes against one database share one budget.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../fixtures/users";

function attempts(email: string, password: string, ip: string, count: number): Promise<{ outcomes: string[]; hashes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", path.join("tests", "fixtures", "signin-child.ts"), process.env.DATABASE_URL ?? "", email, password, ip, String(count)],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve(JSON.parse(line) as { outcomes: string[]; hashes: number });
    });
  });
}

describe("sign-in throttling across processes", () => {
  it("two processes guessing one account at once get 10 checked attempts between them; then the right password is refused too", async () => {
    const user = await buildUser();
    const [a, b] = await Promise.all([attempts(user.email, "wrong guess one", "192.0.2.1", 8), attempts(user.email, "wrong guess two", "192.0.2.2", 8)]);
    const all = [...a.outcomes, ...b.outcomes];
    expect(all.filter((o) => o === "invalid")).toHaveLength(10);
    expect(all.filter((o) => o === "throttled")).toHaveLength(6);
    // No argon2 hash once the limit is reached: exactly one per checked attempt, across both processes.
    expect(a.hashes + b.hashes).toBe(10);
    const third = await attempts(user.email, TEST_PASSWORD, "192.0.2.3", 1);
    expect(third).toEqual({ outcomes: ["throttled"], hashes: 0 });
  }, 180_000); // three Node processes starting on a shared 2-core machine
});
