import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment, editComment, withdrawComment } from "@/lib/comments/service";
import { commentCounts, listThread, totalOf } from "@/lib/comments/queries";
import { buildUser } from "../fixtures/users";
import { buildDraft, paragraphNumber } from "../fixtures/drafts";

const HOUR = 3600_000;

describe("writing a comment", () => {
  it("publishes at once under post-moderation, with a snapshot of the author and sanitised Markdown", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser({ name: "Amina", stakeholderGroup: "GOVERNMENT", country: "KE", organisation: "Ministry of ICT" });
    const p3 = paragraphNumber(paragraphs, 3);
    const result = await createComment(author, { draftId: draft.id, anchorId: p3.anchorId, body: "Add **rural** access <script>alert(1)</script>", proposedText: `${p3.text} And rural areas.` });
    expect(result).toMatchObject({ ok: true, data: { status: "PUBLISHED", duplicate: false } });
    if (!result.ok) return;
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(stored).toMatchObject({
      paragraphId: p3.id, anchorId: p3.anchorId, authorName: "Amina", organisationName: "Ministry of ICT", stakeholderGroup: "GOVERNMENT",
      country: "KE", region: "AFRICAN", developing: true, language: "en", status: "PUBLISHED",
    });
    expect(stored.publishedAt).not.toBeNull();
    // Later profile edits never rewrite the comment.
    await db.user.update({ where: { id: author.id }, data: { name: "Renamed" } });
    const thread = await listThread(draft.id, p3.anchorId, null, "balanced");
    expect(thread.comments[0]).toMatchObject({ authorName: "Amina", state: "published", paragraphNumber: 3, versionNumber: 1 });
    expect(thread.comments[0]?.bodyHtml).toContain("<strong>rural</strong>");
    expect(thread.comments[0]?.bodyHtml).not.toContain("<script");
    expect(totalOf((await commentCounts(draft.id)).get(p3.anchorId))).toBe(1);
    const event = await db.moderationEvent.findFirstOrThrow({ where: { commentId: result.data.id } });
    expect(event).toMatchObject({ action: "SUBMIT", toStatus: "PUBLISHED", actorId: author.id });
  });

  it("queues comments under pre-moderation: only the author sees them, marked as awaiting moderation", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "PRE" } });
    const author = await buildUser();
    const other = await buildUser();
    const p1 = paragraphNumber(paragraphs, 1);
    const result = await createComment(author, { draftId: draft.id, anchorId: p1.anchorId, body: "Pending thought" });
    expect(result).toMatchObject({ ok: true, data: { status: "PENDING" } });
    expect((await listThread(draft.id, p1.anchorId, author.id, "balanced")).comments.map((c) => [c.state, c.mine])).toEqual([["pending", true]]);
    expect((await listThread(draft.id, p1.anchorId, other.id, "balanced")).comments).toEqual([]);
    expect((await listThread(draft.id, p1.anchorId, null, "balanced")).comments).toEqual([]);
    expect(totalOf((await commentCounts(draft.id)).get(p1.anchorId))).toBe(0);
  });

  it("takes comments on the whole draft, and refuses headings and unknown paragraphs", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    expect((await createComment(author, { draftId: draft.id, anchorId: "", body: "Overall fine", proposedText: "ignored" })).ok).toBe(true);
    const whole = await listThread(draft.id, null, null, "oldest");
    expect(whole.comments.map((c) => [c.body, c.proposedText, c.paragraphNumber])).toEqual([[null, null, null]]);
    const heading = paragraphs.find((p) => p.kind === "HEADING");
    expect(await createComment(author, { draftId: draft.id, anchorId: heading?.anchorId, body: "x" })).toMatchObject({ ok: false, error: "paragraphNotFound" });
    expect(await createComment(author, { draftId: draft.id, anchorId: "nope", body: "x" })).toMatchObject({ ok: false, error: "paragraphNotFound" });
  });

  it("enforces the 1..5,000 character limit and the signed-in role, storing nothing", async () => {
    const { draft, paragraphs } = await buildDraft();
    const author = await buildUser();
    const anchorId = paragraphNumber(paragraphs, 2).anchorId;
    expect(await createComment(author, { draftId: draft.id, anchorId, body: "   " })).toMatchObject({ ok: false, fieldErrors: { body: ["bodyRequired"] } });
    expect(await createComment(author, { draftId: draft.id, anchorId, body: "x".repeat(5001) })).toMatchObject({ ok: false, fieldErrors: { body: ["bodyTooLong"] } });
    expect(await createComment(null, { draftId: draft.id, anchorId, body: "anonymous" })).toMatchObject({ ok: false, status: 401 });
    expect(await db.comment.count({ where: { draftId: draft.id } })).toBe(0);
    expect((await createComment(author, { draftId: draft.id, anchorId, body: "x".repeat(5000) })).ok).toBe(true);
  });

  it("stores one comment when the same form is submitted twice", async () => {
    const { draft, paragraphs } = await buildDraft();
    const author = await buildUser();
    const input = { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 4).anchorId, body: "Once", idempotencyKey: "form-key-123456" };
    const [a, b] = await Promise.all([createComment(author, input), createComment(author, input)]);
    expect(a.ok && b.ok && a.data.id === b.data.id).toBe(true);
    expect([a, b].map((r) => r.ok && r.data.duplicate).sort()).toEqual([false, true]);
    expect(await db.comment.count({ where: { draftId: draft.id } })).toBe(1);
  });
});

