// Backups and recovery: a backup restores into an empty database with every row and file as it was, and a server
// killed (SIGKILL) in the middle of a burst of submissions leaves every receipted contribution whole, none half-written.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { DiskStorage, storage } from "@/lib/storage";
import { submitContribution } from "@/lib/submissions/service";
import { createComment } from "@/lib/comments/service";
import { enqueueJob } from "@/lib/jobs/queue";
import { backupDatabase, restoreDatabase, type StoredFiles } from "../../scripts/lib/backup.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { buildConsultation, buildUser } from "../fixtures/users";
import { PDF_BYTES, contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildDraft, paragraphNumber } from "../fixtures/drafts";

const storageDir = withTemporaryStorage();

function filesOf(store: DiskStorage): StoredFiles {
  return {
    async get(key) {
      const object = await store.get(key);
      return object ? new Uint8Array(await new Response(object.body).arrayBuffer()) : null;
    },
    put: (key, bytes) => store.put(key, bytes),
  };
}

/** Each table's rows as one checksum, in a fixed order: equal checksums, equal contents. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables WHERE schemaname IN ('public', 'graphile_worker') AND tablename NOT IN ('_prisma_migrations', 'migrations') ORDER BY 1, 2`,
    );
    const out: Record<string, string> = {};
    for (const { schema, name } of tables.rows) {
      const target = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      const { rows } = await client.query<{ n: string; h: string | null }>(`SELECT count(*)::text AS n, md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS h FROM ${target} t`);
      out[`${schema}.${name}`] = `${rows[0]?.n}:${rows[0]?.h ?? ""}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("db:backup and db:restore", () => {
  it("round-trip every row, sequence and attachment file into an empty database", async () => {
    const consultation = await buildConsultation();
    const user = await buildUser();
    const sent = await submitContribution(user, consultation.id, contributionInput({ title: "Kept in the backup" }), [{ name: "evidence.pdf", bytes: PDF_BYTES }]);
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    expect(await createComment(user, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 1).anchorId, body: "A comment with “quotes”, émojis 🎉 and\nlines." })).toMatchObject({ ok: true });
    await enqueueJob(null, "jobs.recover", {});

    const source = process.env.DATABASE_URL ?? "";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-backup-"));
    const file = path.join(dir, "agora.backup.gz");
    const summary = await backupDatabase(source, file, filesOf(new DiskStorage(storageDir)));
    expect(summary).toMatchObject({ files: 1, missingFiles: [] });
    expect(summary.rows["public.Submission"]).toBeGreaterThanOrEqual(1);

    // Written after the backup: not in it.
    await buildUser({ name: "After the backup", organisation: null });

    const target = randomDatabaseName("agora_restore");
    await adminExec(inject("testDbAdminUrl"), `CREATE DATABASE "${target}"`);
    const targetUrl = withDatabase(inject("testDbAdminUrl"), target);
    const restoredStorage = new DiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "agora-restored-files-")));
    try {
      const restored = await restoreDatabase(targetUrl, file, filesOf(restoredStorage));
      expect(restored.files).toBe(1);
      const [before, after] = await Promise.all([fingerprint(source), fingerprint(targetUrl)]);
      // Everything but the user created after the backup is identical.
      const { ["public.User"]: userAfter, ...restOfBefore } = before;
      const { ["public.User"]: userRestored, ...restOfAfter } = after;
      expect(restOfAfter).toEqual(restOfBefore);
      expect(Number(userRestored?.split(":")[0])).toBe(Number(userAfter?.split(":")[0]) - 1);
      // The reference sequence goes on where it was, and the attachment's bytes are the same.
      const client = new pg.Client({ connectionString: targetUrl });
      await client.connect();
      const seq = await client.query<{ n: string }>(`SELECT nextval('submission_reference_seq')::text AS n`);
      await client.end();
      const [sourceSeq] = await db.$queryRaw<{ n: bigint }[]>`SELECT last_value AS n FROM submission_reference_seq`;
      expect(BigInt(seq.rows[0]?.n ?? "0")).toBe((sourceSeq?.n ?? 0n) + 1n);
      const attachment = await db.attachment.findFirstOrThrow({ where: { submissionId: sent.data.id } });
      const object = await restoredStorage.get(attachment.storageKey);
      expect(createHash("sha256").update(new Uint8Array(await new Response(object?.body).arrayBuffer())).digest("hex")).toBe(attachment.sha256);
      // Restoring again into a database that now has data is refused.
      await expect(restoreDatabase(targetUrl, file, filesOf(restoredStorage))).rejects.toThrow(/not empty/);
    } finally {
      await adminExec(inject("testDbAdminUrl"), `DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
    }

    // A truncated backup file is refused whole.
    const truncated = path.join(dir, "truncated.backup.gz");
    const zlib = await import("node:zlib");
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, Math.ceil(lines.length / 2)).join("\n")));
    const empty = randomDatabaseName("agora_restore");
    await adminExec(inject("testDbAdminUrl"), `CREATE DATABASE "${empty}"`);
    try {
      await expect(restoreDatabase(withDatabase(inject("testDbAdminUrl"), empty), truncated, filesOf(restoredStorage))).rejects.toThrow(/incomplete|inconsistent/);
      const client = new pg.Client({ connectionString: withDatabase(inject("testDbAdminUrl"), empty) });
      await client.connect();
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Submission"`);
      await client.end();
      expect(rows[0]?.n).toBe("0");
    } finally {
      await adminExec(inject("testDbAdminUrl"), `DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
    }
  });
});

describe("a server killed in the middle of a burst of submissions", () => {
  it("leaves every contribution that got a receipt stored whole, and none half-written", async () => {
    const consultation = await buildConsultation();
    await db.balancePolicy.update({ where: { consultationId: consultation.id }, data: { maxPerContributor: 10_000 } });
    const users = await Promise.all(Array.from({ length: 4 }, () => buildUser({ organisation: null })));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", path.join("tests", "fixtures", "submission-burst-child.ts"),
        process.env.DATABASE_URL ?? "", storageDir, consultation.id, users.map((u) => u.id).join(",")],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const receipts = () => output.split("\n").filter((l) => l.startsWith("RECEIPT ")).map((l) => JSON.parse(l.slice(8)) as { id: string; reference: string; title: string });
    try {
      // Killed without warning while four requests are in flight.
      await expect.poll(() => receipts().length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(12);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    expect(output).not.toContain("REFUSED");
    const given = receipts();

    const stored = await db.submission.findMany({
      where: { consultationId: consultation.id },
      include: { versions: true, moderationEvents: true, themes: true, attachments: true },
    });
    // Every receipt names a contribution that is there, with the text it was sent with.
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const receipt of given) {
      expect(byId.get(receipt.id), receipt.reference).toMatchObject({ reference: receipt.reference, title: receipt.title, status: "PENDING" });
    }
    // And every contribution there, receipted or not (one may have committed as the process died), is whole.
    for (const s of stored) {
      expect(s.versions.map((v) => [v.version, v.title]), s.reference).toEqual([[1, s.title]]);
      expect(s.moderationEvents.map((e) => e.action), s.reference).toEqual(["SUBMIT"]);
      expect(s.themes, s.reference).toHaveLength(1);
      expect(s.attachments, s.reference).toHaveLength(1);
      const [attachment] = s.attachments;
      const object = attachment ? await storage().get(attachment.storageKey) : null;
      expect(object, `${s.reference}'s file`).not.toBeNull();
      const bytes = new Uint8Array(await new Response(object?.body).arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex"), s.reference).toBe(attachment?.sha256);
    }
    expect(stored.length).toBeGreaterThanOrEqual(given.length);
  });
});
