// Vitest global setup: one PostgreSQL for the whole run and a template database with every migration applied.
//
// Integration test files clone the template (tests/setup/per-file-db.ts), which takes well under a second, instead
// of replaying migrations per file. With DATABASE_URL set, that server is used (the user needs CREATEDB);
// otherwise an embedded server is started in a fresh temporary folder on a free port.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { findFreePort, randomDatabaseName, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/postgres.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection to the test server's maintenance database; "" when no integration tests run. */
    testDbAdminUrl: string;
    /** Database with all migrations applied, to clone per test file. */
    testDbTemplate: string;
  }
}

/** `vitest run tests/unit` needs no database: skip the ~2 s server start when every CLI filter points at unit tests. */
function onlyUnitTestsSelected(): boolean {
  const runIndex = process.argv.findIndex((arg) => arg === "run" || arg.endsWith("vitest.mjs") || arg.endsWith("vitest"));
  const filters = process.argv.slice(runIndex + 1).filter((arg) => !arg.startsWith("-") && arg !== "run");
  return filters.length > 0 && filters.every((filter) => filter.includes("unit"));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (onlyUnitTestsSelected()) {
    project.provide("testDbAdminUrl", "");
    project.provide("testDbTemplate", "");
    return async () => {};
  }

  let server: RunningPostgres | undefined;
  let tempDir: string | undefined;
  let adminUrl: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = withDatabase(external, "postgres");
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-test-pg-"));
    // mkdtemp makes it 0700; as root, Postgres runs as the "postgres" user and must be able to enter it.
    fs.chmodSync(tempDir, 0o755);
    const port = process.env.AGORA_TEST_PG_PORT ? Number(process.env.AGORA_TEST_PG_PORT) : await findFreePort();
    // Not detached: if the runner's process group is killed, the server goes with it.
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), port, database: "postgres", detached: false });
    adminUrl = server.adminUrl;
  }

  const template = randomDatabaseName("agora_template");
  await adminExec(adminUrl, `CREATE DATABASE "${template}"`);
  try {
    await applyMigrations(withDatabase(adminUrl, template));
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("testDbAdminUrl", adminUrl);
  project.provide("testDbTemplate", template);

  async function teardown(): Promise<void> {
    if (server) {
      await server.stop();
    } else {
      await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    }
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return teardown;
}