describe("the comment period", () => {
  it("follows the draft's own dates over the consultation's comment phase", async () => {
    const now = Date.now();
    const { draft, paragraphs } = await buildDraft({ commentsOpenAt: new Date(now - 2 * HOUR), commentsCloseAt: new Date(now - HOUR) });
    const author = await buildUser();
    const anchorId = paragraphNumber(paragraphs, 1).anchorId;
    expect(await createComment(author, { draftId: draft.id, anchorId, body: "Too late" })).toMatchObject({ ok: false, error: "commentsClosed", status: 409 });
    await db.draftDocument.update({ where: { id: draft.id }, data: { commentsCloseAt: new Date(now + HOUR) } });
    expect((await createComment(author, { draftId: draft.id, anchorId, body: "In time" })).ok).toBe(true);
  });

  it("falls back to the consultation's comment phase, and locks edits and withdrawals once it closes", async () => {
    const now = Date.now();
    const { draft, paragraphs, consultation } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    const created = await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 1).anchorId, body: "Before close" });
    if (!created.ok) throw new Error("setup");
    await db.consultation.update({ where: { id: consultation.id }, data: { commentsCloseAt: new Date(now - 1000) } });
    expect(await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 2).anchorId, body: "After" })).toMatchObject({ ok: false, error: "commentsClosed" });
    expect(await editComment(author, created.data.id, { body: "Changed", expectedVersion: 1 })).toMatchObject({ ok: false, error: "commentsClosed" });
    expect(await withdrawComment(author, created.data.id, 1)).toMatchObject({ ok: false, error: "commentsClosed" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ body: "Before close", status: "PUBLISHED", version: 1 });
    // Upcoming (not yet open) is closed too.
    await db.consultation.update({ where: { id: consultation.id }, data: { commentsOpenAt: new Date(now + HOUR), commentsCloseAt: new Date(now + 2 * HOUR) } });
    expect(await createComment(author, { draftId: draft.id, anchorId: null, body: "Early" })).toMatchObject({ ok: false, error: "commentsClosed" });
  });
});

