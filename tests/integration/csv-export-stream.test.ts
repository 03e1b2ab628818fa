// The CSV export streams from a COPY on a connection of its own (lib/db/copy-out.ts): Postgres waits on a client that
// stops reading instead of the server buffering the export, a client that goes away ends the COPY, AGORA_EXPORT_TIMEOUT_MS
// ends a stalled export, and a request that finds every export connection taken gets a 503 with Retry-After.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { buildConsultation } from "../fixtures/users";

let slug = "";
const ROWS = 4000;

beforeAll(async () => {
  const c = await buildConsultation();
  slug = c.slug;
  // About 40 MB of CSV, far more than the sockets between here and Postgres hold; the bulk is in the organisation's
  // name, which the full-text trigger does not index.
  await db.$executeRaw`
    INSERT INTO "Submission" ("id", "reference", "consultationId", "contributorKey", "contributorName", "organisationName", "stakeholderGroup", "country",
      "region", "title", "body", "language", "status", "submittedAt", "publishedAt", "updatedAt")
    SELECT 'big-' || i, 'BIG-' || i, ${c.id}, 'name:big' || i, 'Big ' || i, repeat(md5(i::text) || ', "quoted"' || chr(10), 250), 'CIVIL_SOCIETY', 'KE',
      'AFRICAN', 'Big ' || i, 'Short body', 'en', 'PUBLISHED', now(), now() - (i || ' seconds')::interval, now()
    FROM generate_series(1, ${ROWS}) AS i`;
});

const saved = { timeout: process.env.AGORA_EXPORT_TIMEOUT_MS, connections: process.env.AGORA_EXPORT_CONNECTIONS };
afterEach(() => {
  for (const [name, value] of [["AGORA_EXPORT_TIMEOUT_MS", saved.timeout], ["AGORA_EXPORT_CONNECTIONS", saved.connections]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const request = () => exportCsv(new Request(`http://localhost/api/v1/consultations/${slug}/submissions.csv`), { params: Promise.resolve({ slug }) });

/** The export's backend in Postgres, if any: its state and what it waits on. */
async function exportBackends(): Promise<{ state: string | null; wait_event: string | null }[]> {
  return db.$queryRaw`SELECT "state", "wait_event" FROM pg_stat_activity WHERE "datname" = current_database() AND "application_name" = 'agora-export' AND "query" LIKE 'COPY%'`;
}

/** Polls until `done` holds (each check a query; no figure of time is asserted), or gives up after `tries`. */
async function eventually(done: () => Promise<boolean>, tries = 200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("CSV export stream", () => {
  it("makes Postgres wait for a client that stops reading, and ends the COPY when the client goes away", async () => {
    const response = await request();
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    let bytes = 0;
    for (let i = 0; i < 3; i++) bytes += (await reader.read()).value?.byteLength ?? 0;
    // Not reading: Postgres blocks writing to this client, with most of the export still to come.
    expect(await eventually(async () => (await exportBackends()).some((b) => b.state === "active" && b.wait_event === "ClientWrite"))).toBe(true);
    // … and stays so: an export read into the server's memory would have finished by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await exportBackends()).toEqual([{ state: "active", wait_event: "ClientWrite" }]);
    expect(bytes).toBeLessThan(1_000_000);
    await reader.cancel();
    expect(await eventually(async () => (await exportBackends()).length === 0)).toBe(true);
    // The pool is not left holding a broken connection: the next export runs to the end.
    const again = await (await request()).text();
    expect(again.split("\r\nBIG-").length - 1).toBe(ROWS);
  });

  it("stops an export that takes longer than AGORA_EXPORT_TIMEOUT_MS, and frees its connection", async () => {
    process.env.AGORA_EXPORT_TIMEOUT_MS = "1500";
    const response = await request();
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    expect(await eventually(async () => (await exportBackends()).length === 0)).toBe(true);
    await expect((async () => {
      for (;;) if ((await reader.read()).done) return "complete";
    })()).rejects.toThrow(/AGORA_EXPORT_TIMEOUT_MS|statement timeout/);
  });

  it("answers 503 with Retry-After when every export connection stays taken", async () => {
    process.env.AGORA_EXPORT_CONNECTIONS = "1";
    const first = await request();
    const reader = first.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    const second = await request();
    expect(second.status).toBe(503);
    expect(second.headers.get("retry-after")).toBe("60");
    expect(await second.json()).toMatchObject({ error: "exports_busy" });
    await reader.cancel();
  }, 60_000);
});
