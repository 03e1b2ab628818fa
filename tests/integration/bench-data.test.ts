// The scale benchmark's data generator and report writer at a tiny size (the benchmark itself is `npm run bench`;
// no timings are asserted here).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_CONSULTATION_ID, COMMON_WORD, RARE_WORD, seedScaleData } from "../../scripts/lib/bench-data";
import { atLeast, atMost, p95, writeBenchReport } from "../../scripts/lib/bench-report";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await seedScaleData(client, { size: 60, pending: 15, participants: 4 });
});

afterAll(async () => {
  await client.end();
});

const one = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? -1);

describe("scale benchmark data", () => {
  it("seeds published and pending contributions with distinct, searchable bodies over every theme and group", async () => {
    expect(await one(`SELECT count(*) AS n FROM "Submission" WHERE "consultationId" = $1 AND "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL`, [BENCH_CONSULTATION_ID])).toBe(60);
    expect(await one(`SELECT count(*) AS n FROM "Submission" WHERE "consultationId" = $1 AND "status" = 'PENDING'`, [BENCH_CONSULTATION_ID])).toBe(15);
    expect(await one(`SELECT count(DISTINCT "body") AS n FROM "Submission"`)).toBe(75);
    expect(await one(`SELECT min(length("body")) AS n FROM "Submission"`)).toBeGreaterThan(150);
    expect(await one(`SELECT count(*) AS n FROM "Submission" WHERE "searchVector" @@ websearch_to_tsquery('simple', $1) AND "status" = 'PUBLISHED'`, [RARE_WORD])).toBe(10);
    expect(await one(`SELECT count(*) AS n FROM "Submission" WHERE "searchVector" @@ websearch_to_tsquery('simple', $1)`, [COMMON_WORD])).toBeGreaterThan(10);
    expect(await one(`SELECT count(DISTINCT "themeId") AS n FROM "SubmissionTheme"`)).toBe(8);
    expect(await one(`SELECT count(DISTINCT "stakeholderGroup") AS n FROM "Submission"`)).toBe(6);
    expect(await one(`SELECT count(*) AS n FROM "User" WHERE "emailVerifiedAt" IS NOT NULL AND "role" = 'PARTICIPANT'`)).toBe(4);
  });
});

describe("bench report", () => {
  it("writes each row as value, limit, ratio, goal and met, keeping other rows", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-")), "reports", "bench.json");
    writeBenchReport(file, { "earlier row": atMost(5, 10, 1, "<= 10", "ms") });
    const written = writeBenchReport(file, {
      "public list: theme": atMost(30, 10, 2, "p95(100k) <= 2 x p95(1k)", "ms"),
      ingest: atLeast(20, 100, 0.3, ">= 0.3 x raw", "/s"),
    });
    const read: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(read).toEqual(written);
    expect(read).toEqual({
      "earlier row": { value: 5, limit: 10, ratio: 0.5, goal: "<= 10", met: true },
      "public list: theme": { value: 30, limit: 20, ratio: 3, goal: "p95(100k) <= 2 x p95(1k)", met: false },
      ingest: { value: 20, limit: 30, ratio: 0.2, goal: ">= 0.3 x raw", met: false },
    });
  });

  it("takes the nearest-rank 95th percentile", () => {
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(p95([7])).toBe(7);
  });
});
