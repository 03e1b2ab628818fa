// The contribution counters (InputCount, kept by triggers) equal a recount of the contributions after a random mix of
// submissions, edits, publications, rejections, hiding, withdrawals, bulk moderation, deletions and compactions; and
// the dashboard, the consultation counts and the list's match count read them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { compactInputCounts, submissionCounts } from "@/lib/balance/counts";
import { getBalanceReport } from "@/lib/balance/dashboard";
import { moderate, moderateMany } from "@/lib/moderation/service";
import { submitContribution, withdrawContribution } from "@/lib/submissions/service";
import { contributionCounts, countPublishedContributions, COUNT_CAP, ListQuerySchema } from "@/lib/submissions/public";
import type { StakeholderGroup } from "@/lib/db/generated/enums";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission, setPolicy } from "../fixtures/moderation";
import { contributionInput } from "../fixtures/submissions";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const GROUPS: StakeholderGroup[] = ["GOVERNMENT", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "ACADEMIC_COMMUNITY", "INTERGOVERNMENTAL_ORGANISATION", "UNCLASSIFIED"];
const COUNTRIES = ["BR", "DE", "KE", "IN", "PL", "ZZ"];

/** The same grouping sets as lib/balance/counts.ts, counted from the contributions themselves. */
async function recount(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT "status"::text, "stakeholderGroup"::text, "region"::text, "developing", "gender"::text, GROUPING("gender")::int AS "g", "language", "overBalance", count(*)::int AS "n"
    FROM "Submission" WHERE "consultationId" = ${consultationId}
    GROUP BY GROUPING SETS (("status"), ("status", "stakeholderGroup"), ("status", "region"), ("status", "developing", "region"), ("status", "gender"), ("status", "language"), ("status", "overBalance"))
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

async function fromCounters(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT "status"::text, "stakeholderGroup"::text, "region"::text, "developing", "gender"::text, GROUPING("gender")::int AS "g", "language", "overBalance", sum("n")::int AS "n"
    FROM "InputCount" WHERE "consultationId" = ${consultationId}
    GROUP BY GROUPING SETS (("status"), ("status", "stakeholderGroup"), ("status", "region"), ("status", "developing", "region"), ("status", "gender"), ("status", "language"), ("status", "overBalance"))
    HAVING sum("n") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

describe("contribution counters", () => {
  it("equal a recount after a random mix of writes, and survive compaction", async () => {
    const next = random(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const other = await buildConsultation();
    await setPolicy(c.id, { maxGroupShare: 0.5, minSample: 6 });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const s = await buildSubmission({ consultationId: i % 10 === 9 ? other.id : c.id, group: pick(GROUPS), country: pick(COUNTRIES), language: pick(["en", "fr", "es"]) });
      ids.push(s.id);
    }
    // Contributions through the contribute service, some of them edited later.
    const authors = await Promise.all([0, 1, 2].map((i) => buildUser({ stakeholderGroup: pick(GROUPS), country: COUNTRIES[i] ?? "BR", organisation: null })));
    for (const author of authors) {
      const sent = await submitContribution(author, c.id, contributionInput({ onBehalfOf: "SELF" }));
      if (!sent.ok) throw new Error(`setup: ${sent.error}`);
      ids.push(sent.data.id);
    }

    for (let step = 0; step < 60; step++) {
      const id = pick(ids);
      const row = await db.submission.findUnique({ where: { id } });
      if (!row) continue;
      const action = pick(["publish", "publish", "publish", "reject", "hide", "restore", "publishOverBalance", "withdraw", "edit", "bulk", "language", "delete", "compact"] as const);
      if (action === "withdraw" && row.authorId) {
        await withdrawContribution({ id: row.authorId, role: "PARTICIPANT" }, row.id, row.version);
      } else if (action === "edit" && row.authorId) {
        await submitContribution({ id: row.authorId, role: "PARTICIPANT" }, row.consultationId, contributionInput({ onBehalfOf: "SELF", submissionId: row.id, expectedVersion: row.version, title: `Edited ${step}`, language: pick(["en", "ar"]) }));
      } else if (action === "bulk") {
        const pending = await db.submission.findMany({ where: { consultationId: c.id, status: "PENDING" }, take: 4 });
        await moderateMany(sec, { verb: pick(["publish", "reject"] as const), reason: "Out of scope for this round.", targets: pending.map((p) => ({ type: "SUBMISSION" as const, id: p.id, version: p.version })) });
      } else if (action === "language") {
        // A write outside the services (an import fix, a script): counted all the same.
        await db.submission.updateMany({ where: { consultationId: row.consultationId, language: row.language }, data: { language: pick(["en", "ru", "zh"]) } });
      } else if (action === "delete") {
        await db.submission.delete({ where: { id } });
      } else if (action === "compact") {
        await compactInputCounts();
      } else if (action !== "withdraw" && action !== "edit") {
        await moderate(sec, { verb: action, reason: "Reason given by the secretariat.", target: { type: "SUBMISSION", id: row.id, version: row.version } });
      }
      if (step % 15 === 14) expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    }
    expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    expect(await fromCounters(other.id)).toEqual(await recount(other.id));
    const statuses = new Set((await db.submission.findMany({ where: { consultationId: c.id }, select: { status: true } })).map((s) => s.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);

    await compactInputCounts();
    expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    // One row per key after compaction.
    const rows = await db.inputCount.count({ where: { consultationId: c.id } });
    const keys = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT DISTINCT "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance" FROM "Submission" WHERE "consultationId" = ${c.id}) k`;
    expect(rows).toBe(Number(keys[0]?.n));

    // Deleting the consultation leaves no counts.
    await db.consultation.delete({ where: { id: other.id } });
    expect(await db.inputCount.count({ where: { consultationId: other.id } })).toBe(0);
  });

  it("feed the dashboard, the consultation counts and the list's match count", async () => {
    const c = await buildConsultation();
    const published = [
      ...(await Promise.all(["BR", "DE", "KE"].map((country) => buildSubmission({ consultationId: c.id, group: "GOVERNMENT", country, status: "PUBLISHED", language: "fr" })))),
      await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", country: "ZZ", status: "PUBLISHED" }),
    ];
    await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", status: "PENDING" });
    await buildSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", status: "HELD_FOR_BALANCE" });
    await buildSubmission({ consultationId: c.id, group: "GOVERNMENT", status: "HIDDEN" });
    const { byStatus } = await submissionCounts(c.id);
    expect(Object.fromEntries(byStatus)).toEqual({ PUBLISHED: 4, PENDING: 1, HELD_FOR_BALANCE: 1, HIDDEN: 1 });

    const report = await getBalanceReport(c.slug);
    expect(report?.submissions).toMatchObject({ published: 4, unknownCountry: 1, pending: 1, held: 1, overBalance: 0 });
    expect(report?.submissions.groups.find((g) => g.key === "GOVERNMENT")).toMatchObject({ count: 3, held: 0 });
    expect(report?.submissions.groups.find((g) => g.key === "CIVIL_SOCIETY")).toMatchObject({ count: 1, held: 1 });
    expect(report?.submissions.languages.find((l) => l.key === "fr")).toMatchObject({ count: 3 });

    const counts = await contributionCounts(c.id);
    expect(counts).toMatchObject({ total: 4, byGroup: { GOVERNMENT: 3, CIVIL_SOCIETY: 1 }, byRegion: { UNKNOWN: 1 } });

    const q = (raw: Record<string, string>) => ListQuerySchema.parse(raw);
    // Published and hidden are listed (and counted); with a group, from the counters too.
    expect(await countPublishedContributions(c.id, q({}))).toEqual({ count: 5, capped: false });
    expect(await countPublishedContributions(c.id, q({ group: "GOVERNMENT", language: "fr" }))).toEqual({ count: 3, capped: false });
    // A search counts published texts only, by the capped count.
    expect(await countPublishedContributions(c.id, q({ q: "distinct" }))).toEqual({ count: 4, capped: false });
    expect(published).toHaveLength(4);
    expect(COUNT_CAP).toBe(10_000);
  });
});
