// Dispositions of comments on drafts: who may answer, which comments, reasons and templates, the paragraph
// pre-filled from the matching, revisions with history, conflicts, bulk answers for campaigns, audit and notifications.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordDisposition, recordDispositions, dispositionHistory } from "@/lib/dispositions/service";
import { listThread } from "@/lib/comments/queries";
import { buildUser } from "../fixtures/users";
import { paragraphNumber } from "../fixtures/drafts";
import { buildAnsweredDraft, buildDraftComment } from "../fixtures/dispositions";

async function setup() {
  const built = await buildAnsweredDraft();
  const p3 = built.p(3); // the access item: edited and moved to 4 in version 2
  const p7 = built.p(7); // the workshops paragraph: removed in version 2
  const author = await buildUser({ stakeholderGroup: "CIVIL_SOCIETY" });
  const onAccess = await buildDraftComment(built.draft, { paragraph: p3, authorId: author.id, body: "Please add community networks." });
  const onWorkshops = await buildDraftComment(built.draft, {
    paragraph: p7, group: "TECHNICAL_COMMUNITY",
    proposedText: "Remote participants will be able to take the floor in every session, with captions.",
  });
  const onWhole = await buildDraftComment(built.draft, { paragraph: null, group: "GOVERNMENT" });
  return { ...built, p3, p7, author, onAccess, onWorkshops, onWhole };
}

const answer = (comment: { id: string; revision: number }, extra: Record<string, unknown> = {}) => ({
  commentId: comment.id, commentRevision: comment.revision, expectedRevision: 0, kind: "ACCEPTED" as const, reason: "", templateId: "", paragraph: "suggested", ...extra,
});

