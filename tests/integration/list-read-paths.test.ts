// The public list's read paths that avoid scanning the contributions give what the scanning queries gave: the filters'
// facets (countries by a skip scan of an index, languages from the counters) and the match count of a theme filter
// (from the ThemeCount counters kept by triggers).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { compactInputCounts } from "@/lib/balance/counts";
import { isKnownCountry } from "@/lib/geo/countries";
import { moderate } from "@/lib/moderation/service";
import { countPublishedContributions, ListQuerySchema, loadContributionsPage, publishedFacets, SEARCH_COUNT_CAP } from "@/lib/submissions/public";
import { submitContribution, withdrawContribution } from "@/lib/submissions/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildSubmission } from "../fixtures/moderation";
import { contributionInput } from "../fixtures/submissions";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Contributions per theme and status, counted from the contributions themselves. */
async function themeRecount(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT st."themeId", s."status"::text, count(*)::int AS "n" FROM "SubmissionTheme" st JOIN "Submission" s ON s."id" = st."submissionId"
    WHERE s."consultationId" = ${consultationId} GROUP BY 1, 2 ORDER BY 1, 2`;
}

async function themeCounters(consultationId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT "themeId", "status"::text, sum("n")::int AS "n" FROM "ThemeCount" WHERE "consultationId" = ${consultationId}
    GROUP BY 1, 2 HAVING sum("n") <> 0 ORDER BY 1, 2`;
}

