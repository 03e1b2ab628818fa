// DATABASE_REPLICA_URL (issue 13): the anonymous reads (the open-data API, the CSV export, the public list's loader)
// go to the read replica when one is set, everything else to the primary. The "replica" here is a copy of the
// primary on the same server, made read-only like a hot standby, whose contribution says where it was read.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { db, disconnectDb, readFromReplica } from "@/lib/db/client";
import { loadPublicContributions, parseListQuery } from "@/lib/submissions/public";
import { GET as listSubmissions } from "@/app/api/v1/consultations/[slug]/submissions/route";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { GET as oneConsultation } from "@/app/api/v1/consultations/[slug]/route";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { buildConsultation } from "../fixtures/users";
import { buildSubmission } from "../fixtures/moderation";

const replica = randomDatabaseName("agora_replica");
let slug = "";
let consultationId = "";

beforeAll(async () => {
  const c = await buildConsultation();
  slug = c.slug;
  consultationId = c.id;
  await buildSubmission({ consultationId: c.id, status: "PUBLISHED", title: "Read on the primary", authorId: null });
  // A copy of the primary as it is now (CREATE DATABASE … TEMPLATE wants no other connection to it), then told apart.
  await disconnectDb();
  const primary = new URL(process.env.DATABASE_URL ?? "").pathname.slice(1);
  await adminExec(inject("testDbAdminUrl"), `CREATE DATABASE "${replica}" TEMPLATE "${primary}"`);
  const url = withDatabase(inject("testDbAdminUrl"), replica);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`UPDATE "Submission" SET "title" = 'Read on the replica' WHERE "consultationId" = $1`, [c.id]);
  await client.end();
  // Read-only, as a streaming standby is: any write sent there fails.
  await adminExec(inject("testDbAdminUrl"), `ALTER DATABASE "${replica}" SET default_transaction_read_only = on`);
  process.env.DATABASE_REPLICA_URL = url;
});

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  await disconnectDb();
  await adminExec(inject("testDbAdminUrl"), `DROP DATABASE IF EXISTS "${replica}" WITH (FORCE)`);
});

const request = (path: string) => new Request(`http://localhost${path}`);
const context = () => ({ params: Promise.resolve({ slug }) });

async function titlesFromApi(): Promise<string[]> {
  const response = await listSubmissions(request(`/api/v1/consultations/${slug}/submissions`), context());
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: { title: string }[] };
  return body.items.map((item) => item.title);
}

describe("read replica", () => {
  it("serves the open-data list, the CSV export and the consultation from the replica", async () => {
    expect(await titlesFromApi()).toEqual(["Read on the replica"]);
    const csv = await (await exportCsv(request(`/api/v1/consultations/${slug}/submissions.csv`), context())).text();
    expect(csv).toContain("Read on the replica");
    expect(csv).not.toContain("Read on the primary");
    const one = await oneConsultation(request(`/api/v1/consultations/${slug}`), context());
    expect(one.status).toBe(200);
  });

  it("serves the public list's loader from the replica inside readFromReplica, and the primary outside it", async () => {
    const parsed = parseListQuery({});
    if (!parsed.ok) throw new Error("bad query");
    const onReplica = await readFromReplica(() => loadPublicContributions(consultationId, parsed.query, parsed.cursor, { withTotal: true }));
    expect(onReplica.items.map((i) => i.title)).toEqual(["Read on the replica"]);
    const onPrimary = await loadPublicContributions(consultationId, parsed.query, parsed.cursor, { withTotal: true });
    expect(onPrimary.items.map((i) => i.title)).toEqual(["Read on the primary"]);
  });

  it("keeps writes on the primary, and a write inside a replica read fails instead of landing there", async () => {
    await db.submission.updateMany({ where: { consultationId }, data: { moderationNote: "written" } });
    expect((await db.submission.findFirst({ where: { consultationId }, select: { moderationNote: true, title: true } }))).toEqual({ moderationNote: "written", title: "Read on the primary" });
    await expect(readFromReplica(() => db.submission.updateMany({ where: { consultationId }, data: { moderationNote: "lost" } }))).rejects.toThrow(/read-only/);
  });

  it("reads the primary everywhere when DATABASE_REPLICA_URL is not set", async () => {
    const saved = process.env.DATABASE_REPLICA_URL;
    delete process.env.DATABASE_REPLICA_URL;
    try {
      expect(await titlesFromApi()).toEqual(["Read on the primary"]);
    } finally {
      process.env.DATABASE_REPLICA_URL = saved;
    }
  });
});
