// The author's writes race the secretariat's and each other's: every case ends with one winner and one clear
// conflict (never a 500), nothing lost, and an audit log whose every event starts where the previous one ended.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveDraft, submitContribution, withdrawContribution } from "@/lib/submissions/service";
import { createComment, editComment, withdrawComment } from "@/lib/comments/service";
import { listThread } from "@/lib/comments/queries";
import { moderate } from "@/lib/moderation/service";
import { settleBalance } from "@/lib/balance/service";
import type { Result } from "@/lib/result";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";
import { buildDraft, paragraphNumber } from "../fixtures/drafts";
import { setPolicy } from "../fixtures/moderation";

withTemporaryStorage();

/** Rounds of each concurrent race: enough for both orders to occur, few enough for a 2-core machine. */
const ROUNDS = 6;

type Target = { submissionId: string } | { commentId: string };

/** The moderation log of one input is a chain: each event starts in the status the previous one left, and the last one is where the row is. */
async function expectTrueAuditLog(target: Target, status: string, events: number) {
  const log = await db.moderationEvent.findMany({ where: target, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  expect(log).toHaveLength(events);
  for (let i = 1; i < log.length; i++) expect(log[i]?.fromStatus, `event ${i} (${log[i]?.action})`).toBe(log[i - 1]?.toStatus);
  expect(log.at(-1)?.toStatus).toBe(status);
}

function isConflict(result: Result<unknown>): boolean {
  return !result.ok && result.status === 409 && ["changedWhileEditing", "alreadyModerated", "changedSinceLoaded"].includes(result.error);
}

async function contributionSetup() {
  const consultation = await buildConsultation();
  const author = await buildUser({ organisation: "Rural Networks Alliance" });
  const secretariat = await buildUser({ role: "SECRETARIAT" });
  // Every round of a race sends a new contribution: the per-person cap is not what these tests are about.
  await db.balancePolicy.update({ where: { consultationId: consultation.id }, data: { maxPerContributor: 1000 } });
  return { consultation, author, secretariat };
}

async function sent(author: { id: string; role: "PARTICIPANT" | "SECRETARIAT" | "ADMIN" }, consultationId: string, title = "The first text of this contribution") {
  const result = await submitContribution(author, consultationId, contributionInput({ title }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("author edit vs moderator reject", () => {
  it("an edit from a form loaded before the rejection changes nothing and says why", async () => {
    const { consultation, author, secretariat } = await contributionSetup();
    const id = await sent(author, consultation.id);
    // The author opened the edit form at version 1; the secretariat rejects before the author saves.
    expect(await moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id, version: 1 }, reason: "Off topic." })).toMatchObject({ ok: true });
    const edit = await submitContribution(author, consultation.id, contributionInput({ submissionId: id, expectedVersion: 1, title: "A quietly resubmitted text" }));
    expect(edit).toMatchObject({ ok: false, status: 409, error: "changedWhileEditing", params: { status: "REJECTED" } });
    const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { versions: true } });
    expect(row).toMatchObject({ status: "REJECTED", title: "The first text of this contribution", moderationNote: "Off topic.", revision: 1 });
    expect(row.versions.map((v) => v.version)).toEqual([1]);
    await expectTrueAuditLog({ submissionId: id }, "REJECTED", 2);
  });

  it("at the same instant: one of them wins, the other is told, never a 500", async () => {
    const { consultation, author, secretariat } = await contributionSetup();
    const winners = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const id = await sent(author, consultation.id);
      const [edit, reject] = await Promise.all([
        submitContribution(author, consultation.id, contributionInput({ submissionId: id, expectedVersion: 1, title: "The edited text of this contribution" })),
        moderate(secretariat, { verb: "reject", target: { type: "SUBMISSION", id, version: 1 }, reason: "Duplicate." }),
      ]);
      expect([edit.ok, reject.ok].filter(Boolean)).toHaveLength(1);
      const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { versions: { orderBy: { version: "asc" } } } });
      if (edit.ok) {
        winners.add("edit");
        expect(isConflict(reject)).toBe(true);
        expect(row).toMatchObject({ status: "PENDING", title: "The edited text of this contribution", revision: 2 });
        expect(row.versions.map((v) => v.title)).toEqual(["The first text of this contribution", "The edited text of this contribution"]);
        await expectTrueAuditLog({ submissionId: id }, "PENDING", 2);
      } else {
        winners.add("reject");
        expect(edit).toMatchObject({ ok: false, status: 409, error: "changedWhileEditing" });
        expect(row).toMatchObject({ status: "REJECTED", title: "The first text of this contribution", revision: 1 });
        await expectTrueAuditLog({ submissionId: id }, "REJECTED", 2);
      }
    }
    expect(winners.size).toBeGreaterThan(0);
  });
});

