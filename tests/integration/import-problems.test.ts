// Imports that say what is wrong: every problem of a row with its column, value, what is allowed and a suggestion;
// unknown columns as warnings; duplicate external ids in one file; the affiliation column; a backlog imported into
// a closed round judged against the round as a whole, whatever order it is moderated in.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { previewImport, runImport } from "@/lib/import/service";
import { describeProblem, didYouMean } from "@/lib/import/report";
import { moderate } from "@/lib/moderation/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { buildPublishedSubmission } from "../fixtures/submissions";

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = "title,body,contributor_name,organisation,stakeholder_group,country,themes,language,received_at,external_id";

describe("import problems", () => {
  it("lists every problem of a row with the column, the bad value, what is allowed and what was probably meant", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const csv = [
      HEADER,
      ",Some text,Ana,,INTERGOVERNMENTAL_ORGANIZATION,Kenia,acess;security,English,01/02/2026,m-1",
      "Fine,Fine text,Bo,,civil society,KE,access,en,2026-02-01,m-2",
    ].join("\n");
    const result = await previewImport(sec, c.slug, "inputs.csv", enc(csv));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [bad, fine] = result.data.rows;
    expect(bad?.status).toBe("invalid");
    expect(bad?.problems.map((p) => [p.column, p.code, p.value, p.suggestion ?? null])).toEqual([
      ["title", "titleRequired", "", null],
      ["stakeholder_group", "groupInvalid", "INTERGOVERNMENTAL_ORGANIZATION", "INTERGOVERNMENTAL_ORGANISATION"],
      ["country", "countryInvalid", "Kenia", "KE"],
      ["themes", "themeUnknown", "acess", "access"],
      ["language", "languageInvalid", "English", "en"],
      ["received_at", "dateInvalid", "01/02/2026", null],
    ]);
    expect(bad?.problems.find((p) => p.column === "stakeholder_group")?.allowed).toContain("UNCLASSIFIED");
    expect(bad?.problems.find((p) => p.column === "country")?.allowed).toContain("ZZ when it is not known");
    expect(bad?.errors).toEqual(["titleRequired", "groupInvalid", "countryInvalid", "themeUnknown", "languageInvalid", "dateInvalid"]);
    expect(describeProblem(bad?.problems[1] ?? { row: 0, column: "", value: "", code: "" })).toBe(
      "row 1, stakeholder_group: 'INTERGOVERNMENTAL_ORGANIZATION' is not a stakeholder group; did you mean INTERGOVERNMENTAL_ORGANISATION? (allowed: GOVERNMENT, PRIVATE_SECTOR, CIVIL_SOCIETY, TECHNICAL_COMMUNITY, ACADEMIC_COMMUNITY, INTERGOVERNMENTAL_ORGANISATION, UNCLASSIFIED)",
    );
    // "civil society" is close enough to be a slip, but a slip is not accepted silently either.
    expect(fine?.problems).toEqual([expect.objectContaining({ column: "stakeholder_group", code: "groupInvalid", suggestion: "CIVIL_SOCIETY" })]);
    expect(await db.submission.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("warns about unknown columns and reports a duplicate external id even on a row with other problems", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const csv = [
      `${HEADER},affilation,notes`,
      "One,First text here,Ana,,GOVERNMENT,KE,access,en,2026-02-01,dup,,a note",
      "Two,,Bo,,GOVERNMENT,KE,access,en,2026-02-01,dup,,",
    ].join("\n");
    const result = await runImport(sec, c.slug, "inputs.csv", enc(csv));
    expect(result).toMatchObject({ ok: false, error: "invalidRows" });
    if (result.ok) return;
    expect(result.detail?.warnings).toEqual([{ column: "affilation", code: "unknownColumn", suggestion: "affiliation" }, { column: "notes", code: "unknownColumn" }]);
    expect(result.detail?.rows[0]?.status).toBe("ok");
    expect(result.detail?.rows[1]?.problems.map((p) => p.code)).toEqual(["bodyRequired", "duplicateExternalId"]);
    expect(result.detail?.rows[1]?.problems[1]).toMatchObject({ column: "external_id", value: "dup", allowed: "unique in the file (also on row 1)" });
    expect(didYouMean("notes", ["title", "body"])).toBeUndefined();
  });

  it("records an affiliation without acting on the organisation's behalf", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const csv = [
      "title,body,contributor_name,affiliation,organisation,stakeholder_group,country,themes,language,received_at,external_id",
      "Personal view,I write for myself about spectrum.,Ana Lima,Big Telecom Ltd,,PRIVATE_SECTOR,BR,access,en,2026-02-01,a-1",
      "Both,Some text about access.,Bo,Big Telecom Ltd,Big Telecom Ltd,PRIVATE_SECTOR,BR,access,en,2026-02-01,a-2",
    ].join("\n");
    const preview = await previewImport(sec, c.slug, "inputs.csv", enc(csv));
    if (!preview.ok) throw new Error("preview");
    expect(preview.data.rows[1]?.problems).toEqual([expect.objectContaining({ column: "affiliation", code: "onBehalfOfConflict" })]);
    const ok = await runImport(sec, c.slug, "inputs.csv", enc(csv.split("\n").slice(0, 2).join("\n")));
    expect(ok).toMatchObject({ ok: true, data: { created: 1 } });
    const row = await db.submission.findFirstOrThrow({ where: { consultationId: c.id, externalId: "a-1" } });
    expect(row).toMatchObject({ organisationName: "Big Telecom Ltd", organisationId: null, onBehalfOf: "SELF", contributorKey: "name:ana lima" });
    expect(await db.organisation.findFirst({ where: { name: "Big Telecom Ltd" } })).toBeNull();
  });
});

