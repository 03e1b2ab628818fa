// prisma/migrations must rebuild exactly the schema.prisma datamodel, and apply cleanly to an empty database.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, checkDrift, defaultMigrationsDir, readMigrationsList } from "../../scripts/lib/migrate.ts";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";

const adminUrl = inject("testDbAdminUrl");
const created: string[] = [];

afterAll(async () => {
  for (const name of created) await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("prisma/migrations", () => {
  it("matches prisma/schema.prisma (no drift)", async () => {
    const drift = await checkDrift(adminUrl);
    // On failure the message is the missing SQL: run `npm run db:diff -- <name>` to turn it into a migration.
    expect(drift, "schema.prisma changed without a migration; run `npm run db:diff -- <name>`").toBe("");
  });

  it("applies cleanly to an empty database, once, recording each migration like prisma migrate deploy", async () => {
    const database = randomDatabaseName("agora_empty");
    created.push(database);
    await adminExec(adminUrl, `CREATE DATABASE "${database}"`);
    const url = withDatabase(adminUrl, database);

    const names = readMigrationsList().migrationDirectories.map((dir) => dir.path);
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual(names);
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.map((row) => row.migration_name)).toEqual(names);
      for (const row of rows) {
        const sql = fs.readFileSync(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      await client.end();
    }
  });

  it("keeps the lock file the Prisma CLI expects", () => {
    const lock = fs.readFileSync(path.join(defaultMigrationsDir, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });
});