/** The theme filter's match count as it was read before: counted over the contributions, up to the cap. */
async function themeCountByScan(consultationId: string, slug: string) {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Submission" s WHERE s."consultationId" = ${consultationId} AND s."status" IN ('PUBLISHED', 'HIDDEN') AND s."publishedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "SubmissionTheme" st JOIN "Theme" t ON t."id" = st."themeId" WHERE st."submissionId" = s."id" AND t."slug" = ${slug})`;
  return { count: Number(rows[0]?.n ?? 0), capped: false };
}

/** The facets as they were read before: two grouped scans of the published and hidden contributions. */
async function facetsByScan(consultationId: string) {
  const where = { consultationId, status: { in: ["PUBLISHED" as const, "HIDDEN" as const] }, publishedAt: { not: null } };
  const [countries, languages] = await Promise.all([
    db.submission.groupBy({ by: ["country"], where, orderBy: { country: "asc" } }),
    db.submission.groupBy({ by: ["language"], where, orderBy: { language: "asc" } }),
  ]);
  return { countries: countries.map((c) => c.country).filter((c) => isKnownCountry(c)), languages: languages.map((l) => l.language) };
}

describe("public list facets", () => {
  it("offer the countries and languages of published and hidden contributions, as the grouped scans did", async () => {
    const c = await buildConsultation();
    const other = await buildConsultation();
    expect(await publishedFacets(c.id)).toEqual({ countries: [], languages: [] });
    const statuses = ["PUBLISHED", "PUBLISHED", "PENDING", "REJECTED", "HELD_FOR_BALANCE", "CHANGES_REQUESTED"] as const;
    const countries = ["BR", "DE", "KE", "IN", "PL", "ZZ", "JP", "MX"];
    const languages = ["en", "fr", "es", "ar", "ru", "zh"];
    for (let i = 0; i < 40; i++) {
      await buildSubmission({
        consultationId: i % 7 === 6 ? other.id : c.id, authorId: null, status: statuses[i % statuses.length], country: countries[(i * 3) % countries.length], language: languages[(i * 5) % languages.length],
      });
    }
    // A hidden contribution keeps its place in the list, so its country and language are offered.
    const hide = await buildSubmission({ consultationId: c.id, authorId: null, status: "PUBLISHED", country: "UA", language: "uk" });
    await db.submission.update({ where: { id: hide.id }, data: { status: "HIDDEN" } });
    // Only pending: not offered.
    await buildSubmission({ consultationId: c.id, authorId: null, status: "PENDING", country: "FR", language: "de" });
    const expected = await facetsByScan(c.id);
    expect(expected.countries).toContain("UA");
    expect(expected.countries).not.toContain("FR");
    expect(expected.countries).not.toContain("ZZ");
    expect(expected.languages).toContain("uk");
    expect(await publishedFacets(c.id)).toEqual(expected);
    expect(await publishedFacets(other.id)).toEqual(await facetsByScan(other.id));

    // Unpublishing the only contribution of a country and language removes both.
    await db.submission.update({ where: { id: hide.id }, data: { status: "REJECTED" } });
    const after = await publishedFacets(c.id);
    expect(after).toEqual(await facetsByScan(c.id));
    expect(after.countries).not.toContain("UA");
    expect(after.languages).not.toContain("uk");
  });
});

describe("theme counters", () => {
  it("equal a recount after a random mix of writes, give the theme filter's count, and go with their consultation", async () => {
    const next = random(39);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const sec = await buildUser({ role: "SECRETARIAT" });
    const c = await buildConsultation();
    const other = await buildConsultation();
    const themes = await db.theme.findMany({ where: { consultationId: c.id } });
    const extra = await db.theme.create({ data: { consultationId: c.id, slug: "rights", title: "Rights", position: 9 } });
    const themeIds = [...themes.map((t) => t.id), extra.id];
    const otherThemes = await db.theme.findMany({ where: { consultationId: other.id } });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const inOther = i % 8 === 7;
      const status = pick(["PUBLISHED", "PUBLISHED", "PENDING", "HIDDEN", "REJECTED"] as const);
      // Hidden after being published, as the secretariat hides (it keeps its publication date).
      const s = await buildSubmission({ consultationId: inOther ? other.id : c.id, authorId: null, status: status === "HIDDEN" ? "PUBLISHED" : status });
      if (status === "HIDDEN") await db.submission.update({ where: { id: s.id }, data: { status } });
      const pool = inOther ? otherThemes.map((t) => t.id) : themeIds;
      await db.submissionTheme.createMany({ data: [...new Set([pick(pool), pick(pool)])].map((themeId) => ({ submissionId: s.id, themeId })) });
      ids.push(s.id);
    }
    const authors = await Promise.all([0, 1, 2].map(() => buildUser({ organisation: null })));
    for (const author of authors) {
      const sent = await submitContribution(author, c.id, contributionInput({ onBehalfOf: "SELF", themes: ["access", "security"] }));
      if (!sent.ok) throw new Error(`setup: ${sent.error}`);
      ids.push(sent.data.id);
    }
    expect(await themeCounters(c.id)).toEqual(await themeRecount(c.id));

    for (let step = 0; step < 50; step++) {
      const id = pick(ids);
      const row = await db.submission.findUnique({ where: { id } });
      if (!row) continue;
      const action = pick(["publish", "publish", "reject", "hide", "restore", "withdraw", "edit", "retheme", "moveTheme", "bulkStatus", "delete", "compact"] as const);
      if (action === "withdraw" && row.authorId) {
        await withdrawContribution({ id: row.authorId, role: "PARTICIPANT" }, row.id, row.version);
      } else if (action === "edit" && row.authorId) {
        await submitContribution({ id: row.authorId, role: "PARTICIPANT" }, row.consultationId, contributionInput({ onBehalfOf: "SELF", submissionId: row.id, expectedVersion: row.version, themes: [pick(["access", "security"])] }));
      } else if (action === "retheme") {
        // Writes outside the services (an import fix, a script) are counted all the same.
        await db.submissionTheme.deleteMany({ where: { submissionId: id } });
        if (row.consultationId === c.id) await db.submissionTheme.createMany({ data: [{ submissionId: id, themeId: pick(themeIds) }] });
      } else if (action === "moveTheme" && row.consultationId === c.id) {
        await db.submissionTheme.updateMany({ where: { themeId: pick(themeIds), submission: { consultationId: c.id } }, data: { themeId: extra.id } }).catch(() => undefined);
      } else if (action === "bulkStatus") {
        await db.submission.updateMany({ where: { consultationId: row.consultationId, status: "PENDING" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
      } else if (action === "delete") {
        await db.submission.delete({ where: { id } });
      } else if (action === "compact") {
        await compactInputCounts();
      } else if (action === "publish" || action === "reject" || action === "hide" || action === "restore") {
        await moderate(sec, { verb: action, reason: "Reason given by the secretariat.", target: { type: "SUBMISSION", id: row.id, version: row.version } });
      }
      if (step % 10 === 9) expect(await themeCounters(c.id)).toEqual(await themeRecount(c.id));
    }
    expect(await themeCounters(c.id)).toEqual(await themeRecount(c.id));
    expect(await themeCounters(other.id)).toEqual(await themeRecount(other.id));

    // The list's count for a theme filter: what counting the contributions gives (an unknown theme finds none).
    const q = (raw: Record<string, string>) => ListQuerySchema.parse(raw);
    for (const slug of ["access", "security", "rights", "none-such"]) {
      expect(await countPublishedContributions(c.id, q({ theme: slug }))).toEqual(await themeCountByScan(c.id, slug));
    }
    expect((await countPublishedContributions(c.id, q({ theme: "access" }))).count).toBeGreaterThan(0);

    // A theme removed by the secretariat takes its counts with it; compaction leaves one row per key.
    await db.theme.delete({ where: { id: extra.id } });
    expect(await themeCounters(c.id)).toEqual(await themeRecount(c.id));
    await compactInputCounts();
    expect(await themeCounters(c.id)).toEqual(await themeRecount(c.id));
    const keys = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT DISTINCT st."themeId", s."status" FROM "SubmissionTheme" st JOIN "Submission" s ON s."id" = st."submissionId" WHERE s."consultationId" = ${c.id}) k`;
    expect(await db.themeCount.count({ where: { consultationId: c.id } })).toBe(Number(keys[0]?.n));

    // Deleting a consultation leaves no counts.
    await db.consultation.delete({ where: { id: other.id } });
    expect(await db.themeCount.count({ where: { consultationId: other.id } })).toBe(0);
  });
});