describe("recording a disposition", () => {
  it("is for the secretariat only, once the next version exists, and stores nothing otherwise", async () => {
    const s = await setup();
    const participant = await buildUser();
    expect(await recordDisposition(participant, answer(s.onAccess))).toMatchObject({ ok: false, error: "forbidden", status: 403 });
    expect(await recordDisposition(null, answer(s.onAccess))).toMatchObject({ ok: false, status: 403 });
    // Version 1 is still the latest: there is nothing yet to answer with.
    expect(await recordDisposition(s.secretariat, answer(s.onAccess))).toMatchObject({ ok: false, error: "noNextVersion", status: 409 });
    expect(await db.commentDisposition.count({ where: { comment: { draftId: s.draft.id } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: s.author.id } })).toBe(0);
  });

  it("answers published comments that open a thread, never replies, pending, hidden or withdrawn ones", async () => {
    const s = await setup();
    await s.publishV2();
    const reply = await buildDraftComment(s.draft, { paragraph: s.p3, parentId: s.onAccess.id });
    const pending = await buildDraftComment(s.draft, { paragraph: s.p3, status: "PENDING" });
    const hidden = await buildDraftComment(s.draft, { paragraph: s.p3, status: "HIDDEN" });
    const withdrawn = await buildDraftComment(s.draft, { paragraph: s.p3, status: "WITHDRAWN" });
    for (const c of [reply, pending, hidden, withdrawn]) {
      expect(await recordDisposition(s.secretariat, answer(c))).toMatchObject({ ok: false, error: "notDisposable", status: 409 });
    }
    expect(await recordDisposition(s.secretariat, answer({ id: "missing", revision: 1 }))).toMatchObject({ ok: false, error: "notFound", status: 404 });
    expect(await db.commentDisposition.count({ where: { comment: { draftId: s.draft.id } } })).toBe(0);
  });

  it("pre-fills the paragraph from the matching: the anchor's new number, the closest new paragraph for a removed one, none for the whole draft", async () => {
    const s = await setup();
    const { paragraphs: v2 } = await s.publishV2();
    const access = v2.find((p) => p.anchorId === s.p3.anchorId);
    expect(access?.number).toBe(4);
    expect(v2.some((p) => p.anchorId === s.p7.anchorId)).toBe(false);
    expect(await recordDisposition(s.secretariat, answer(s.onAccess))).toMatchObject({ ok: true, data: { revision: 1, changed: true } });
    expect(await recordDisposition(s.secretariat, answer(s.onWorkshops, { kind: "PARTLY_ACCEPTED", reason: "Captions where interpreters are available." }))).toMatchObject({ ok: true });
    expect(await recordDisposition(s.secretariat, answer(s.onWhole, { kind: "ANSWERED", reason: "The programme is set by the MAG." }))).toMatchObject({ ok: true });
    const rows = await db.commentDisposition.findMany({ where: { comment: { draftId: s.draft.id } }, include: { paragraph: true } });
    const of = (id: string) => rows.find((r) => r.commentId === id);
    expect(of(s.onAccess.id)?.paragraph?.number).toBe(4);
    expect(of(s.onWorkshops.id)?.paragraph?.number).toBe(7);
    expect(of(s.onWorkshops.id)?.paragraph?.text).toContain("Remote participants");
    expect(of(s.onWhole.id)?.paragraphId).toBeNull();
    expect(rows.every((r) => r.current && r.revision === 1 && r.actorId === s.secretariat.id && r.commentRevision === 1)).toBe(true);
  });

  it("takes an explicit paragraph of the next version or none, and refuses a paragraph of another version", async () => {
    const s = await setup();
    const { paragraphs: v2 } = await s.publishV2();
    const first = paragraphNumber(v2, 1);
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { paragraph: s.p3.id }))).toMatchObject({ ok: false, fieldErrors: { paragraph: ["paragraphNotInVersion"] } });
    const heading = v2.find((p) => p.kind === "HEADING");
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { paragraph: heading?.id }))).toMatchObject({ ok: false, fieldErrors: { paragraph: ["paragraphNotInVersion"] } });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { paragraph: first.id }))).toMatchObject({ ok: true });
    expect(await recordDisposition(s.secretariat, answer(s.onWorkshops, { paragraph: "none" }))).toMatchObject({ ok: true });
    const rows = await db.commentDisposition.findMany({ where: { comment: { draftId: s.draft.id } } });
    expect(rows.find((r) => r.commentId === s.onAccess.id)?.paragraphId).toBe(first.id);
    expect(rows.find((r) => r.commentId === s.onWorkshops.id)?.paragraphId).toBeNull();
  });

  it("needs a reason for anything but a plain acceptance; a template gives its text, an unknown one is refused", async () => {
    const s = await setup();
    await s.publishV2();
    for (const kind of ["PARTLY_ACCEPTED", "NOT_ACCEPTED", "OUT_OF_SCOPE", "ANSWERED"]) {
      expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind }))).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    }
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "OUT_OF_SCOPE", templateId: "nope" }))).toMatchObject({ ok: false, fieldErrors: { reason: ["templateUnknown"] } });
    const reject = await db.reasonTemplate.create({ data: { kind: "REJECT", label: "Off topic", text: "Not about this round." } });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "OUT_OF_SCOPE", templateId: reject.id }))).toMatchObject({ ok: false, fieldErrors: { reason: ["templateUnknown"] } });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "NOT_ACCEPTED", reason: "x".repeat(1001) }))).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonTooLong"] } });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "BOGUS" }))).toMatchObject({ ok: false, fieldErrors: { kind: ["kindRequired"] } });
    expect(await db.commentDisposition.count({ where: { comment: { draftId: s.draft.id } } })).toBe(0);
    const template = await db.reasonTemplate.create({ data: { kind: "DISPOSITION", label: "Workshops", text: "Workshop selection is decided in the call for proposals, not in this programme." } });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "OUT_OF_SCOPE", templateId: template.id }))).toMatchObject({ ok: true });
    // The answer keeps the template's text as it was: editing the template later changes nothing given.
    await db.reasonTemplate.update({ where: { id: template.id }, data: { text: "Changed later." } });
    expect((await db.commentDisposition.findFirstOrThrow({ where: { comment: { draftId: s.draft.id } } })).reason).toBe("Workshop selection is decided in the call for proposals, not in this programme.");
  });

  it("audits every answer and tells the author in-app, with a link to the comment on the draft", async () => {
    const s = await setup();
    await s.publishV2();
    await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "PARTLY_ACCEPTED", reason: "Community networks are named; spectrum is not." }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "disposition.record", consultationId: s.consultation.id } });
    expect(audit).toMatchObject({ actorId: s.secretariat.id, entityType: "Comment", entityId: s.onAccess.id, consultationId: s.consultation.id });
    expect(audit.details).toMatchObject({ version: 1, revision: 1, kind: "PARTLY_ACCEPTED", reason: "Community networks are named; spectrum is not.", paragraph: { version: 2, number: 4 }, previous: null });
    const notes = await db.notification.findMany({ where: { userId: s.author.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "disposition", link: `/consultations/${s.consultation.slug}/drafts/${s.draft.slug}?p=${encodeURIComponent(s.p3.anchorId)}#c-${s.onAccess.id}` });
    expect(JSON.parse(notes[0]?.message ?? "{}")).toMatchObject({ target: "COMMENT", disposition: "PARTLY_ACCEPTED", revised: false, reason: "Community networks are named; spectrum is not." });
  });
});

