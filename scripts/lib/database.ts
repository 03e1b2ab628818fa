// The database resolution shared by npm start and every CLI script: DATABASE_URL if set, else the embedded PostgreSQL.
import pg from "pg";
import { redactUrl } from "./paths.ts";
import { withDatabase } from "./pg-admin.ts";
import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from "./postgres.ts";

export interface ResolvedDatabase {
  /** Connection string of the app database. */
  url: string;
  /** Connection to the same server's `postgres` database, for CREATE/DROP DATABASE (scratch databases, tests). */
  adminUrl: string;
  /** True when we started the server and `stop` shuts it down. */
  embedded: boolean;
  /** Stops what resolveDatabase started (nothing for DATABASE_URL); safe to call more than once. */
  stop(): Promise<void>;
}


function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/**
 * Fails early with a message that names the server, rather than letting Prisma fail later with a pool error.
 * Creates the database when the server is reachable but the database does not exist yet, as `prisma migrate
 * deploy` does.
 */
async function checkExternal(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return;
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { code?: string };
    // 3D000 = invalid_catalog_name: the server answers but the database is missing.
    if (err.code !== "3D000") {
      throw new Error(
        `Cannot connect to DATABASE_URL (${redactUrl(url)}): ${err.message || err.code}. ` +
          "Check that the server runs and the credentials are right, or unset DATABASE_URL to use the embedded PostgreSQL.",
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 10_000 });
  admin.on("error", () => undefined);
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    console.error(`[agora] created database "${name}" on ${redactUrl(url)}`);
  } catch (error) {
    throw new Error(
      `Database "${name}" does not exist on ${redactUrl(url)} and could not be created: ${(error as Error).message}`,
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export async function resolveDatabase(options: EmbeddedPostgresOptions = {}): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkExternal(external);
    return { url: external, adminUrl: withDatabase(external, "postgres"), embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres(options);
  return { url: server.url, adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}