describe("a backlog imported into a closed round", () => {
  const closed = { contributionsOpenAt: new Date("2025-01-01T00:00:00Z"), contributionsCloseAt: new Date("2025-02-01T00:00:00Z") };
  // 4 government, 3 civil society, 3 technical: 40 % is government's share once all are in (cap 40 %: within);
  // one more government letter makes 5 of 11 (45 %: over).
  const backlog = (extraGovernment: boolean) => [
    HEADER,
    ...["g1", "g2", "g3", "g4", ...(extraGovernment ? ["g5"] : [])].map((id) => `Letter ${id},A government letter on access.,Gov ${id},,GOVERNMENT,KE,access,en,2025-01-15,${id}`),
    ...["c1", "c2", "c3"].map((id) => `Letter ${id},A civil-society letter on access.,Civ ${id},,CIVIL_SOCIETY,BR,access,en,2025-01-16,${id}`),
    ...["t1", "t2"].map((id) => `Letter ${id},A technical letter on access.,Tec ${id},,TECHNICAL_COMMUNITY,DE,access,en,2025-01-17,${id}`),
  ].join("\n");

  async function importAndPublish(extraGovernment: boolean, order: "asc" | "desc") {
    const c = await buildConsultation(closed);
    const sec = await buildUser({ role: "SECRETARIAT" });
    await db.balancePolicy.update({ where: { consultationId: c.id }, data: { minSample: 5, maxGroupShare: 0.4 } });
    await buildPublishedSubmission({ consultationId: c.id, group: "TECHNICAL_COMMUNITY", country: "DE" });
    const preview = await previewImport(sec, c.slug, "backlog.csv", enc(backlog(extraGovernment)));
    if (!preview.ok) throw new Error("preview");
    await runImport(sec, c.slug, "backlog.csv", enc(backlog(extraGovernment)));
    const pending = await db.submission.findMany({ where: { consultationId: c.id, status: "PENDING" }, orderBy: { externalId: order } });
    for (const s of pending) {
      const r = await moderate(sec, { verb: "publish", target: { type: "SUBMISSION", id: s.id, version: s.version }, reason: "", templateId: "" });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    const after = await db.submission.findMany({ where: { consultationId: c.id, source: "IMPORT" }, select: { externalId: true, status: true, overBalance: true } });
    return { preview: preview.data.backlog, flagged: after.filter((s) => s.overBalance).map((s) => s.externalId).sort(), statuses: [...new Set(after.map((s) => s.status))] };
  }

  it("shows the round's balance as a whole in the preview, and flags a group's letters alike in any order", async () => {
    const within = await importAndPublish(false, "asc");
    expect(within.preview?.groups.find((g) => g.group === "GOVERNMENT")).toMatchObject({ published: 0, incoming: 4, share: 0.4, over: false });
    expect(within.statuses).toEqual(["PUBLISHED"]);
    expect(within.flagged).toEqual([]);

    const over = await importAndPublish(true, "asc");
    const overReversed = await importAndPublish(true, "desc");
    expect(over.preview?.groups.find((g) => g.group === "GOVERNMENT")).toMatchObject({ incoming: 5, over: true });
    expect(over.flagged).toEqual(["g1", "g2", "g3", "g4", "g5"]);
    expect(overReversed.flagged).toEqual(over.flagged);
    const events = await db.moderationEvent.findMany({ where: { action: "PUBLISH_OVER_BALANCE", submission: { externalId: "g1" } }, select: { metadata: true } });
    expect(events.some((e) => (e.metadata as { basis?: string } | null)?.basis === "wholeRound")).toBe(true);
  });

  it("is not a backlog while the round is open: no whole-round preview", async () => {
    const c = await buildConsultation();
    const sec = await buildUser({ role: "SECRETARIAT" });
    const preview = await previewImport(sec, c.slug, "inputs.csv", enc(`${HEADER}\nOne,Some text here,Ana,,GOVERNMENT,KE,access,en,2026-02-01,x`));
    expect(preview).toMatchObject({ ok: true, data: { backlog: null } });
  });
});
