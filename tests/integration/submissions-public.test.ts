import { describe, expect, it } from "vitest";
import { contributionCounts, countPublishedContributions, getPublishedContribution, listPublishedContributions, parseListQuery } from "@/lib/submissions/public";
import { STAKEHOLDER_GROUPS } from "@/lib/stakeholders/groups";
import { buildConsultation } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

function query(params: Record<string, string>) {
  const parsed = parseListQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.invalid.join(","));
  return parsed;
}

async function all(consultationId: string, params: Record<string, string>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const { query: q, cursor: c } = query({ ...params, ...(cursor ? { cursor } : {}) });
    const page = await listPublishedContributions(consultationId, q, c);
    seen.push(...page.items.map((item) => item.reference));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("did not end");
}

describe("public contributions list", () => {
  it("shows only published contributions, newest or oldest first, page by page without gaps or repeats", async () => {
    const c = await buildConsultation();
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await buildPublishedSubmission({ consultationId: c.id }));
    await buildPublishedSubmission({ consultationId: c.id, status: "PENDING" });
    await buildPublishedSubmission({ consultationId: c.id, status: "REJECTED" });
    const newest = await all(c.id, { limit: "3" });
    expect(newest).toEqual(made.map((m) => m.reference).reverse());
    const oldest = await all(c.id, { limit: "2", sort: "oldest" });
    expect(oldest).toEqual(made.map((m) => m.reference));
  });

  it("interleaves stakeholder groups round-robin in the balanced order, across pages", async () => {
    const c = await buildConsultation();
    // Civil society sends 20, the others 2 each: the first page must still show every group.
    for (let i = 0; i < 20; i++) await buildPublishedSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY" });
    for (const group of STAKEHOLDER_GROUPS.filter((g) => g !== "CIVIL_SOCIETY")) {
      for (let i = 0; i < 2; i++) await buildPublishedSubmission({ consultationId: c.id, group });
    }
    const { query: q } = query({ sort: "balanced", limit: "6" });
    const first = await listPublishedContributions(c.id, q, null);
    expect(new Set(first.items.map((i) => i.stakeholderGroup)).size).toBe(6);
    expect(first.items.map((i) => i.stakeholderGroup)).toEqual([...STAKEHOLDER_GROUPS]);
    const everything = await all(c.id, { sort: "balanced", limit: "4" });
    expect(everything).toHaveLength(30);
    expect(new Set(everything).size).toBe(30);
  });

  it("filters by theme, group, region, country, language and organisation, and never matches anonymous authors by organisation", async () => {
    const c = await buildConsultation({ themes: ["access", "security"] });
    const access = c.themes.find((t) => t.slug === "access")?.id ?? "";
    const a = await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE", themeIds: [access], language: "fr", organisationName: "Ministry of ICT" });
    const b = await buildPublishedSubmission({ consultationId: c.id, group: "PRIVATE_SECTOR", country: "DE", organisationName: "Ministry of ICT", anonymous: true });
    expect(await all(c.id, { theme: "access" })).toEqual([a.reference]);
    expect(await all(c.id, { group: "GOVERNMENT" })).toEqual([a.reference]);
    expect(await all(c.id, { region: "WESTERN_EUROPEAN_AND_OTHERS" })).toEqual([b.reference]);
    expect(await all(c.id, { country: "ke" })).toEqual([a.reference]);
    expect(await all(c.id, { language: "fr" })).toEqual([a.reference]);
    expect(await all(c.id, { organisation: "ministry" })).toEqual([a.reference]);
    expect(await countPublishedContributions(c.id, query({}).query)).toEqual({ count: 2, capped: false });
  });

  it("searches any language with the simple configuration and highlights the matches", async () => {
    const c = await buildConsultation();
    const fr = await buildPublishedSubmission({ consultationId: c.id, title: "Les coupures d’Internet", body: "Les coupures pendant les élections privent les citoyens d'informations." });
    const ar = await buildPublishedSubmission({ consultationId: c.id, title: "الوصول", body: "نحتاج إلى الوصول الميسور إلى الإنترنت في المناطق الريفية" });
    await buildPublishedSubmission({ consultationId: c.id, title: "Unrelated", body: "Nothing about <script>alert(1)</script> here." });
    const { query: q } = query({ q: "élections" });
    const page = await listPublishedContributions(c.id, q, null);
    expect(page.items.map((i) => i.reference)).toEqual([fr.reference]);
    expect(page.items[0]?.highlight).toContain("\u0001élections\u0002");
    expect(await all(c.id, { q: "الإنترنت" })).toEqual([ar.reference]);
    // The excerpt is plain text (markers aside): the page escapes it, so markup in a body stays inert.
    const unrelated = await listPublishedContributions(c.id, query({ q: "nothing" }).query, null);
    expect(unrelated.items[0]?.highlight).toMatch(/\u0001Nothing\u0002/);
  });

  it("hides the author of an anonymous contribution on its page", async () => {
    const c = await buildConsultation();
    const s = await buildPublishedSubmission({ consultationId: c.id, anonymous: true, contributorName: "Secret Person", organisationName: "Secret Org" });
    const page = await getPublishedContribution(c.slug, s.reference);
    expect(page).toMatchObject({ anonymous: true, contributorName: null, organisationName: null });
    expect(JSON.stringify(page)).not.toContain("Secret");
    const pending = await buildPublishedSubmission({ consultationId: c.id, status: "PENDING" });
    expect(await getPublishedContribution(c.slug, pending.reference)).toBeNull();
  });

  it("counts published contributions by stakeholder group and region", async () => {
    const c = await buildConsultation();
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE" });
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "FR" });
    await buildPublishedSubmission({ consultationId: c.id, group: "ACADEMIC_COMMUNITY", country: "FR", status: "PENDING" });
    const counts = await contributionCounts(c.id);
    expect(counts.total).toBe(2);
    expect(counts.byGroup.GOVERNMENT).toBe(2);
    expect(counts.byGroup.ACADEMIC_COMMUNITY).toBe(0);
    expect(counts.byRegion).toMatchObject({ AFRICAN: 1, WESTERN_EUROPEAN_AND_OTHERS: 1 });
  });

  it("rejects bad parameters and cursors by name", () => {
    expect(parseListQuery(new URLSearchParams({ sort: "random", group: "ALIENS", limit: "1000" }))).toEqual({ ok: false, invalid: ["group", "sort", "limit"] });
    expect(parseListQuery(new URLSearchParams({ cursor: "not-a-cursor" }))).toEqual({ ok: false, invalid: ["cursor"] });
  });
});
