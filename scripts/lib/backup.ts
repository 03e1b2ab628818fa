// Backups: one file holding a consistent copy of the database and of every attachment it refers to, and its restore
// into an empty database (docs/decisions/0030-backups.md).
//
// The embedded PostgreSQL ships no pg_dump (only initdb, pg_ctl and postgres), and a pg_dump older than the server
// refuses to dump it, so the dump is made the way pg_dump makes one: every table read inside one REPEATABLE READ
// READ ONLY transaction (one snapshot: what committed before it, nothing after), streamed through server-side
// cursors. The schema is not copied: the file records the migrations the database had, and the restore rebuilds the
// schema from those same migrations before it loads the rows.
//
// File format (gzip): one JSON line per record. {"kind":"header",...}, then per table {"kind":"table",...} followed by
// {"kind":"rows","rows":[...]} batches, then the sequences, then {"kind":"file","key","sha256","data":base64} per
// attachment, then {"kind":"end","counts":{...}} so a truncated file is detected.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import pg from "pg";
import { applyMigrations, defaultMigrationsDir } from "./migrate.ts";

export const FORMAT = "agora-backup/1";
const BATCH = 500;
/** Schemas whose tables make up the app's data: ours, and the job queue's waiting jobs. */
const SCHEMAS = ["public", "graphile_worker"];
/** Rebuilt by the restore itself (the migrations and the queue's own version table). */
const SKIPPED = new Set(["public._prisma_migrations", "graphile_worker.migrations"]);

export interface StoredFiles {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

interface TableInfo {
  schema: string;
  name: string;
  columns: string[];
}

type Record_ =
  | { kind: "header"; format: string; createdAt: string; migrations: string[]; server: string }
  | { kind: "table"; schema: string; name: string; columns: string[] }
  | { kind: "rows"; rows: Record<string, unknown>[] }
  | { kind: "sequence"; schema: string; name: string; value: string; called: boolean }
  | { kind: "file"; key: string; sha256: string; data: string }
  | { kind: "missingFile"; key: string }
  | { kind: "end"; counts: Record<string, number>; files: number };

async function tablesOf(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[] }>(
    `SELECT n.nspname::text AS schema, c.relname::text AS name,
            array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relkind = 'r' AND n.nspname = ANY($1)
     GROUP BY n.nspname, c.relname ORDER BY n.nspname, c.relname`,
    [SCHEMAS],
  );
  return rows.filter((t) => !SKIPPED.has(`${t.schema}.${t.name}`));
}

const ident = (client: pg.ClientBase, ...parts: string[]) => parts.map((p) => client.escapeIdentifier(p)).join(".");

export interface BackupSummary {
  rows: Record<string, number>;
  files: number;
  missingFiles: string[];
}

