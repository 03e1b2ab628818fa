// The disposition table and its counts: computed from the comments and their current answers (revisions and
// unpublished comments never count twice), filtered and numbered, and downloaded as CSV and DOCX that parse back.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import mammoth from "mammoth";
import { db } from "@/lib/db/client";
import { recordDisposition } from "@/lib/dispositions/service";
import { allDispositionRows, consultationDispositionCounts, dispositionProgress, dispositionTablePage, findDispositionTable, versionDispositionCounts } from "@/lib/dispositions/queries";
import { commentSummary, dispositionCsvStream, renderDispositionDocx, DISPOSITION_CSV_COLUMNS, type DocxLabels } from "@/lib/dispositions/export";
import { buildAnsweredDraft, buildDraftComment } from "../fixtures/dispositions";

async function answered() {
  const s = await buildAnsweredDraft();
  const cs = [];
  // Civil society: 4 comments on paragraph 3 (one of them later revised), government: 2 on paragraph 1, private sector: 1 on the whole draft.
  for (let i = 0; i < 4; i++) cs.push(await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", body: `Civil society point ${i}, with **emphasis**.`, proposedText: i === 0 ? "A main session on access, community networks and affordability." : null }));
  const gov = [await buildDraftComment(s.draft, { paragraph: s.p(1), group: "GOVERNMENT" }), await buildDraftComment(s.draft, { paragraph: s.p(1), group: "GOVERNMENT" })];
  const ps = await buildDraftComment(s.draft, { paragraph: null, group: "PRIVATE_SECTOR" });
  // None of these count: a reply, a pending and a hidden comment.
  await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", parentId: cs[0]?.id });
  await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", status: "PENDING" });
  await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", status: "HIDDEN" });
  await s.publishV2();
  const give = async (c: { id: string }, kind: string, reason = "", expectedRevision = 0) => {
    const r = await recordDisposition(s.secretariat, { commentId: c.id, commentRevision: 1, expectedRevision, kind: kind as never, reason, templateId: "", paragraph: "suggested" });
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const [c0, c1, c2] = cs;
  if (!c0 || !c1 || !c2 || !gov[0]) throw new Error("fixture");
  await give(c0, "NOT_ACCEPTED", "First thought.");
  await give(c0, "ACCEPTED", "", 1); // revised: counts once, as accepted
  await give(c1, "ACCEPTED");
  await give(c2, "PARTLY_ACCEPTED", "Affordability yes, spectrum no.");
  await give(gov[0], "OUT_OF_SCOPE", "A matter for national regulators.");
  const v1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
  return { ...s, cs, gov, ps, v1 };
}

describe("disposition counts", () => {
  it("counts each published comment once, by group and by its current disposition", async () => {
    const s = await answered();
    const counts = await versionDispositionCounts(s.v1.id);
    expect(counts.groups.map((g) => [g.group, g.total, g.byKind.ACCEPTED, g.byKind.PARTLY_ACCEPTED, g.byKind.NOT_ACCEPTED, g.byKind.OUT_OF_SCOPE, g.none])).toEqual([
      ["GOVERNMENT", 2, 0, 0, 0, 1, 1],
      ["PRIVATE_SECTOR", 1, 0, 0, 0, 0, 1],
      ["CIVIL_SOCIETY", 4, 2, 1, 0, 0, 1],
    ]);
    expect(counts.all).toMatchObject({ total: 7, none: 3, byKind: { ACCEPTED: 2, PARTLY_ACCEPTED: 1, NOT_ACCEPTED: 0, OUT_OF_SCOPE: 1, ANSWERED: 0 } });
    // Hiding an answered comment takes it out of the counts; nothing is stored to go stale.
    await db.comment.update({ where: { id: s.cs[1]?.id }, data: { status: "HIDDEN" } });
    expect((await versionDispositionCounts(s.v1.id)).all).toMatchObject({ total: 6, byKind: { ACCEPTED: 1 } });
    const progress = await dispositionProgress(s.draft.id);
    expect(progress.map((p) => [p.number, p.answerable, p.comments, p.answered])).toEqual([[1, true, 6, 3], [2, false, 0, 0]]);
  });

  it("over a consultation counts only comments on versions that have a successor", async () => {
    const s = await answered();
    // A comment on the current version 2 cannot have been answered yet: it is not counted as unanswered.
    await buildDraftComment(s.draft, { group: "ACADEMIC_COMMUNITY" });
    const counts = await consultationDispositionCounts(s.consultation.id);
    expect(counts.all.total).toBe(7);
    expect(counts.groups.some((g) => g.group === "ACADEMIC_COMMUNITY")).toBe(false);
  });
});

describe("the disposition table", () => {
  it("numbers the comments in paragraph order and filters by group and disposition", async () => {
    const s = await answered();
    const found = await findDispositionTable(s.consultation.slug, s.draft.slug, {});
    if (!found.ok) throw new Error(found.error);
    expect(found.context.version.number).toBe(1);
    const page = await dispositionTablePage(found.context, found.query);
    expect(page.total).toBe(7);
    // The whole-draft comment first, then paragraph 1, then paragraph 3.
    expect(page.rows.map((r) => [r.no, r.paragraphNumber, r.group])).toEqual([
      [1, null, "PRIVATE_SECTOR"], [2, 1, "GOVERNMENT"], [3, 1, "GOVERNMENT"],
      [4, 3, "CIVIL_SOCIETY"], [5, 3, "CIVIL_SOCIETY"], [6, 3, "CIVIL_SOCIETY"], [7, 3, "CIVIL_SOCIETY"],
    ]);
    const first = page.rows.find((r) => r.commentId === s.cs[0]?.id);
    expect(first).toMatchObject({ kind: "ACCEPTED", revision: 2, newParagraph: { number: 4 } });
    const filtered = await dispositionTablePage(found.context, { ...found.query, group: "CIVIL_SOCIETY", kind: "ACCEPTED" });
    expect(filtered.rows.map((r) => r.no)).toEqual([4, 5]);
    const none = await dispositionTablePage(found.context, { ...found.query, kind: "NONE" });
    expect(none.rows.map((r) => r.no)).toEqual([1, 3, 7]);
  });

  it("has no table for the current version, and refuses unknown versions and bad queries", async () => {
    const s = await answered();
    expect(await findDispositionTable(s.consultation.slug, s.draft.slug, { version: "2" })).toMatchObject({ ok: false, error: "noResponses", status: 404 });
    expect(await findDispositionTable(s.consultation.slug, s.draft.slug, { version: "9" })).toMatchObject({ ok: false, error: "notFound", status: 404 });
    expect(await findDispositionTable(s.consultation.slug, s.draft.slug, { version: "x" })).toMatchObject({ ok: false, error: "invalidQuery", status: 400 });
    expect(await findDispositionTable(s.consultation.slug, "nope", {})).toMatchObject({ ok: false, error: "notFound" });
    await db.consultation.update({ where: { id: s.consultation.id }, data: { status: "DRAFT" } });
    expect(await findDispositionTable(s.consultation.slug, s.draft.slug, {})).toMatchObject({ ok: false, error: "notFound" });
  });

  it("downloads as a CSV that parses back to the same rows", async () => {
    const s = await answered();
    const stream = dispositionCsvStream(allDispositionRows(s.v1.id, {}, 3), {
      comment: (r) => `https://agora.example/c/${r.commentId}`,
      newParagraph: (r) => `https://agora.example/p/${r.newParagraph?.anchorId ?? ""}`,
    });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheet programs need for UTF-8
    const records = parse(new TextDecoder().decode(bytes), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([...DISPOSITION_CSV_COLUMNS]);
    expect(records.map((r) => r.no)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const row = records.find((r) => r.comment_id === s.cs[2]?.id);
    expect(row).toMatchObject({
      paragraph: "3", stakeholder_group: "CIVIL_SOCIETY", disposition: "PARTLY_ACCEPTED", reason: "Affordability yes, spectrum no.",
      new_paragraph: "4", comment: "Civil society point 2, with **emphasis**.", comment_summary: "Civil society point 2, with emphasis.", revision: "1", edited_since_answer: "false",
    });
    expect(records.find((r) => r.comment_id === s.cs[0]?.id)).toMatchObject({ disposition: "ACCEPTED", revision: "2", proposed_text: "A main session on access, community networks and affordability." });
    expect(records.find((r) => r.comment_id === s.ps.id)).toMatchObject({ paragraph: "", disposition: "", new_paragraph: "" });
  });

  it("downloads as a landscape DOCX table in the standards bodies' layout that parses back", async () => {
    const s = await answered();
    const rows = [];
    for await (const batch of allDispositionRows(s.v1.id)) rows.push(...batch);
    const labels: DocxLabels = {
      title: "Disposition of comments on Draft programme, version 1", subtitle: "Answered in version 2", intro: "Each comment with the secretariat's answer.",
      countsTitle: "Answers by stakeholder group", tableTitle: "Comments and answers",
      columns: { no: "No.", paragraph: "Para.", group: "Group", commenter: "Commenter", comment: "Comment", disposition: "Disposition", reason: "Observations of the secretariat", newParagraph: "New para." },
      countsColumns: { group: "Stakeholder group", comments: "Comments", none: "No answer yet" }, allGroups: "All groups",
      kinds: { ACCEPTED: "Accepted", PARTLY_ACCEPTED: "Partly accepted", NOT_ACCEPTED: "Not accepted", OUT_OF_SCOPE: "Out of scope", ANSWERED: "Answered without a change" },
      noAnswer: "No answer yet",
      groups: { GOVERNMENT: "Government", PRIVATE_SECTOR: "Private sector", CIVIL_SOCIETY: "Civil society", TECHNICAL_COMMUNITY: "Technical community", ACADEMIC_COMMUNITY: "Academic community", INTERGOVERNMENTAL_ORGANISATION: "Intergovernmental organisations", UNCLASSIFIED: "Unclassified" },
      wholeDraft: "Whole draft", proposed: "Proposed text:", editedSince: "Edited after this answer.", revised: "Revised answer.", empty: "No comments.", page: ["Page ", " of ", ""], rtl: false,
    };
    const docx = await renderDispositionDocx(rows, await versionDispositionCounts(s.v1.id), labels);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain("<h1>Answers by stakeholder group</h1>");
    const tables = html.match(/<table>.*?<\/table>/gs) ?? [];
    expect(tables).toHaveLength(2);
    const cells = (table: string) => [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((tr) => [...(tr[1] ?? "").matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map((td) => (td[1] ?? "").replace(/<[^>]+>/g, "")));
    const countRows = cells(tables[0] ?? "");
    expect(countRows[0]).toEqual(["Stakeholder group", "Comments", "Accepted", "Partly accepted", "Not accepted", "Out of scope", "Answered without a change", "No answer yet"]);
    expect(countRows.find((r) => r[0] === "Civil society")).toEqual(["Civil society", "4", "2", "1", "0", "0", "0", "1"]);
    expect(countRows.at(-1)).toEqual(["All groups", "7", "2", "1", "0", "1", "0", "3"]);
    const mainRows = cells(tables[1] ?? "");
    expect(mainRows[0]).toEqual(["No.", "Para.", "Group", "Commenter", "Comment", "Disposition", "Observations of the secretariat", "New para."]);
    expect(mainRows).toHaveLength(8);
    expect(mainRows[1]?.slice(0, 3)).toEqual(["1", "Whole draft", "Private sector"]);
    const partly = mainRows.find((r) => r[5] === "Partly accepted");
    expect(partly).toEqual(["6", "3", "Civil society", expect.stringContaining("Commenter"), "Civil society point 2, with emphasis.", "Partly accepted", "Affordability yes, spectrum no.", "4"]);
    expect(mainRows.find((r) => r[0] === "4")?.[4]).toContain("Proposed text: A main session on access");
    expect(mainRows.find((r) => r[0] === "4")?.[6]).toContain("Revised answer.");
    const { value: raw } = await mammoth.extractRawText({ buffer: docx });
    expect(raw).toContain("Disposition of comments on Draft programme, version 1");
    // Landscape pages, header row repeated on every page.
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string");
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("<w:tblHeader/>");
  });

  it("summarises long comments at a word with a visible ellipsis", () => {
    expect(commentSummary("short")).toBe("short");
    const long = commentSummary(`${"word ".repeat(100)}end`);
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith("word…")).toBe(true);
  });
});
