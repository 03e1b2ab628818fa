// The hot paths at scale (issue 13): for each size, a database seeded in SQL (scripts/lib/bench-data.ts) with N
// published contributions and min(N, 100,000) pending ones, then the p95 of the moderation queue's first page, the
// public list (default, balanced, theme, group, common word, rare word, page 50, each with its match count and the
// filters' facets, as the page loads them), the balance dashboard and the consultation counts, all through the app's own services; ingest through
// submitContribution (what the contribute form's server action calls) at concurrency 8 against raw INSERTs at the same
// concurrency; the CSV export route against COPY … TO STDOUT. Every size is seeded first and the read paths are timed
// side by side (each sample alternates between the sizes' databases), so a ratio is not the load of two moments half
// an hour apart. Goal rows compare the largest size with the smallest and are written to .data/reports/bench.json.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { BENCH_CONSULTATION_ID, BENCH_SLUG, COMMON_WORD, RARE_WORD, seedScaleData } from "../lib/bench-data.ts";
import { atLeast, atMost, goalTable, p95, writeBenchReport, type GoalRow } from "../lib/bench-report.ts";
import { dataRoot } from "../lib/paths.ts";
import { measure, seconds, type Benchmark } from "./types.ts";

const QUEUE_LIMIT_MS = 300;
const QUEUE_PENDING = 100_000;
const CONCURRENCY = 8;
const INGEST_PER_WORKER = 25;
const ITERATIONS = 21;

type ListPath = { name: string; query: Record<string, string> };
const LIST_PATHS: ListPath[] = [
  { name: "default", query: {} },
  { name: "balanced", query: { sort: "balanced" } },
  { name: "theme", query: { theme: "security" } },
  { name: "group", query: { group: "GOVERNMENT" } },
  { name: "common word", query: { q: COMMON_WORD } },
  { name: "rare word", query: { q: RARE_WORD } },
];

interface SizeFigures {
  size: number;
  pending: number;
  seedMs: number;
  queueP95: number;
  list: Record<string, number>;
  dashboardP95: number;
  countsP95: number;
  ingestRate: number;
  rawRate: number;
  csvBytesPerSecond: number;
  copyBytesPerSecond: number;
  csvRssGrowth: number;
  csvBytes: number;
}

/** p95 of each of `calls` (one per database), timed in alternation: round i calls every database once, in turn. */
async function timedSideBySide(calls: (() => Promise<unknown>)[], iterations = ITERATIONS): Promise<number[]> {
  for (const call of calls) {
    await call();
    await call();
  }
  const samples: number[][] = calls.map(() => []);
  for (let i = 0; i < iterations; i++) {
    // Alternate the order too, so neither size always runs right after the other's cache misses.
    const order = calls.map((_, j) => j);
    if (i % 2 === 1) order.reverse();
    for (const j of order) {
      const start = performance.now();
      await calls[j]?.();
      samples[j]?.push(performance.now() - start);
    }
  }
  return samples.map((s) => p95(s));
}

async function runConcurrently(workers: number, perWorker: number, task: (worker: number, i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; i < perWorker; i++) await task(w, i);
  }));
  return (workers * perWorker) / ((performance.now() - start) / 1000);
}

const ingestBody = (w: number, i: number) =>
  `Worker ${w} sends contribution ${i}: community networks in district ${w * 100 + i} need affordable backhaul, and the regulator should publish spectrum maps before the next review ${randomUUID()}.`;

interface SeededDatabase {
  size: number;
  pending: number;
  url: string;
  seedMs: number;
  client: pg.Client;
  drop(): Promise<void>;
}

async function seedDatabase(size: number, freshDatabase: () => Promise<{ url: string; drop(): Promise<void> }>): Promise<SeededDatabase> {
  const database = await freshDatabase();
  const pending = Math.min(size, QUEUE_PENDING);
  const client = new pg.Client({ connectionString: database.url });
  // Dropping the database at the end ends every connection to it: not an error of the benchmark.
  client.on("error", () => undefined);
  await client.connect();
  const seeded = await measure(() => seedScaleData(client, { size, pending, participants: CONCURRENCY * INGEST_PER_WORKER }));
  console.error(`[bench] scale ${size.toLocaleString("en")}: seeded in ${seconds(seeded.ms)}`);
  return { size, pending, url: database.url, seedMs: seeded.ms, client, drop: database.drop };
}

/** Points the app's services at one database: lib/db/client.ts reads DATABASE_URL on each use and keeps a client per URL. */
function pointServicesAt(url: string): void {
  process.env.DATABASE_URL = url;
}

