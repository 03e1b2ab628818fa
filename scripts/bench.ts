// `npm run bench [-- --sizes 1000,100000] [--quick] [--only name]`: runs the benchmarks in scripts/bench/*.ts on a throwaway
// database and prints their tables. A benchmark module exports `benchmark: Benchmark` (see scripts/bench/types.ts).
//
// Without DATABASE_URL it starts its own embedded PostgreSQL in .data/bench-postgres (wiped first) on
// AGORA_BENCH_PG_PORT (default 54359); with DATABASE_URL it creates and drops scratch databases on that server.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { applyMigrations } from "./lib/migrate.ts";
import { adminExec, withDatabase } from "./lib/pg-admin.ts";
import { dataRoot, projectRoot } from "./lib/paths.ts";
import { randomDatabaseName, startEmbeddedPostgres, stopLeftoverServer } from "./lib/postgres.ts";
import type { Benchmark, BenchContext } from "./bench/types.ts";

const USAGE = "Usage: npm run bench [-- --sizes 1000,100000] [--quick] [--only scale|csv|synthesis|synthesis-quality|pages]";
const DEFAULT_SIZES = [1000, 10_000, 100_000];


async function loadBenchmarks(only: string | undefined): Promise<Benchmark[]> {
  const dir = path.join(projectRoot, "scripts", "bench");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts").sort();
  const out: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { benchmark?: Benchmark };
    if (!mod.benchmark) throw new Error(`scripts/bench/${file} must export \`benchmark\``);
    if (only ? mod.benchmark.name === only : !mod.benchmark.onlyWhenAsked) out.push(mod.benchmark);
  }
  return out;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { sizes: { type: "string" }, quick: { type: "boolean" }, only: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = values.sizes === undefined ? null : values.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes && (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000))) {
    console.error(`--sizes takes whole numbers between 1 and 1,000,000, separated by commas.\n${USAGE}`);
    return 2;
  }
  const benchmarks = await loadBenchmarks(values.only);
  if (benchmarks.length === 0) {
    console.error(`No benchmark named "${values.only}".`);
    return 2;
  }

  let adminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const dataDir = path.join(dataRoot(), "bench-postgres");
    await stopLeftoverServer(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const port = Number(process.env.AGORA_BENCH_PG_PORT ?? 54359);
    console.error(`[bench] starting a throwaway PostgreSQL in ${path.relative(projectRoot, dataDir)} on port ${port}`);
    const server = await startEmbeddedPostgres({ dataDir, port, database: "postgres", detached: false });
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}.log`, { force: true });
    };
  }

  try {
    for (const benchmark of benchmarks) {
      console.log(`\n## ${benchmark.name}: ${benchmark.description}\n`);
      const context: BenchContext = {
        // --sizes for every benchmark; else --quick's or each benchmark's own default.
        sizes: sizes ?? (values.quick ? benchmark.quickSizes : undefined) ?? benchmark.defaultSizes ?? DEFAULT_SIZES,
        async freshDatabase() {
          const name = randomDatabaseName("agora_bench");
          await adminExec(adminUrl, `CREATE DATABASE "${name}"`);
          const url = withDatabase(adminUrl, name);
          await applyMigrations(url);
          return { url, drop: () => adminExec(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
        },
      };
      const table = await benchmark.run(context);
      printTable(table.header, table.rows);
    }
  } finally {
    await stop();
  }
  return 0;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(Math.max(1, w - 1))}:`)).join(" | ")} |`);
  for (const row of rows) console.log(line(row));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
