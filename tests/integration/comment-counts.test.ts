// The comment counters (CommentCount, kept by triggers) equal a recount of the comments after a random mix of writes,
// and the balance dashboard's comment figures read from them are those the grouped scans of the comments gave.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { compactInputCounts } from "@/lib/balance/counts";
import { getBalanceReport } from "@/lib/balance/dashboard";
import { moderate } from "@/lib/moderation/service";
import type { StakeholderGroup } from "@/lib/db/generated/enums";
import { regionOf, isDevelopingCountry } from "@/lib/geo/countries";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildComment } from "../fixtures/moderation";

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const GROUPS: StakeholderGroup[] = ["GOVERNMENT", "PRIVATE_SECTOR", "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "UNCLASSIFIED"];
const COUNTRIES = ["BR", "DE", "KE", "IN", "ZZ"];

async function recount(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT "status"::text, "stakeholderGroup"::text, "region"::text, "developing", "gender"::text, GROUPING("gender")::int AS "g", "language", "overBalance", count(*)::int AS "n"
    FROM "Comment" WHERE "consultationId" = ${consultationId}
    GROUP BY GROUPING SETS (("status"), ("status", "stakeholderGroup"), ("status", "region"), ("status", "developing", "region"), ("status", "gender"), ("status", "language"), ("status", "overBalance"))
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

async function fromCounters(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT "status"::text, "stakeholderGroup"::text, "region"::text, "developing", "gender"::text, GROUPING("gender")::int AS "g", "language", "overBalance", sum("n")::int AS "n"
    FROM "CommentCount" WHERE "consultationId" = ${consultationId}
    GROUP BY GROUPING SETS (("status"), ("status", "stakeholderGroup"), ("status", "region"), ("status", "developing", "region"), ("status", "gender"), ("status", "language"), ("status", "overBalance"))
    HAVING sum("n") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** The dashboard's comment figures as they were read before: grouped scans of the comments. */
async function commentFiguresByScan(consultationId: string) {
  const where = { consultationId, status: "PUBLISHED" as const };
  const by = async <K extends "stakeholderGroup" | "region" | "gender" | "language">(field: K) => db.comment.groupBy({ by: [field], where, _count: { _all: true } });
  const [waiting, overBalance, groups, regions, genders, languages] = await Promise.all([
    db.comment.groupBy({ by: ["status", "stakeholderGroup"], where: { consultationId, status: { in: ["PENDING", "HELD_FOR_BALANCE"] } }, _count: { _all: true } }),
    db.comment.count({ where: { ...where, overBalance: true } }),
    by("stakeholderGroup"), by("region"), by("gender"), by("language"),
  ]);
  const n = <T extends { _count: { _all: number } }>(rows: T[], key: (r: T) => string) => Object.fromEntries(rows.map((r) => [key(r), r._count._all]));
  return {
    groups: n(groups, (r) => String(r.stakeholderGroup)),
    regions: n(regions, (r) => String(r.region)),
    genders: n(genders, (r) => (r.gender ? String(r.gender) : "undeclared")),
    languages: n(languages, (r) => r.language),
    held: waiting.filter((r) => r.status === "HELD_FOR_BALANCE").reduce((a, r) => a + r._count._all, 0),
    pending: waiting.filter((r) => r.status === "PENDING").reduce((a, r) => a + r._count._all, 0),
    overBalance,
  };
}

const nonZero = (shares: { key: string; count: number }[]) => Object.fromEntries(shares.filter((s) => s.count > 0).map((s) => [s.key, s.count]));

describe("comment counters", () => {
  it("equal a recount after a random mix of writes, feed the dashboard as the scans did, and go with their consultation", async () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const other = await buildConsultation();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const comment = await buildComment({ consultationId: i % 10 === 9 ? other.id : c.id, authorId: null, group: pick(GROUPS), language: pick(["en", "fr", "es"]), status: pick(["PENDING", "PENDING", "PUBLISHED", "HELD_FOR_BALANCE"] as const) });
      ids.push(comment.id);
    }
    for (let step = 0; step < 50; step++) {
      const id = pick(ids);
      const row = await db.comment.findUnique({ where: { id } });
      if (!row) continue;
      const action = pick(["publish", "publish", "reject", "hide", "restore", "place", "gender", "overBalance", "delete", "compact"] as const);
      if (action === "place") {
        // Writes outside the services are counted all the same.
        const country = pick(COUNTRIES);
        await db.comment.update({ where: { id }, data: { country, region: regionOf(country), developing: isDevelopingCountry(country) } });
      } else if (action === "gender") {
        await db.comment.updateMany({ where: { consultationId: row.consultationId, stakeholderGroup: row.stakeholderGroup }, data: { gender: pick(["FEMALE", "MALE", null] as const) } });
      } else if (action === "overBalance") {
        await db.comment.update({ where: { id }, data: { overBalance: !row.overBalance } });
      } else if (action === "delete") {
        await db.comment.delete({ where: { id } });
      } else if (action === "compact") {
        await compactInputCounts();
      } else {
        await moderate(sec, { verb: action, reason: "Reason given by the secretariat.", target: { type: "COMMENT", id: row.id, version: row.version } });
      }
      if (step % 10 === 9) expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    }
    expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    expect(await fromCounters(other.id)).toEqual(await recount(other.id));

    const report = await getBalanceReport(c.slug);
    const scanned = await commentFiguresByScan(c.id);
    const comments = report?.comments;
    expect(comments).toBeDefined();
    const { UNCLASSIFIED: unclassified = 0, ...classified } = scanned.groups;
    expect(nonZero(comments?.groups ?? [])).toEqual(Object.fromEntries(Object.entries(classified).filter(([, v]) => v > 0)));
    expect(comments?.unclassified).toBe(unclassified);
    expect(comments?.published).toBe(Object.values(scanned.groups).reduce((a, b) => a + b, 0));
    const { UNKNOWN: unknownCountry = 0, ...regions } = scanned.regions;
    expect(nonZero(comments?.regions ?? [])).toEqual(regions);
    expect(comments?.unknownCountry).toBe(unknownCountry);
    expect(nonZero(comments?.genders ?? [])).toEqual(scanned.genders);
    expect(nonZero(comments?.languages ?? [])).toEqual(scanned.languages);
    expect(comments).toMatchObject({ held: scanned.held, pending: scanned.pending, overBalance: scanned.overBalance });
    expect(comments?.published).toBeGreaterThan(0);

    await compactInputCounts();
    expect(await fromCounters(c.id)).toEqual(await recount(c.id));
    await db.consultation.delete({ where: { id: other.id } });
    expect(await db.commentCount.count({ where: { consultationId: other.id } })).toBe(0);
  });
});