type ReadFigures = Pick<SizeFigures, "queueP95" | "list" | "dashboardP95" | "countsP95">;

/**
 * The read paths at every size, side by side: each sample alternates between the databases, so the ratio compares
 * sizes under the same load on a noisy machine, not two runs half an hour apart.
 */
async function readFigures(dbs: SeededDatabase[]): Promise<ReadFigures[]> {
  const { listQueue } = await import("../../lib/moderation/queue.ts");
  const { loadContributionsPage, parseListQuery, contributionCounts } = await import("../../lib/submissions/public.ts");
  const { getBalanceReport } = await import("../../lib/balance/dashboard.ts");
  const secretariat = { id: "bench-secretariat", role: "SECRETARIAT" as const };
  const listOf = async (params: Record<string, string>) => {
    const parsed = parseListQuery(params);
    if (!parsed.ok) throw new Error(`bad list query ${JSON.stringify(params)}`);
    return loadContributionsPage(BENCH_CONSULTATION_ID, parsed.query, parsed.cursor);
  };
  const on = (db: SeededDatabase, fn: () => Promise<unknown>) => async () => {
    pointServicesAt(db.url);
    await fn();
  };
  const each = (fn: () => Promise<unknown>) => timedSideBySide(dbs.map((db) => on(db, fn)));

  const queue = await each(async () => {
    const page = await listQueue(secretariat, {});
    if (!page || page.items.length === 0) throw new Error("the moderation queue came back empty");
  });
  const list: Record<string, number[]> = {};
  for (const p of LIST_PATHS) list[p.name] = await each(() => listOf(p.query));
  // Page 50 of the default order: the cursor is found by walking, then that one page is timed.
  const page50: (string | null)[] = [];
  for (const db of dbs) {
    pointServicesAt(db.url);
    let cursor: string | null = null;
    for (let pageNo = 1; pageNo < 50; pageNo++) {
      const page = await listOf(cursor ? { cursor } : {});
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    page50.push(cursor);
  }
  list["page 50"] = await timedSideBySide(dbs.map((db, j) => on(db, () => listOf(page50[j] ? { cursor: page50[j] } : {}))));
  const dashboard = await each(() => getBalanceReport(BENCH_SLUG));
  const counts = await each(() => contributionCounts(BENCH_CONSULTATION_ID));
  console.error("[bench] scale: reads timed side by side");
  return dbs.map((_, j) => ({
    queueP95: queue[j] ?? 0,
    list: Object.fromEntries(Object.entries(list).map(([name, values]) => [name, values[j] ?? 0])),
    dashboardP95: dashboard[j] ?? 0,
    countsP95: counts[j] ?? 0,
  }));
}

/** Ingest and the CSV export at one size: throughput against a raw baseline taken right after, on the same database. */
async function writeFigures(db: SeededDatabase): Promise<Pick<SizeFigures, "ingestRate" | "rawRate"> & CsvFigures> {
  pointServicesAt(db.url);
  const { submitContribution } = await import("../../lib/submissions/service.ts");
  const url = db.url;
  const size = db.size;
  // Ingest: participants bench-u1… each send one contribution through the service, 8 at a time.
  let failures = 0;
  const ingestRate = await runConcurrently(CONCURRENCY, INGEST_PER_WORKER, async (w, i) => {
    const n = w * INGEST_PER_WORKER + i + 1;
    const result = await submitContribution({ id: `bench-u${n}`, role: "PARTICIPANT" }, BENCH_CONSULTATION_ID, {
      title: `Backhaul for district ${n}`, body: ingestBody(w, i), language: "en", onBehalfOf: "SELF", visibility: "PUBLIC_NAMED",
      themes: ["access", "infrastructure"], idempotencyKey: `bench-${n}-${randomUUID()}`,
    });
    if (!result.ok) failures++;
  });
  if (failures > 0) throw new Error(`${failures} contributions were refused during the ingest run`);
  const raw = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => undefined);
    await c.connect();
    return c;
  }));
  let rawN = 0;
  const rawRate = await runConcurrently(CONCURRENCY, INGEST_PER_WORKER, async (w, i) => {
    const n = ++rawN;
    await raw[w]?.query(
      `INSERT INTO "Submission" ("id","reference","consultationId","contributorKey","contributorName","stakeholderGroup","country","region","title","body","language","status","submittedAt","receivedAt","updatedAt")
       VALUES ($1,$2,$3,$4,'Raw','CIVIL_SOCIETY','KE','AFRICAN',$5,$6,'en','PENDING',now(),now(),now())`,
      [randomUUID(), `RAW-${n}-${randomUUID().slice(0, 8)}`, BENCH_CONSULTATION_ID, `name:raw${n}`, `Backhaul for district ${n}`, ingestBody(w, i)],
    );
  });
  await Promise.all(raw.map((c) => c.end()));
  console.error(`[bench] scale ${size.toLocaleString("en")}: ingest ${ingestRate.toFixed(0)}/s through the service, ${rawRate.toFixed(0)}/s raw`);

  const csv = await csvExportFigures(db.client, size);
  return { ingestRate, rawRate, ...csv };
}

