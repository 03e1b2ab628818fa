// Imported and transcribed inputs whose stakeholder group or country is not known are counted apart everywhere
// inputs are counted by group or region (balance dashboard, policy, public counts, API, CSV, synthesis): never
// silently dropped, never in a group's share.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/service";
import { moderate } from "@/lib/moderation/service";
import { getBalanceReport, synthesisBalanceWarning } from "@/lib/balance/dashboard";
import { contributionCounts } from "@/lib/submissions/public";
import { buildLiveDraft } from "@/lib/synthesis/draft";
import { GET as getConsultation } from "@/app/api/v1/consultations/[slug]/route";
import { GET as listSubmissions } from "@/app/api/v1/consultations/[slug]/submissions/route";
import { GET as exportCsv } from "@/app/api/v1/consultations/[slug]/submissions.csv/route";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

const BASE = "http://agora.test";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const enc = (s: string) => new TextEncoder().encode(s);

const CSV = [
  "title,body,contributor_name,organisation,stakeholder_group,country,themes,language,received_at,external_id",
  "Letter of unknown origin,We ask for more remote hubs in the programme.,A. Writer,,UNCLASSIFIED,ZZ,access,en,2026-02-01,paper-1",
  "Second letter,Capacity building for small operators should be a theme.,B. Writer,Some Network,unclassified,unknown,security,en,2026-02-02,paper-2",
  "Known origin,The programme should keep a session on connectivity.,C. Writer,,GOVERNMENT,ZZ,access,en,2026-02-03,paper-3",
].join("\r\n");

async function importAndPublish(slug: string) {
  const sec = await buildUser({ role: "SECRETARIAT" });
  const imported = await runImport(sec, slug, "backlog.csv", enc(CSV));
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  const rows = await db.submission.findMany({ where: { consultation: { slug }, source: "IMPORT" }, orderBy: { externalId: "asc" } });
  for (const row of rows) {
    const result = await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: row.id, version: row.version }, reason: "", templateId: "" });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  return { sec, rows: await db.submission.findMany({ where: { consultation: { slug }, source: "IMPORT" }, orderBy: { externalId: "asc" } }) };
}

