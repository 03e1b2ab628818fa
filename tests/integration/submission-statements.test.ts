// How many SQL statements one contribution costs through submitContribution (what the contribute form's server
// action calls), counted from Prisma's query events: a ceiling, so a change that adds round trips to the hottest
// write of a deadline surge is noticed. Not a timing.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { submitContribution } from "@/lib/submissions/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput } from "../fixtures/submissions";

/**
 * The ceiling for a new contribution without attachments: 27 before issue 13, 26 after its first pass; 30 with the
 * queue's account grouping (accountLinksOf, 4 statements); 21 since the clock, consultation and cap are one read, the
 * writer one read (shared with the grouping), and the receipt's notification and e-mail read the author's address and
 * preferences once (they took 10 statements, now 5).
 */
const MAX_STATEMENTS = 21;

const statements: string[] = [];
let counting: PrismaClient | undefined;

beforeAll(() => {
  // After the per-file database is set (tests/setup/per-file-db.ts): the app's client (lib/db/client.ts) is this one.
  const url = process.env.DATABASE_URL ?? "";
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => statements.push(event.query));
  (globalThis as unknown as { agoraDb?: { url: string; client: PrismaClient } }).agoraDb = { url, client };
  counting = client;
});

afterAll(async () => {
  await counting?.$disconnect();
});

describe("statements per submission", () => {
  it(`a new contribution takes at most ${MAX_STATEMENTS} statements, transaction control included`, async () => {
    const c = await buildConsultation();
    const author = await buildUser({ organisation: null });
    // A first one warms what is cached per process.
    expect((await submitContribution(author, c.id, contributionInput({ onBehalfOf: "SELF" }))).ok).toBe(true);
    statements.length = 0;
    const result = await submitContribution(author, c.id, contributionInput({ onBehalfOf: "SELF", themes: ["access", "security"] }));
    expect(result.ok).toBe(true);
    const counted = [...statements];
    expect(counted.length).toBeGreaterThan(3);
    expect(counted.length, counted.map((q) => q.slice(0, 100)).join("\n")).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
