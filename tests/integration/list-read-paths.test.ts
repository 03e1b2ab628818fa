// The public list's read paths that avoid scanning the contributions give what the scanning queries gave: the filters'
// facets (countries by a skip scan of an index, languages from the counters).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isKnownCountry } from "@/lib/geo/countries";
import { publishedFacets } from "@/lib/submissions/public";
import { buildConsultation } from "../fixtures/users";
import { buildSubmission } from "../fixtures/moderation";

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
