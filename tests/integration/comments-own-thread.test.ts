// A collapsed whole-draft thread still shows its reader their own comments: listOwnThread reads only those.
import { describe, expect, it } from "vitest";
import { createComment } from "@/lib/comments/service";
import { listOwnThread, listThread } from "@/lib/comments/queries";
import { buildUser } from "../fixtures/users";
import { buildDraft } from "../fixtures/drafts";

describe("listOwnThread", () => {
  it("returns the viewer's own comments on the whole draft with their replies, and no one else's", async () => {
    const { draft } = await buildDraft({ consultation: { moderationMode: "POST" } });
    const [a, b] = [await buildUser(), await buildUser()];
    const mine = await createComment(a, { draftId: draft.id, anchorId: null, body: "The agenda needs a closing session" });
    const theirs = await createComment(b, { draftId: draft.id, anchorId: null, body: "The agenda is too long" });
    if (!mine.ok || !theirs.ok) throw new Error("setup");
    const reply = await createComment(b, { draftId: draft.id, parentId: mine.data.id, body: "Agreed, with questions from the floor" });
    if (!reply.ok) throw new Error("setup");

    const own = await listOwnThread(draft.id, null, a.id, "oldest");
    expect(own.comments.map((c) => [c.id, c.mine])).toEqual([[mine.data.id, true]]);
    expect(own.comments[0]?.replies.map((r) => r.id)).toEqual([reply.data.id]);
    expect((await listOwnThread(draft.id, null, b.id, "oldest")).comments.map((c) => c.id)).toEqual([theirs.data.id]);
    // The whole thread has both.
    expect((await listThread(draft.id, null, a.id, "oldest")).comments.map((c) => c.id).sort()).toEqual([mine.data.id, theirs.data.id].sort());
  });
});