describe("the rate limit", () => {
  it("allows the configured number of comments per window, counted in Postgres even under concurrency", async () => {
    const { draft, paragraphs, consultation } = await buildDraft({ consultation: { moderationMode: "POST" } });
    await db.balancePolicy.update({ where: { consultationId: consultation.id }, data: { commentRateLimit: 3, commentRateWindowMinutes: 10 } });
    const author = await buildUser();
    const other = await buildUser();
    const anchorId = paragraphNumber(paragraphs, 1).anchorId;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createComment(author, { draftId: draft.id, anchorId, body: `Burst ${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && [r.error, r.status])).toEqual(Array(3).fill(["rateLimited", 429]));
    expect(await db.comment.count({ where: { authorId: author.id } })).toBe(3);
    // Withdrawing does not give the allowance back; other people are unaffected.
    const first = results.find((r) => r.ok);
    if (first?.ok) await withdrawComment(author, first.data.id, 1);
    expect(await createComment(author, { draftId: draft.id, anchorId, body: "Again" })).toMatchObject({ ok: false, error: "rateLimited" });
    expect((await createComment(other, { draftId: draft.id, anchorId, body: "Mine" })).ok).toBe(true);
    // Once the window has passed (comments dated back), the author may write again.
    await db.comment.updateMany({ where: { authorId: author.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect((await createComment(author, { draftId: draft.id, anchorId, body: "Later" })).ok).toBe(true);
  });

  it("defaults to 20 comments per 10 minutes", async () => {
    const { draft } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const author = await buildUser();
    for (let i = 0; i < 20; i++) expect((await createComment(author, { draftId: draft.id, body: `Note ${i}` })).ok).toBe(true);
    expect(await createComment(author, { draftId: draft.id, body: "21st" })).toMatchObject({ ok: false, error: "rateLimited" });
  });
});

describe("replies, edits and withdrawals", () => {
  it("threads replies one level deep", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [a, b] = [await buildUser(), await buildUser({ stakeholderGroup: "PRIVATE_SECTOR" })];
    const anchorId = paragraphNumber(paragraphs, 2).anchorId;
    const top = await createComment(a, { draftId: draft.id, anchorId, body: "Top" });
    if (!top.ok) throw new Error("setup");
    const reply = await createComment(b, { draftId: draft.id, parentId: top.data.id, body: "Reply", proposedText: "not for replies" });
    if (!reply.ok) throw new Error("setup");
    expect(await createComment(a, { draftId: draft.id, parentId: reply.data.id, body: "Deeper" })).toMatchObject({ ok: false, fieldErrors: { body: ["replyTooDeep"] } });
    const thread = await listThread(draft.id, anchorId, null, "balanced");
    expect(thread.comments.map((c) => [c.replies.map((r) => [r.state, r.proposedText])])).toEqual([[[["published", null]]]]);
  });

  it("lets authors edit their own comment (with conflict detection and the old text kept), never someone else's", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "PRE" } });
    const author = await buildUser();
    const stranger = await buildUser();
    const created = await createComment(author, { draftId: draft.id, anchorId: paragraphNumber(paragraphs, 3).anchorId, body: "First text" });
    if (!created.ok) throw new Error("setup");
    // The secretariat published it; under pre-moderation an edit goes back to the queue.
    await db.comment.update({ where: { id: created.data.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect(await editComment(stranger, created.data.id, { body: "Hijack", expectedVersion: 1 })).toMatchObject({ ok: false, status: 403 });
    expect(await editComment(author, created.data.id, { body: "Second text", expectedVersion: 1 })).toMatchObject({ ok: true, data: { status: "PENDING", version: 2 } });
    expect(await editComment(author, created.data.id, { body: "Stale", expectedVersion: 1 })).toMatchObject({ ok: false, error: "changedWhileEditing", status: 409, params: { status: "PENDING" } });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(stored).toMatchObject({ body: "Second text", version: 2, status: "PENDING" });
    const edit = await db.moderationEvent.findFirstOrThrow({ where: { commentId: created.data.id, action: "EDIT" } });
    expect(edit.metadata).toMatchObject({ previousBody: "First text", previousVersion: 1 });
  });

  it("leaves a withdrawn marker only where the comment has replies", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [a, b] = [await buildUser(), await buildUser()];
    const anchorId = paragraphNumber(paragraphs, 5).anchorId;
    const withReply = await createComment(a, { draftId: draft.id, anchorId, body: "Has a reply" });
    const alone = await createComment(a, { draftId: draft.id, anchorId, body: "Alone" });
    if (!withReply.ok || !alone.ok) throw new Error("setup");
    await createComment(b, { draftId: draft.id, parentId: withReply.data.id, body: "Answer" });
    expect(await withdrawComment(b, alone.data.id, 1)).toMatchObject({ ok: false, status: 403 });
    expect((await withdrawComment(a, withReply.data.id, 1)).ok).toBe(true);
    expect((await withdrawComment(a, alone.data.id, 1)).ok).toBe(true);
    const thread = await listThread(draft.id, anchorId, a.id, "oldest");
    expect(thread.comments.map((c) => [c.state, c.bodyHtml, c.authorName, c.replies.length])).toEqual([["withdrawn", "", "", 1]]);
    expect(await db.comment.count({ where: { draftId: draft.id } })).toBe(3);
    expect(await editComment(a, alone.data.id, { body: "Revive", expectedVersion: 2 })).toMatchObject({ ok: false, error: "commentLocked" });
  });
});
