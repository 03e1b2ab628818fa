// Comments the secretariat hides stay in their thread on the draft page as a notice, never with their text.
import { describe, expect, it } from "vitest";
import { createComment } from "@/lib/comments/service";
import { commentCounts, listThread, totalOf } from "@/lib/comments/queries";
import { buildUser } from "../fixtures/users";
import { buildDraft, paragraphNumber } from "../fixtures/drafts";
import { hideAsSecretariat } from "../fixtures/public-moderation";

describe("hidden comments on a draft", () => {
  it("keep their place with the reason and their replies, without their text, even for their author", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [a, b] = [await buildUser({ name: "Author A" }), await buildUser()];
    const anchorId = paragraphNumber(paragraphs, 4).anchorId;
    const top = await createComment(a, { draftId: draft.id, anchorId, body: "Insulting words zorblax", proposedText: "Rewritten zorblax paragraph." });
    const alone = await createComment(b, { draftId: draft.id, anchorId, body: "A comment later hidden without replies: flimwort" });
    if (!top.ok || !alone.ok) throw new Error("setup");
    const reply = await createComment(b, { draftId: draft.id, parentId: top.data.id, body: "I disagree with this" });
    if (!reply.ok) throw new Error("setup");
    await hideAsSecretariat("COMMENT", top.data.id, "Insults another participant");
    await hideAsSecretariat("COMMENT", alone.data.id, "Duplicate");

    for (const viewer of [null, a.id]) {
      const thread = await listThread(draft.id, anchorId, viewer, "oldest");
      expect(thread.comments.map((c) => [c.id, c.state, c.hiddenReason, c.bodyHtml, c.body, c.proposedText])).toEqual([
        [top.data.id, "hidden", "Insults another participant", "", null, null],
        [alone.data.id, "hidden", "Duplicate", "", null, null],
      ]);
      expect(thread.comments[0]?.replies.map((r) => [r.id, r.state])).toEqual([[reply.data.id, "published"]]);
      expect(JSON.stringify(thread)).not.toMatch(/zorblax|flimwort/);
    }
    // Counts are of published comments: the reply only.
    expect(totalOf((await commentCounts(draft.id)).get(anchorId))).toBe(1);
  });

  it("a hidden reply shows the notice under its published parent", async () => {
    const { draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [a, b] = [await buildUser(), await buildUser()];
    const anchorId = paragraphNumber(paragraphs, 2).anchorId;
    const top = await createComment(a, { draftId: draft.id, anchorId, body: "A fair point" });
    if (!top.ok) throw new Error("setup");
    const reply = await createComment(b, { draftId: draft.id, parentId: top.data.id, body: "Spam link plonkety" });
    if (!reply.ok) throw new Error("setup");
    await hideAsSecretariat("COMMENT", reply.data.id, "Advertising");
    const thread = await listThread(draft.id, anchorId, null, "oldest");
    expect(thread.comments[0]?.replies.map((r) => [r.state, r.hiddenReason, r.bodyHtml])).toEqual([["hidden", "Advertising", ""]]);
    expect(JSON.stringify(thread)).not.toContain("plonkety");
  });
});