describe("search", () => {
  it("lists and counts a rare word's matches as a scan finds them, and caps a common word's count", async () => {
    const c = await buildConsultation();
    const other = await buildConsultation();
    // Many contributions written in SQL (as an import would): a common word in all of them, a rare one in a few,
    // some of those not published or in another consultation.
    await db.$executeRaw`
      INSERT INTO "Submission" ("id","reference","consultationId","contributorKey","contributorName","stakeholderGroup","country","region","title","body","language","status","submittedAt","receivedAt","publishedAt","updatedAt")
      SELECT ${c.id} || '-s' || g, ${c.id} || '-R' || g, CASE WHEN g % 500 = 7 THEN ${other.id} ELSE ${c.id} END, 'name:x' || g, 'Someone', 'CIVIL_SOCIETY', 'KE', 'AFRICAN',
        'Title ' || g, 'Wombats everywhere, contribution ' || g || CASE WHEN g % 300 = 7 THEN ' about the platypus' ELSE '' END, 'en',
        (CASE WHEN g % 600 = 307 THEN 'PENDING' ELSE 'PUBLISHED' END)::"SubmissionStatus", now() - make_interval(secs => g), now() - make_interval(secs => g),
        CASE WHEN g % 600 = 307 THEN NULL ELSE now() - make_interval(secs => g) END, now()
      FROM generate_series(1, ${SEARCH_COUNT_CAP + 200}::int) g`;
    const q = (raw: Record<string, string>) => ListQuerySchema.parse(raw);
    const expected = await db.submission.findMany({
      where: { consultationId: c.id, status: "PUBLISHED", body: { contains: "platypus" } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { reference: true },
    });
    expect(expected.length).toBeGreaterThan(2);
    const rare = await loadContributionsPage(c.id, q({ q: "platypus" }), null);
    expect(rare.items.map((i) => i.reference)).toEqual(expected.map((e) => e.reference));
    expect(rare.total).toEqual({ count: expected.length, capped: false });
    expect(await countPublishedContributions(c.id, q({ q: "platypus" }))).toEqual({ count: expected.length, capped: false });
    expect(rare.items.every((i) => i.highlight?.includes("platypus"))).toBe(true);

    const common = await loadContributionsPage(c.id, q({ q: "wombats" }), null);
    expect(common.total).toEqual({ count: SEARCH_COUNT_CAP, capped: true });
    const newest = await db.submission.findMany({ where: { consultationId: c.id, status: "PUBLISHED" }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 20, select: { reference: true } });
    expect(common.items.map((i) => i.reference)).toEqual(newest.map((e) => e.reference));
    // With a theme as well (a filter checked per match): the same rules.
    expect(await countPublishedContributions(c.id, q({ q: "platypus", theme: "access" }))).toEqual({ count: 0, capped: false });
  });
});