describe("autosave vs submit", () => {
  it("an autosave that arrives after the draft was sent is refused and changes nothing, on behalf of included", async () => {
    const { consultation, author } = await contributionSetup();
    const draft = await saveDraft(author, consultation.id, { ...contributionInput({ title: "Draft title", onBehalfOf: "ORGANISATION" }) });
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    const submitted = await submitContribution(author, consultation.id, contributionInput({ submissionId: draft.data.id, title: "The text as sent", onBehalfOf: "ORGANISATION" }));
    expect(submitted).toMatchObject({ ok: true });
    // The last autosave of the page, sent before the submit, lands after it.
    const late = await saveDraft(author, consultation.id, { ...contributionInput({ submissionId: draft.data.id, expectedVersion: draft.data.version, title: "Half-typed", onBehalfOf: "SELF" }) });
    expect(late).toMatchObject({ ok: false, status: 409, error: "alreadySent" });
    const row = await db.submission.findUniqueOrThrow({ where: { id: draft.data.id }, include: { versions: true } });
    expect(row).toMatchObject({ status: "PENDING", title: "The text as sent", onBehalfOf: "ORGANISATION", organisationName: "Rural Networks Alliance" });
    expect(row.versions.map((v) => [v.version, v.title])).toEqual([[1, "The text as sent"]]);
    await expectTrueAuditLog({ submissionId: draft.data.id }, "PENDING", 1);
  });

  it("at the same instant: the sent text is what is stored and versioned, whichever commits first", async () => {
    const { consultation, author } = await contributionSetup();
    for (let round = 0; round < ROUNDS; round++) {
      const draft = await saveDraft(author, consultation.id, contributionInput({ title: `Draft ${round}` }));
      if (!draft.ok) throw new Error(JSON.stringify(draft));
      const [autosave, submit] = await Promise.all([
        saveDraft(author, consultation.id, contributionInput({ submissionId: draft.data.id, expectedVersion: draft.data.version, title: `Autosaved ${round}`, onBehalfOf: "SELF" })),
        submitContribution(author, consultation.id, contributionInput({ submissionId: draft.data.id, title: `Sent ${round}`, onBehalfOf: "ORGANISATION" })),
      ]);
      expect(submit).toMatchObject({ ok: true });
      if (!autosave.ok) expect(autosave).toMatchObject({ status: 409, error: "alreadySent" });
      const row = await db.submission.findUniqueOrThrow({ where: { id: draft.data.id }, include: { versions: true } });
      expect(row).toMatchObject({ status: "PENDING", title: `Sent ${round}`, onBehalfOf: "ORGANISATION" });
      expect(row.versions.map((v) => [v.version, v.title])).toEqual([[1, `Sent ${round}`]]);
      await expectTrueAuditLog({ submissionId: draft.data.id }, "PENDING", 1);
      await withdrawContribution(author, row.id, row.version);
    }
  });

  it("two windows autosaving the same draft: the second is told instead of overwriting the first", async () => {
    const { consultation, author } = await contributionSetup();
    const draft = await saveDraft(author, consultation.id, contributionInput({ title: "Start" }));
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    const a = await saveDraft(author, consultation.id, contributionInput({ submissionId: draft.data.id, expectedVersion: draft.data.version, title: "Window A" }));
    expect(a).toMatchObject({ ok: true, data: { version: draft.data.version + 1 } });
    const b = await saveDraft(author, consultation.id, contributionInput({ submissionId: draft.data.id, expectedVersion: draft.data.version, title: "Window B" }));
    expect(b).toMatchObject({ ok: false, status: 409, error: "changedWhileEditing" });
    expect((await db.submission.findUniqueOrThrow({ where: { id: draft.data.id } })).title).toBe("Window A");
  });
});