describe("revising a disposition", () => {
  it("keeps every revision, shows the latest, and audits the change with what it replaced", async () => {
    const s = await setup();
    await s.publishV2();
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "NOT_ACCEPTED", reason: "Out of the MAG's remit." }))).toMatchObject({ ok: true, data: { revision: 1 } });
    const colleague = await buildUser({ role: "SECRETARIAT", name: "Second Secretary" });
    expect(await recordDisposition(colleague, answer(s.onAccess, { expectedRevision: 1, kind: "ACCEPTED" }))).toMatchObject({ ok: true, data: { revision: 2, changed: true } });
    const rows = await db.commentDisposition.findMany({ where: { commentId: s.onAccess.id }, orderBy: { revision: "asc" } });
    expect(rows.map((r) => [r.revision, r.kind, r.current, r.actorId])).toEqual([[1, "NOT_ACCEPTED", false, s.secretariat.id], [2, "ACCEPTED", true, colleague.id]]);
    const revise = await db.auditEvent.findFirstOrThrow({ where: { action: "disposition.revise", consultationId: s.consultation.id } });
    expect(revise.details).toMatchObject({ revision: 2, kind: "ACCEPTED", previous: { kind: "NOT_ACCEPTED", reason: "Out of the MAG's remit." } });
    const notes = await db.notification.findMany({ where: { userId: s.author.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => JSON.parse(n.message).revised)).toEqual([false, true]);

    const thread = await listThread(s.draft.id, s.p3.anchorId, null, "oldest");
    expect(thread.comments[0]?.disposition).toMatchObject({ kind: "ACCEPTED", revision: 2, paragraph: { number: 4, version: 2 }, editedSince: false });
    expect(thread.comments[0]?.disposition?.earlier).toMatchObject([{ revision: 1, kind: "NOT_ACCEPTED", reason: "Out of the MAG's remit." }]);
    const history = await dispositionHistory(s.secretariat, [s.onAccess.id]);
    expect(history.get(s.onAccess.id)?.map((h) => [h.revision, h.actor?.name])).toEqual([[2, "Second Secretary"], [1, "Test Person"]]);
    expect((await dispositionHistory(await buildUser(), [s.onAccess.id])).size).toBe(0);
  });

  it("refuses a revision made from a stale view, and the same answer again stores nothing", async () => {
    const s = await setup();
    await s.publishV2();
    await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "NOT_ACCEPTED", reason: "No." }));
    // A colleague still looking at "no answer yet" answers too: refused, nothing changes.
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { expectedRevision: 0 }))).toMatchObject({ ok: false, error: "dispositionChanged", status: 409 });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { expectedRevision: 2 }))).toMatchObject({ ok: false, error: "dispositionChanged" });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { expectedRevision: 1, kind: "NOT_ACCEPTED", reason: "No." }))).toMatchObject({ ok: true, data: { revision: 1, changed: false } });
    expect(await db.commentDisposition.count({ where: { comment: { draftId: s.draft.id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "disposition." }, consultationId: s.consultation.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.author.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous first answers in", async () => {
    const s = await setup();
    await s.publishV2();
    const other = await buildUser({ role: "SECRETARIAT" });
    const results = await Promise.all([
      recordDisposition(s.secretariat, answer(s.onAccess, { kind: "ACCEPTED" })),
      recordDisposition(other, answer(s.onAccess, { kind: "NOT_ACCEPTED", reason: "No." })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(["dispositionChanged"]);
    expect(await db.commentDisposition.count({ where: { commentId: s.onAccess.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous revisions in", async () => {
    const s = await setup();
    await s.publishV2();
    await recordDisposition(s.secretariat, answer(s.onAccess));
    const other = await buildUser({ role: "SECRETARIAT" });
    const results = await Promise.all([
      recordDisposition(s.secretariat, answer(s.onAccess, { expectedRevision: 1, kind: "OUT_OF_SCOPE", reason: "A" })),
      recordDisposition(other, answer(s.onAccess, { expectedRevision: 1, kind: "ANSWERED", reason: "B" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const rows = await db.commentDisposition.findMany({ where: { commentId: s.onAccess.id } });
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.current)).toHaveLength(1);
  });

  it("answers the comment as the secretariat saw it: a stale comment version is refused, a later edit shows beside the answer", async () => {
    const s = await setup();
    await s.publishV2();
    await recordDisposition(s.secretariat, answer(s.onAccess));
    await db.comment.update({ where: { id: s.onAccess.id }, data: { body: "Please add community networks and spectrum.", revision: 2, version: { increment: 1 } } });
    const thread = await listThread(s.draft.id, s.p3.anchorId, null, "oldest");
    expect(thread.comments[0]?.disposition).toMatchObject({ kind: "ACCEPTED", editedSince: true });
    expect(await recordDisposition(s.secretariat, answer(s.onAccess, { expectedRevision: 1, kind: "PARTLY_ACCEPTED", reason: "Spectrum is for another session." }))).toMatchObject({ ok: false, error: "commentChanged", status: 409 });
    expect(await recordDisposition(s.secretariat, answer({ id: s.onAccess.id, revision: 2 }, { expectedRevision: 1, kind: "PARTLY_ACCEPTED", reason: "Spectrum is for another session." }))).toMatchObject({ ok: true, data: { revision: 2 } });
    const after = await listThread(s.draft.id, s.p3.anchorId, null, "oldest");
    expect(after.comments[0]?.disposition).toMatchObject({ kind: "PARTLY_ACCEPTED", editedSince: false });
    // Moderation (hide, restore...) moves the lock counter, not the text: the answer still fits the text.
    await db.comment.update({ where: { id: s.onAccess.id }, data: { version: { increment: 3 } } });
    expect((await listThread(s.draft.id, s.p3.anchorId, null, "oldest")).comments[0]?.disposition).toMatchObject({ editedSince: false });
  });
});

describe("bulk dispositions", () => {
  it("answers selected comments and every member of a campaign on the version, each with its own row, audit event and notification", async () => {
    const s = await setup();
    const { paragraphs: v2 } = await s.publishV2();
    const campaign = await db.campaign.create({ data: { consultationId: s.consultation.id, label: "Stop shutdowns" } });
    const body = "Internet shutdowns during elections must be named in the openness session.";
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await buildDraftComment(s.draft, { paragraph: s.p(5), body, campaignId: campaign.id }));
    // A member on another version of the draft stays out of this version's answer.
    const elsewhere = await buildDraftComment(s.draft, { paragraph: paragraphNumber(v2, 6), body, campaignId: campaign.id });
    const version1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
    const result = await recordDispositions(s.secretariat, {
      versionId: version1.id, targets: [{ commentId: s.onWhole.id, commentRevision: 1, expectedRevision: 0 }], campaigns: [campaign.id],
      kind: "ACCEPTED", reason: "", templateId: "", paragraph: "suggested",
    });
    expect(result).toMatchObject({ ok: true, data: { done: 5, unchanged: 0, conflicts: [], failed: 0 } });
    const rows = await db.commentDisposition.findMany({ where: { comment: { draftId: s.draft.id } }, include: { paragraph: true } });
    expect(rows.map((r) => r.commentId).sort()).toEqual([s.onWhole.id, ...members.map((m) => m.id)].sort());
    expect(rows.filter((r) => r.commentId !== s.onWhole.id).every((r) => r.paragraph?.number === 6)).toBe(true);
    expect(await db.commentDisposition.count({ where: { commentId: elsewhere.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { action: "disposition.record", consultationId: s.consultation.id } });
    expect(audits).toHaveLength(5);
    expect(audits.filter((a) => (a.details as { campaignId?: string }).campaignId === campaign.id)).toHaveLength(4);
    expect(await db.notification.count({ where: { kind: "disposition", user: { comments: { some: { draftId: s.draft.id } } } } })).toBe(5);

    // Again, as a revision, from a stale view of one member: that one is reported, the others go through.
    const again = await recordDispositions(s.secretariat, {
      versionId: version1.id, targets: [{ commentId: members[0]?.id ?? "", commentRevision: 1, expectedRevision: 0 }], campaigns: [],
      kind: "NOT_ACCEPTED", reason: "Covered by the human-rights session.", templateId: "", paragraph: "none",
    });
    expect(again).toMatchObject({ ok: true, data: { done: 0, conflicts: [{ commentId: members[0]?.id, error: "dispositionChanged", by: "Test Person" }] } });
  });

  it("checks the reason and the role before touching anything", async () => {
    const s = await setup();
    await s.publishV2();
    const version1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
    const input = { versionId: version1.id, targets: [{ commentId: s.onAccess.id, commentRevision: 1, expectedRevision: 0 }], campaigns: [], kind: "NOT_ACCEPTED" as const, reason: "", templateId: "", paragraph: "suggested" };
    expect(await recordDispositions(s.secretariat, input)).toMatchObject({ ok: false, fieldErrors: { reason: ["reasonRequired"] } });
    expect(await recordDispositions(await buildUser(), { ...input, reason: "x" })).toMatchObject({ ok: false, status: 403 });
    expect(await recordDispositions(s.secretariat, { ...input, targets: [] })).toMatchObject({ ok: false, fieldErrors: { targets: ["nothingSelected"] } });
    expect(await db.commentDisposition.count({ where: { comment: { draftId: s.draft.id } } })).toBe(0);
  });
});

describe("the author's own comments", () => {
  it("lists only the author's comments, with the current answer and where to read it", async () => {
    const { listMyComments } = await import("@/lib/dispositions/mine");
    const s = await setup();
    await s.publishV2();
    await recordDisposition(s.secretariat, answer(s.onAccess, { kind: "PARTLY_ACCEPTED", reason: "Named, not funded." }));
    const mine = await listMyComments(s.author.id);
    expect(mine.items.map((c) => [c.id, c.paragraphNumber, c.versionNumber, c.anchorInLatest, c.latestVersion])).toEqual([[s.onAccess.id, 3, 1, true, 2]]);
    expect(mine.items[0]?.disposition).toMatchObject({ kind: "PARTLY_ACCEPTED", reason: "Named, not funded.", paragraph: { number: 4, version: 2 } });
    expect((await listMyComments((await buildUser()).id)).items).toEqual([]);
  });
});