export type CsvFigures = Pick<SizeFigures, "csvBytesPerSecond" | "copyBytesPerSecond" | "csvRssGrowth" | "csvBytes">;

/**
 * The CSV export through the route handler, read to the end, against COPY of the same rows and columns (`npm run bench --
 * --only csv` runs this alone). The tables are vacuumed first: right after the seed every tuple still has its hint bits
 * to set and autovacuum is about to scan the table, costs that fell on whichever of the two ran first (the export)
 * and that a live table has long paid. Then each is timed twice, export, COPY, COPY, export, and the faster run of each
 * counts, so neither the order nor a burst of load on a shared machine decides the ratio; RSS growth is the larger of
 * the export's two.
 */
export async function csvExportFigures(client: pg.Client, size: number): Promise<CsvFigures> {
  const route = await import("../../app/api/v1/consultations/[slug]/submissions.csv/route.ts");
  await client.query(`VACUUM (ANALYZE) "Submission", "SubmissionTheme", "Theme", "Attachment", "Campaign"`);
  const exportOnce = async () => {
    const baseline = process.memoryUsage.rss();
    const run = await measure(async () => {
      const response = await route.GET(new Request(`http://localhost/api/v1/consultations/${BENCH_SLUG}/submissions.csv`), { params: Promise.resolve({ slug: BENCH_SLUG }) });
      if (!response.body) throw new Error("the CSV export returned no body");
      let bytes = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
      return bytes;
    });
    return { ...run, growth: Math.max(0, run.peakRss - baseline) };
  };
  const copyOnce = () => measure(async () => {
    let bytes = 0;
    const stream = client.query(copyTo(
      `COPY (SELECT s."reference", s."title", s."body", s."language", s."stakeholderGroup", s."country", s."region", s."contributorName", s."organisationName",
               s."submittedAt", s."publishedAt", (SELECT string_agg(t."slug", ';') FROM "SubmissionTheme" st JOIN "Theme" t ON t."id" = st."themeId" WHERE st."submissionId" = s."id")
             FROM "Submission" s WHERE s."consultationId" = '${BENCH_CONSULTATION_ID}' AND s."status" IN ('PUBLISHED','HIDDEN') ORDER BY s."publishedAt", s."id") TO STDOUT WITH (FORMAT csv, HEADER)`,
    ));
    await pipeline(stream, new Writable({ write(chunk: Buffer, _e, done) { bytes += chunk.byteLength; done(); } }));
    return bytes;
  });
  const exports = [await exportOnce()];
  const copies = [await copyOnce(), await copyOnce()];
  exports.push(await exportOnce());
  const exported = exports.reduce((a, b) => (b.ms < a.ms ? b : a));
  const copied = copies.reduce((a, b) => (b.ms < a.ms ? b : a));
  console.error(`[bench] scale ${size.toLocaleString("en")}: CSV ${exports.map((e) => seconds(e.ms)).join(", ")}; COPY ${copies.map((c) => seconds(c.ms)).join(", ")}`);
  return {
    csvBytesPerSecond: exported.result / (exported.ms / 1000), copyBytesPerSecond: copied.result / (copied.ms / 1000),
    csvRssGrowth: Math.max(...exports.map((e) => e.growth)), csvBytes: exported.result,
  };
}

