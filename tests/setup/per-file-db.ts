// Vitest setup file: gives every tests/integration file its own database cloned from the migrated template.
//
// It runs before each test file; DATABASE_URL is replaced before any test (and so before lib/db/client.ts, which
// reads it on first query) touches the database. Unit test files are left alone and never connect.
import { afterAll, beforeAll, inject } from "vitest";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";

let database: string | undefined;

function isIntegrationFile(filepath: string): boolean {
  return filepath.replaceAll("\\", "/").includes("/tests/integration/");
}

beforeAll(async ({}, suite) => {
  if (!isIntegrationFile(suite.file.filepath)) return;
  const adminUrl = inject("testDbAdminUrl");
  const template = inject("testDbTemplate");
  if (!adminUrl || !template) {
    throw new Error("No test database: tests/setup/global-setup.ts skipped PostgreSQL (only unit tests were selected?).");
  }
  database = randomDatabaseName("agora_test");
  // Cloning a template copies files; much faster than replaying the migrations for every file.
  await adminExec(adminUrl, `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  process.env.DATABASE_URL = withDatabase(adminUrl, database);
});

afterAll(async () => {
  if (!database) return;
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await adminExec(inject("testDbAdminUrl"), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  database = undefined;
});
