// The secretariat's history of a contribution: who did what and when, each author's edit with its changes.
import { describe, expect, it } from "vitest";
import { getContributionHistory, submitContribution, withdrawContribution } from "@/lib/submissions/service";
import { moderate } from "@/lib/moderation/service";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";

withTemporaryStorage();

describe("a contribution's history for the secretariat", () => {
  it("reads as sent, edited by the author with a word diff of the rendered text, published and hidden by a named moderator", async () => {
    const consultation = await buildConsultation();
    const author = await buildUser({ country: "KE", stakeholderGroup: "GOVERNMENT" });
    const secretariat = await buildUser({ role: "SECRETARIAT", name: "Moderator Mona" });
    const first = await submitContribution(author, consultation.id, contributionInput({ body: "Community **networks** need spectrum.\n\nSecond paragraph stays." }));
    if (!first.ok) throw new Error(JSON.stringify(first));
    const edit = await submitContribution(author, consultation.id, contributionInput({
      submissionId: first.data.id, expectedVersion: 1, title: "Affordable access for remote communities",
      body: "Community **networks** need fair spectrum.\n\nSecond paragraph stays.", themes: ["access", "security"],
    }));
    if (!edit.ok) throw new Error(JSON.stringify(edit));
    expect(await moderate(secretariat, { verb: "publish", target: { type: "SUBMISSION", id: first.data.id, version: 2 } })).toMatchObject({ ok: true, data: { status: "PUBLISHED" } });
    expect(await moderate(secretariat, { verb: "hide", target: { type: "SUBMISSION", id: first.data.id, version: 3 }, reason: "Contains a phone number." })).toMatchObject({ ok: true });

    const item = await getContributionHistory(secretariat, consultation.slug, first.data.reference);
    if (!item) throw new Error("no history");
    expect(item.history.map((e) => [e.kind, e.by])).toEqual([["sent", "author"], ["edited", "author"], ["published", "person"], ["hidden", "person"]]);
    expect(item.history[0]).toMatchObject({ version: 1, changes: null });
    expect(item.history[2]).toMatchObject({ name: "Moderator Mona", reason: null });
    expect(item.history[3]).toMatchObject({ name: "Moderator Mona", reason: "Contains a phone number." });

    const changes = item.history[1]?.changes;
    expect(changes).toMatchObject({ from: 1, to: 2, themesAdded: ["security"], themesRemoved: [], language: null });
    expect(changes?.title?.filter((s) => s.type !== "same").map((s) => [s.type, s.text])).toEqual([["removed", "rural"], ["added", "remote"]]);
    // Compared as a reader sees it: no Markdown markers, paragraphs kept apart, only the new word marked.
    expect(changes?.body?.filter((s) => s.type !== "same").map((s) => [s.type, s.text.trim()])).toEqual([["added", "fair"]]);
    expect(changes?.body?.map((s) => s.text).join("")).toBe("Community networks need fair spectrum.\n\nSecond paragraph stays.");
  });

  it("says a withdrawal by the author as the author's", async () => {
    const consultation = await buildConsultation();
    const author = await buildUser();
    const sent = await submitContribution(author, consultation.id, contributionInput());
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(await withdrawContribution(author, sent.data.id, 1)).toMatchObject({ ok: true });
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const item = await getContributionHistory(secretariat, consultation.slug, sent.data.reference);
    expect(item?.history.map((e) => [e.kind, e.by])).toEqual([["sent", "author"], ["withdrawn", "author"]]);
  });
});