/** Writes a backup of the database at `url` (and of the files its attachments refer to) to `file`. */
export async function backupDatabase(url: string, file: string, files: StoredFiles): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  const done = pipeline(gzip, out);
  const write = (record: Record_) =>
    new Promise<void>((resolve, reject) => {
      const ok = gzip.write(`${JSON.stringify(record)}\n`, (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else gzip.once("drain", resolve);
    });
  const summary: BackupSummary = { rows: {}, files: 0, missingFiles: [] };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )).rows.map((r) => r.migration_name);
    const server = (await client.query<{ v: string }>("SHOW server_version")).rows[0]?.v ?? "";
    await write({ kind: "header", format: FORMAT, createdAt: new Date().toISOString(), migrations, server });
    for (const table of await tablesOf(client)) {
      await write({ kind: "table", schema: table.schema, name: table.name, columns: table.columns });
      const key = `${table.schema}.${table.name}`;
      summary.rows[key] = 0;
      const cols = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(r) AS row FROM (SELECT ${cols} FROM ${ident(client, table.schema, table.name)}) r`);
      for (;;) {
        const { rows } = await client.query<{ row: Record<string, unknown> }>(`FETCH ${BATCH} FROM backup_rows`);
        if (rows.length === 0) break;
        summary.rows[key] += rows.length;
        await write({ kind: "rows", rows: rows.map((r) => r.row) });
      }
      await client.query("CLOSE backup_rows");
    }
    const sequences = await client.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, sequencename AS name FROM pg_sequences WHERE schemaname = ANY($1) ORDER BY 1, 2`, [SCHEMAS],
    );
    for (const seq of sequences.rows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${ident(client, seq.schema, seq.name)}`);
      const row = rows[0];
      if (row) await write({ kind: "sequence", schema: seq.schema, name: seq.name, value: row.last_value, called: row.is_called });
    }
    // The files of the attachments in this snapshot: exactly the ones the restored rows will point to.
    const attachments = await client.query<{ storageKey: string; sha256: string }>(`SELECT "storageKey", sha256 FROM "Attachment" ORDER BY "storageKey"`);
    for (const { storageKey, sha256 } of attachments.rows) {
      const bytes = await files.get(storageKey);
      if (!bytes) {
        summary.missingFiles.push(storageKey);
        await write({ kind: "missingFile", key: storageKey });
        continue;
      }
      await write({ kind: "file", key: storageKey, sha256: createHash("sha256").update(bytes).digest("hex"), data: Buffer.from(bytes).toString("base64") });
      summary.files++;
      void sha256;
    }
    await client.query("COMMIT");
    await write({ kind: "end", counts: summary.rows, files: summary.files });
    gzip.end();
    await done;
    // Only a complete backup takes the file's name.
    fs.renameSync(tmp, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function* records(file: string): AsyncGenerator<Record_> {
  const lines = readline.createInterface({ input: Readable.from(fs.createReadStream(file).pipe(zlib.createGunzip())), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Record_;
}

export interface RestoreSummary {
  rows: Record<string, number>;
  files: number;
  migrations: string[];
}

/** Restores `file` into the EMPTY database at `url`: schema from the recorded migrations, then every row and file. */
export async function restoreDatabase(url: string, file: string, files: StoredFiles): Promise<RestoreSummary> {
  const first = await records(file).next();
  const header = first.value;
  if (!header || header.kind !== "header" || header.format !== FORMAT) throw new Error(`${file} is not an Agora backup (${FORMAT}).`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (existing.rows[0]?.n !== "0") throw new Error("The target database is not empty: restore into a new, empty database.");
  } finally {
    await client.end();
  }

  // The schema as it was: the backup's migrations only (a newer Agora applies its own at the next start).
  const known = new Set(fs.readdirSync(defaultMigrationsDir));
  const unknown = header.migrations.filter((m: string) => !known.has(m));
  if (unknown.length) throw new Error(`This backup was made by a newer version of Agora (migrations ${unknown.join(", ")} are unknown here).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-restore-migrations-"));
  try {
    fs.copyFileSync(path.join(defaultMigrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    for (const m of header.migrations) fs.cpSync(path.join(defaultMigrationsDir, m), path.join(dir, m), { recursive: true });
    await applyMigrations(url, { migrationsDir: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const summary: RestoreSummary = { rows: {}, files: 0, migrations: header.migrations };
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let ended = false;
  try {
    await db.query("BEGIN");
    // Rows go in as they were: no triggers, no foreign-key order to respect (needs a superuser, as pg_restore does).
    await db.query("SET LOCAL session_replication_role = replica");
    let table: { schema: string; name: string; columns: string[] } | null = null;
    for await (const record of records(file)) {
      if (record.kind === "table") {
        table = record;
        summary.rows[`${record.schema}.${record.name}`] = 0;
        // The migrations may have left rows of their own (the queue's task list): the backup's replace them.
        await db.query(`DELETE FROM ${ident(db, record.schema, record.name)}`);
      } else if (record.kind === "rows" && table) {
        const cols = table.columns.map((c) => db.escapeIdentifier(c)).join(", ");
        const target = ident(db, table.schema, table.name);
        await db.query(`INSERT INTO ${target} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)`, [JSON.stringify(record.rows)]);
        summary.rows[`${table.schema}.${table.name}`] = (summary.rows[`${table.schema}.${table.name}`] ?? 0) + record.rows.length;
      } else if (record.kind === "sequence") {
        await db.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(db, record.schema, record.name), record.value, record.called]);
      } else if (record.kind === "file") {
        const bytes = new Uint8Array(Buffer.from(record.data, "base64"));
        if (createHash("sha256").update(bytes).digest("hex") !== record.sha256) throw new Error(`The backup's copy of ${record.key} is damaged.`);
        await files.put(record.key, bytes);
        summary.files++;
      } else if (record.kind === "end") {
        ended = true;
        for (const [key, n] of Object.entries(record.counts)) {
          if (summary.rows[key] !== n) throw new Error(`The backup is inconsistent: ${key} has ${summary.rows[key] ?? 0} rows, the backup says ${n}.`);
        }
      }
    }
    if (!ended) throw new Error("The backup file is incomplete (it has no end record): nothing was restored.");
    await db.query("COMMIT");
    return summary;
  } catch (error) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await db.end().catch(() => undefined);
  }
}