/** The goal rows: the largest size against the smallest (the moderation queue against its absolute limit). */
export function goalRows(all: SizeFigures[]): Record<string, GoalRow> {
  const sorted = [...all].sort((a, b) => a.size - b.size);
  const small = sorted[0];
  const big = sorted.at(-1);
  if (!small || !big) return {};
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
  const vs = `p95(${k(big.size)}) <= 2 x p95(${k(small.size)})`;
  const rows: Record<string, GoalRow> = {};
  rows[`moderation queue, first page, ${k(big.pending)} pending`] = atMost(big.queueP95, QUEUE_LIMIT_MS, 1, `p95 <= ${QUEUE_LIMIT_MS} ms`, "ms");
  for (const name of Object.keys(big.list)) {
    rows[`public list: ${name}`] = atMost(big.list[name] ?? 0, small.list[name] ?? 0, 2, vs, "ms");
  }
  rows["balance dashboard"] = atMost(big.dashboardP95, small.dashboardP95, 2, vs, "ms");
  rows["consultation counts"] = atMost(big.countsP95, small.countsP95, 2, vs, "ms");
  rows[`ingest, concurrency ${CONCURRENCY}, at ${k(big.size)}`] = atLeast(big.ingestRate, big.rawRate, 0.3, ">= 0.3 x raw INSERT rate", "/s");
  return { ...rows, ...csvGoalRows(all) };
}

/** The CSV export's goal rows: throughput at the largest size against COPY, and its memory against the smallest size's. */
export function csvGoalRows(all: (CsvFigures & { size: number })[]): Record<string, GoalRow> {
  const sorted = [...all].sort((a, b) => a.size - b.size);
  const small = sorted[0];
  const big = sorted.at(-1);
  if (!small || !big) return {};
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
  const rows: Record<string, GoalRow> = {};
  rows[`CSV export of ${k(big.size)}`] = atLeast(big.csvBytesPerSecond / 1e6, big.copyBytesPerSecond / 1e6, 0.5, ">= 0.5 x COPY TO STDOUT", "MB/s");
  // Flat memory: what exporting everything adds to the process at the largest size, against the smallest (+64 MB of slack).
  rows[`CSV export RSS growth at ${k(big.size)}`] = atMost(big.csvRssGrowth / 1e6, small.csvRssGrowth / 1e6 + 64, 1, `<= RSS growth at ${k(small.size)} + 64 MB`, "MB");
  return rows;
}

export const benchmark: Benchmark = {
  name: "scale",
  defaultSizes: [1000, 100_000, 1_000_000],
  quickSizes: [1000, 100_000],
  description: "hot paths at N published contributions: moderation queue, public list, dashboard, ingest, CSV export",
  async run({ sizes, freshDatabase }) {
    const all: SizeFigures[] = [];
    const dbs: SeededDatabase[] = [];
    try {
      // Every size is seeded first and kept, so the read paths can be timed side by side.
      for (const size of [...sizes].sort((a, b) => a - b)) dbs.push(await seedDatabase(size, freshDatabase));
      const reads = await readFigures(dbs);
      for (const [j, db] of dbs.entries()) {
        const read = reads[j];
        if (!read) continue;
        all.push({ size: db.size, pending: db.pending, seedMs: db.seedMs, ...read, ...(await writeFigures(db)) });
      }
    } finally {
      const { disconnectDb } = await import("../../lib/db/client.ts");
      await disconnectDb();
      for (const db of dbs) {
        await db.client.end();
        await db.drop();
      }
    }
    const perSize = all.map((f) => [
      f.size.toLocaleString("en"), seconds(f.seedMs), `${f.queueP95.toFixed(0)} ms`, ...[...LIST_PATHS.map((p) => p.name), "page 50"].map((n) => `${(f.list[n] ?? 0).toFixed(0)} ms`),
      `${f.dashboardP95.toFixed(0)} ms`, `${f.countsP95.toFixed(0)} ms`, `${f.ingestRate.toFixed(0)} / ${f.rawRate.toFixed(0)}`,
      `${(f.csvBytesPerSecond / 1e6).toFixed(1)} / ${(f.copyBytesPerSecond / 1e6).toFixed(1)}`, `${(f.csvRssGrowth / 1e6).toFixed(0)} MB`,
    ]);
    console.log("p95 per size (ingest: service / raw per second; CSV: export / COPY MB/s)\n");
    const columns = ["size", "seed", "queue", ...LIST_PATHS.map((p) => p.name), "page 50", "dashboard", "counts", "ingest", "CSV", "CSV RSS"];
    console.log([`| ${columns.join(" | ")} |`, `| ${columns.map(() => "---").join(" | ")} |`, ...perSize.map((r) => `| ${r.join(" | ")} |`)].join("\n"));
    console.log("");
    const goals = goalRows(all);
    writeBenchReport(path.join(dataRoot(), "reports", "bench.json"), goals);
    return goalTable(goals);
  },
};
