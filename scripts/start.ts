// `npm start` / `npm run dev`: database, migrations, first-run demo data, production build when stale, then Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { dataRoot, projectRoot, redactUrl } from "./lib/paths.ts";
import { startWorkerProcess, type RunningWorker } from "./lib/worker-process.ts";
import { parseEnv } from "../lib/env.ts";
import {
  createScriptPrismaClient,
  formatAccounts,
  loadSeed,
  readDemoAccounts,
  writeDemoAccounts,
  type SeedAccount,
} from "./lib/prisma.ts";

const startedAt = performance.now();
const dev = process.argv.includes("--dev");
const port = parsePort(process.env.PORT ?? "3000");
const demoAccountsFile = path.join(dataRoot(), "demo-accounts.json");

// Everything whose change makes the production build stale.
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "messages",
  "public",
  "i18n",
  "middleware.ts",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "package.json",
  "package-lock.json",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

let database: ResolvedDatabase | undefined;
let worker: RunningWorker | undefined;
let child: ChildProcess | undefined;
let shuttingDown = false;

function parsePort(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`PORT must be a port number, got "${raw}".`);
  return value;
}

function elapsed(): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

function log(message: string): void {
  console.log(`[agora] ${message}`);
}

/** Sessions are signed with this secret, so it must survive restarts: generate it once and keep it in .data. */
function nextAuthSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataRoot(), "nextauth-secret");
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function seedingDisabled(): boolean {
  const value = process.env.AGORA_SEED_DEMO;
  return value === "0" || value === "false";
}

/** Demo data goes in only on the very first start: an empty user table is the signal. */
async function seedOnFirstStart(url: string): Promise<SeedAccount[]> {
  const prisma = createScriptPrismaClient(url);
  try {
    const users = await prisma.user.count();
    if (users > 0) return readDemoAccounts(demoAccountsFile);
    if (seedingDisabled()) {
      log("empty database; demo data skipped (AGORA_SEED_DEMO=0). Create an admin with `npm run admin:create`.");
      return [];
    }
    log("first start: loading demo data");
    const seed = await loadSeed();
    const result = await seed(prisma);
    return writeDemoAccounts(demoAccountsFile, result);
  } finally {
    await prisma.$disconnect();
  }
}

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file only shows as a newer directory
  for (const name of fs.readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function buildIsStale(): string | undefined {
  const buildId = path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no production build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(projectRoot, input)) > builtAt) return `${input} changed since the last build`;
  }
  return undefined;
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Same process group as us: if something kills our whole group, Next.js goes too.
  const spawned = spawn(process.execPath, [nextBin, ...args], { cwd: projectRoot, env, stdio: "inherit" });
  child = spawned;
  spawned.once("exit", () => {
    if (child === spawned) child = undefined;
  });
  return spawned;
}

function exitCodeOf(process_: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (process_.exitCode !== null) return resolve(process_.exitCode);
    if (process_.signalCode !== null) return resolve(1);
    process_.once("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForFirstPage(url: string, server: ChildProcess): Promise<boolean> {
  while (server.exitCode === null && server.signalCode === null && !shuttingDown) {
    try {
      // Any HTTP answer counts: the point is that the server renders, not which page it chose.
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

async function stopChild(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  running.kill("SIGTERM");
  const timer = setTimeout(() => running.kill("SIGKILL"), 15_000);
  await exitCodeOf(running);
  clearTimeout(timer);
}

/** Next.js first, then the job worker (it finishes the jobs in hand), then PostgreSQL. Idempotent. */
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await stopChild();
    if (worker) {
      log("stopping the job worker");
      await worker.stop().catch((error: unknown) => console.error(`[agora] job worker: ${String(error)}`));
    }
    if (database) {
      if (database.embedded) log("stopping PostgreSQL");
      await database.stop();
    }
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    console.log(""); // Ctrl-C leaves the cursor after ^C
    log(`${signal} received, shutting down`);
    void shutdown(0);
  });
}

async function main(): Promise<void> {
  const secret = nextAuthSecret();
  database = await resolveDatabase({ stopReused: true });
  log(database.embedded ? `PostgreSQL ready (${redactUrl(database.url)})` : `using DATABASE_URL ${redactUrl(database.url)}`);
  if (shuttingDown) return;

  const applied = await applyMigrations(database.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  if (shuttingDown) return;

  const accounts = await seedOnFirstStart(database.url);
  if (shuttingDown) return;

  const appUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    PORT: String(port),
  };

  // Validate the environment the app will see before building or serving: a bad value stops here, named.
  try {
    parseEnv({ ...env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  // Background jobs run in this process unless another process runs them (`npm run worker`, AGORA_WORKER=off).
  if ((process.env.AGORA_WORKER ?? "inline") !== "off") {
    Object.assign(process.env, { NEXTAUTH_URL: env.NEXTAUTH_URL, NEXTAUTH_SECRET: secret });
    worker = await startWorkerProcess(database.url, (message) => console.log(`[agora:worker] ${message}`));
    log("job worker running in this process");
    if (shuttingDown) return;
  }

  if (!dev) {
    const stale = buildIsStale();
    if (stale) {
      log(`building the production bundle (${stale}); this takes a few minutes the first time`);
      const code = await exitCodeOf(runNext(["build"], env));
      if (shuttingDown) return;
      if (code !== 0) {
        console.error("[agora] next build failed; see the output above.");
        await shutdown(1);
      }
    }
  }

  const server = runNext(dev ? ["dev", "-p", String(port)] : ["start", "-p", String(port)], env);
  server.once("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`[agora] Next.js exited unexpectedly (${signal ?? `code ${code ?? "?"}`}).`);
    void shutdown(code && code !== 0 ? code : 1);
  });

  if (await waitForFirstPage(appUrl, server)) {
    log(`Agora is running at ${appUrl} (${dev ? "development" : "production"} mode)`);
    log(`first page answered ${elapsed()} after start`);
    if (accounts.length > 0) {
      console.log(`[agora] demo accounts (${path.relative(projectRoot, demoAccountsFile)}):\n${formatAccounts(accounts)}`);
    }
    log("press Ctrl-C to stop");
  }
}

main().catch(async (error: unknown) => {
  console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
