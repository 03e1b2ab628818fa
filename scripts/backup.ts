// `npm run db:backup [-- file]` and `npm run db:restore -- file`: a consistent copy of the database and of the
// attachment files it refers to, and its restore into an empty database (scripts/lib/backup.ts, ADR 0030).
// Same database resolution as npm start (DATABASE_URL, else the embedded PostgreSQL), same attachment storage.
import fs from "node:fs";
import path from "node:path";
import { resolveDatabase } from "./lib/database.ts";
import { dataRoot, redactUrl } from "./lib/paths.ts";
import { backupDatabase, restoreDatabase, type StoredFiles } from "./lib/backup.ts";

const USAGE = "Usage: npm run db:backup [-- <file>]   |   npm run db:restore -- <file>";

async function storedFiles(): Promise<StoredFiles> {
  const { storage } = await import("../lib/storage/index.ts");
  return {
    async get(key) {
      const object = await storage().get(key);
      return object ? new Uint8Array(await new Response(object.body).arrayBuffer()) : null;
    },
    async put(key, bytes) {
      // Restoring over a storage that still has the file (same key, never overwritten): keep it.
      if (await storage().get(key)) return;
      await storage().put(key, bytes, "application/octet-stream");
    },
  };
}

async function main(): Promise<number> {
  const [command, fileArg] = process.argv.slice(2);
  if (command !== "backup" && command !== "restore") {
    console.error(USAGE);
    return 2;
  }
  if (command === "restore" && !fileArg) {
    console.error(USAGE);
    return 2;
  }
  const database = await resolveDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    const files = await storedFiles();
    if (command === "backup") {
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.resolve(fileArg ?? path.join(dataRoot(), "backups", `agora-${stamp}.backup.gz`));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const summary = await backupDatabase(database.url, file, files);
      const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
      console.log(`Backed up ${redactUrl(database.url)}: ${rows} rows in ${Object.keys(summary.rows).length} tables, ${summary.files} attachment file(s), to ${file}`);
      if (summary.missingFiles.length) console.error(`Warning: ${summary.missingFiles.length} attachment file(s) were already missing from storage: ${summary.missingFiles.join(", ")}`);
      return 0;
    }
    const file = path.resolve(fileArg as string);
    const summary = await restoreDatabase(database.url, file, files);
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    console.log(`Restored ${file} into ${redactUrl(database.url)}: ${rows} rows, ${summary.files} attachment file(s), ${summary.migrations.length} migrations.`);
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