describe("unclassified and unknown-country inputs", () => {
  it("are imported as such, with an organisation of unknown country", async () => {
    const c = await buildConsultation();
    const { rows } = await importAndPublish(c.slug);
    expect(rows.map((r) => [r.externalId, r.stakeholderGroup, r.country, r.region, r.developing, r.status])).toEqual([
      ["paper-1", "UNCLASSIFIED", "ZZ", "UNKNOWN", false, "PUBLISHED"],
      ["paper-2", "UNCLASSIFIED", "ZZ", "UNKNOWN", false, "PUBLISHED"],
      ["paper-3", "GOVERNMENT", "ZZ", "UNKNOWN", false, "PUBLISHED"],
    ]);
    const org = await db.organisation.findFirst({ where: { name: "Some Network" } });
    expect(org).toMatchObject({ stakeholderGroup: "UNCLASSIFIED", country: null });
  });

  it("are counted apart on the balance dashboard, and never held by the group cap", async () => {
    const c = await buildConsultation();
    await db.balancePolicy.update({ where: { consultationId: c.id }, data: { minSample: 2, maxGroupShare: 0.5 } });
    // Government already holds 2 of 3 classified inputs: a further government input would be held...
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE" });
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "FR" });
    await buildPublishedSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", country: "BR" });
    await buildPublishedSubmission({ consultationId: c.id, group: "CIVIL_SOCIETY", country: "IN" });
    const { rows } = await importAndPublish(c.slug);
    // ...and the unclassified ones are published whatever the shares, and make no room for government.
    expect(rows.filter((r) => r.stakeholderGroup === "UNCLASSIFIED").map((r) => r.status)).toEqual(["PUBLISHED", "PUBLISHED"]);
    expect(rows.find((r) => r.externalId === "paper-3")?.status).toBe("HELD_FOR_BALANCE");

    const report = await getBalanceReport(c.slug);
    const s = report?.submissions;
    expect(s).toMatchObject({ published: 6, unclassified: 2, unknownCountry: 2, held: 1, groupsRepresented: 2 });
    expect(s?.groups.find((g) => g.key === "GOVERNMENT")).toMatchObject({ count: 2, share: 0.5 });
    expect(s?.groups.map((g) => g.key)).not.toContain("UNCLASSIFIED");
    expect(s?.regions.map((r) => r.key)).not.toContain("UNKNOWN");
    expect(s?.regions.reduce((n, r) => n + r.count, 0)).toBe(4);
    expect(s?.development.reduce((n, r) => n + r.count, 0)).toBe(4);
    expect(await synthesisBalanceWarning(c.id)).toMatchObject({ groupsRepresented: 2 });
  });

  it("are in the public counts, the API (country null), the CSV and the balanced list", async () => {
    const c = await buildConsultation();
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE" });
    await importAndPublish(c.slug);

    const counts = await contributionCounts(c.id);
    expect(counts.total).toBe(4);
    expect(counts.byGroup).toMatchObject({ GOVERNMENT: 2, UNCLASSIFIED: 2 });
    expect(counts.byRegion).toMatchObject({ AFRICAN: 1, UNKNOWN: 3 });

    const one = (await (await getConsultation(new Request(`${BASE}/api/v1/consultations/${c.slug}`), params(c.slug))).json()) as { publishedContributions: { total: number; byGroup: Record<string, number> } };
    expect(one.publishedContributions).toMatchObject({ total: 4, byGroup: { UNCLASSIFIED: 2 } });

    const list = async (query: string) =>
      (await (await listSubmissions(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions?${query}`), params(c.slug))).json()) as { items: { reference: string; stakeholderGroup: string; country: string | null; region: string }[] };
    const balanced = await list("sort=balanced&limit=10");
    expect(balanced.items).toHaveLength(4);
    expect(balanced.items.filter((i) => i.stakeholderGroup === "UNCLASSIFIED")).toHaveLength(2);
    const unclassified = await list("group=UNCLASSIFIED");
    expect(unclassified.items.map((i) => [i.stakeholderGroup, i.country, i.region])).toEqual([
      ["UNCLASSIFIED", null, "UNKNOWN"],
      ["UNCLASSIFIED", null, "UNKNOWN"],
    ]);
    expect((await list("region=UNKNOWN")).items).toHaveLength(3);

    const csv = await (await exportCsv(new Request(`${BASE}/api/v1/consultations/${c.slug}/submissions.csv`), params(c.slug))).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(5);
    const header = lines[0]?.split(",") ?? [];
    const cells = (line: string) => line.split(",");
    const unknownRows = lines.slice(1).filter((l) => cells(l)[header.indexOf("region")] === "UNKNOWN");
    expect(unknownRows).toHaveLength(3);
    for (const row of unknownRows) expect(cells(row)[header.indexOf("country")]).toBe("");
  });

  it("are in the synthesis counts and annex under their own heading", async () => {
    const c = await buildConsultation();
    await buildPublishedSubmission({ consultationId: c.id, group: "GOVERNMENT", country: "KE" });
    await importAndPublish(c.slug);
    const model = await buildLiveDraft(db, c.slug);
    expect(model.byGroup.map((g) => [g.key, g.submissions])).toEqual([["GOVERNMENT", 2], ["UNCLASSIFIED", 2]]);
    expect(model.byRegion.map((r) => [r.key, r.submissions])).toEqual([["AFRICAN", 1], ["UNKNOWN", 3]]);
    const annex = model.annexI.find((g) => g.group === "UNCLASSIFIED");
    expect(annex?.label).toBe("Unclassified");
    expect(annex?.contributors.flatMap((x) => x.submissions)).toHaveLength(2);
  });
});