describe("held comment edit vs release", () => {
  async function heldComment() {
    const { draft, paragraphs, consultation, secretariat } = await buildDraft({ consultation: { moderationMode: "PRE" } });
    const author = await buildUser({ stakeholderGroup: "PRIVATE_SECTOR" });
    const created = await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 2).anchorId, body: "The text the secretariat reviewed." });
    if (!created.ok) throw new Error(JSON.stringify(created));
    // Reviewed and accepted, but held: its group is over the cap.
    await db.comment.update({ where: { id: created.data.id }, data: { status: "HELD_FOR_BALANCE", version: { increment: 1 } } });
    await db.moderationEvent.create({ data: { targetType: "COMMENT", commentId: created.data.id, actorId: secretariat.id, action: "HOLD_FOR_BALANCE", fromStatus: "PENDING", toStatus: "HELD_FOR_BALANCE" } });
    return { consultation, draft, author, secretariat, id: created.data.id };
  }

  it("under pre-moderation an edit of a held comment goes back to moderation; the release never publishes it", async () => {
    const { consultation, author, id } = await heldComment();
    const edit = await editComment(author, id, { body: "A different text nobody reviewed.", expectedVersion: 2 });
    expect(edit).toMatchObject({ ok: true, data: { status: "PENDING", version: 3 } });
    // Room under the cap now: the release runs and finds nothing held.
    await setPolicy(consultation.id, { commentMaxGroupShare: 1, commentMinSample: 1 });
    await settleBalance(consultation.id);
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", body: "A different text nobody reviewed.", publishedAt: null, revision: 2 });
    await expectTrueAuditLog({ commentId: id }, "PENDING", 3);
  });

  it("at the same instant as an automatic release: a published comment always carries the reviewed text", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { consultation, author, id } = await heldComment();
      await setPolicy(consultation.id, { commentMaxGroupShare: 1, commentMinSample: 1 });
      const [edit] = await Promise.all([editComment(author, id, { body: "Edited while held.", expectedVersion: 2 }), settleBalance(consultation.id)]);
      const row = await db.comment.findUniqueOrThrow({ where: { id } });
      if (edit.ok) {
        expect(row).toMatchObject({ status: "PENDING", body: "Edited while held." });
        await expectTrueAuditLog({ commentId: id }, "PENDING", 3);
      } else {
        expect(edit).toMatchObject({ status: 409, error: "changedWhileEditing", params: { status: "PUBLISHED" } });
        expect(row).toMatchObject({ status: "PUBLISHED", body: "The text the secretariat reviewed." });
        await expectTrueAuditLog({ commentId: id }, "PUBLISHED", 3);
      }
    }
  });

  it("at the same instant as the secretariat publishing it over balance: one wins, the other is told", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { author, secretariat, id } = await heldComment();
      const [edit, release] = await Promise.all([
        editComment(author, id, { body: "Edited while held.", expectedVersion: 2 }),
        moderate(secretariat, { verb: "publishOverBalance", target: { type: "COMMENT", id, version: 2 }, reason: "A unique perspective." }),
      ]);
      expect([edit.ok, release.ok].filter(Boolean)).toHaveLength(1);
      const row = await db.comment.findUniqueOrThrow({ where: { id } });
      if (release.ok) {
        expect(isConflict(edit)).toBe(true);
        expect(row).toMatchObject({ status: "PUBLISHED", body: "The text the secretariat reviewed." });
      } else {
        expect(isConflict(release)).toBe(true);
        expect(row).toMatchObject({ status: "PENDING", body: "Edited while held." });
      }
      await expectTrueAuditLog({ commentId: id }, row.status, 3);
    }
  });
});

describe("withdraw vs hide", () => {
  it("a hidden comment cannot be turned into a withdrawn one: the secretariat's notice stays", async () => {
    const { draft, paragraphs, secretariat } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    const anchorId = paragraphNumber(paragraphs, 1).anchorId;
    const created = await createComment(author, { draftId: draft.id, anchorId, body: "Published at once." });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await moderate(secretariat, { verb: "hide", target: { type: "COMMENT", id: created.data.id, version: 1 }, reason: "Personal attack." })).toMatchObject({ ok: true });
    // From the page loaded before the hide, and from a fresh one.
    expect(await withdrawComment(author, created.data.id, 1)).toMatchObject({ ok: false, status: 409, error: "changedWhileEditing", params: { status: "HIDDEN" } });
    expect(await withdrawComment(author, created.data.id, 2)).toMatchObject({ ok: false, status: 409, error: "commentLocked" });
    const thread = await listThread(draft.id, anchorId, null, "oldest");
    expect(thread.comments.map((c) => [c.state, c.hiddenReason])).toEqual([["hidden", "Personal attack."]]);
    await expectTrueAuditLog({ commentId: created.data.id }, "HIDDEN", 2);
  });

  it("a contribution at the same instant: one wins, the other is told", async () => {
    const { consultation, author, secretariat } = await contributionSetup();
    for (let round = 0; round < ROUNDS; round++) {
      const id = await sent(author, consultation.id);
      await db.submission.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } } });
      await db.moderationEvent.create({ data: { targetType: "SUBMISSION", submissionId: id, actorId: secretariat.id, action: "PUBLISH", fromStatus: "PENDING", toStatus: "PUBLISHED" } });
      const [withdraw, hide] = await Promise.all([
        withdrawContribution(author, id, 2),
        moderate(secretariat, { verb: "hide", target: { type: "SUBMISSION", id, version: 2 }, reason: "Contains personal data." }),
      ]);
      expect([withdraw.ok, hide.ok].filter(Boolean)).toHaveLength(1);
      const row = await db.submission.findUniqueOrThrow({ where: { id } });
      if (hide.ok) {
        expect(withdraw).toMatchObject({ ok: false, status: 409, error: "changedWhileEditing", params: { status: "HIDDEN" } });
        expect(row).toMatchObject({ status: "HIDDEN", moderationNote: "Contains personal data." });
      } else {
        expect(isConflict(hide)).toBe(true);
        expect(row.status).toBe("WITHDRAWN");
      }
      await expectTrueAuditLog({ submissionId: id }, row.status, 3);
      if (row.status === "HIDDEN") await db.submission.update({ where: { id }, data: { status: "WITHDRAWN" } });
    }
  });

  it("a comment at the same instant: one wins, the other is told", async () => {
    const { draft, paragraphs, secretariat, consultation } = await buildDraft({ consultation: { moderationMode: "POST" } });
    await setPolicy(consultation.id, { commentMaxGroupShare: 1, commentMinSample: 1 });
    const author = await buildUser();
    for (let round = 0; round < ROUNDS; round++) {
      const created = await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 3).anchorId, body: `Published comment ${round}.` });
      if (!created.ok) throw new Error(JSON.stringify(created));
      const id = created.data.id;
      const [withdraw, hide] = await Promise.all([
        withdrawComment(author, id, 1),
        moderate(secretariat, { verb: "hide", target: { type: "COMMENT", id, version: 1 }, reason: "Spam." }),
      ]);
      expect([withdraw.ok, hide.ok].filter(Boolean)).toHaveLength(1);
      const row = await db.comment.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe(hide.ok ? "HIDDEN" : "WITHDRAWN");
      if (hide.ok) expect(withdraw).toMatchObject({ status: 409, error: "changedWhileEditing" });
      else expect(isConflict(hide)).toBe(true);
      await expectTrueAuditLog({ commentId: id }, row.status, 2);
    }
  });
});

describe("two editors", () => {
  it("two edits of one contribution from the same version: one is saved, the other gets the conflict message", async () => {
    const { consultation, author } = await contributionSetup();
    for (let round = 0; round < ROUNDS; round++) {
      const id = await sent(author, consultation.id);
      const results = await Promise.all(
        ["Window A's text", "Window B's text"].map((title) => submitContribution(author, consultation.id, contributionInput({ submissionId: id, expectedVersion: 1, title }))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, error: "changedWhileEditing" });
      const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { versions: { orderBy: { version: "asc" } } } });
      const winner = results[0]?.ok ? "Window A's text" : "Window B's text";
      expect(row).toMatchObject({ title: winner, revision: 2, version: 2 });
      expect(row.versions.map((v) => [v.version, v.title])).toEqual([[1, "The first text of this contribution"], [2, winner]]);
      await expectTrueAuditLog({ submissionId: id }, "PENDING", 2);
      await withdrawContribution(author, id, row.version);
    }
  });

  it("two edits of one comment from the same version: one is saved, the other gets the conflict message", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    for (let round = 0; round < ROUNDS; round++) {
      const created = await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 4).anchorId, body: `Original ${round}` });
      if (!created.ok) throw new Error(JSON.stringify(created));
      const results = await Promise.all(["From tab A", "From tab B"].map((body) => editComment(author, created.data.id, { body, expectedVersion: 1 })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, error: "changedWhileEditing" });
      const row = await db.comment.findUniqueOrThrow({ where: { id: created.data.id } });
      expect(row).toMatchObject({ body: results[0]?.ok ? "From tab A" : "From tab B", version: 2, revision: 2 });
      const edit = await db.moderationEvent.findFirstOrThrow({ where: { commentId: created.data.id, action: "EDIT" } });
      expect(edit.metadata).toMatchObject({ previousBody: `Original ${round}` });
      await expectTrueAuditLog({ commentId: created.data.id }, row.status, 2);
    }
  });
});

describe("the per-person comment cap", () => {
  it("is enforced in the writing transaction, under concurrency, and a withdrawal frees a place", async () => {
    const { draft, paragraphs, consultation } = await buildDraft({ consultation: { moderationMode: "POST" } });
    await db.balancePolicy.update({ where: { consultationId: consultation.id }, data: { commentMaxPerContributor: 2, commentRateLimit: 100 } });
    const author = await buildUser();
    const anchorId = paragraphNumber(paragraphs, 1).anchorId;
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => createComment(author, { draftId: draft.id, anchorId, body: `Comment number ${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill(expect.objectContaining({ error: "commentCapReached", status: 409, params: { cap: 2, count: 2 } })));
    expect(await db.comment.count({ where: { authorId: author.id } })).toBe(2);
    const first = results.find((r) => r.ok);
    if (!first?.ok) throw new Error("setup");
    expect(await withdrawComment(author, first.data.id, 1)).toMatchObject({ ok: true });
    expect(await createComment(author, { draftId: draft.id, anchorId, body: "After a withdrawal" })).toMatchObject({ ok: true });
  });
});
