// The comment cap wired into the comments concern: under post-moderation a comment that would push its group over
// the cap is held for balance instead of published, even when many arrive at once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createComment } from "@/lib/comments/service";
import { buildUser } from "../fixtures/users";
import { buildDraft, paragraphNumber } from "../fixtures/drafts";
import { buildComment, setPolicy } from "../fixtures/moderation";

describe("comment balance under post-moderation", () => {
  it("holds the comment that would push its group over the comment cap, and only that one", async () => {
    const { consultation, draft, paragraphs } = await buildDraft({ consultation: { moderationMode: "POST" } });
    await setPolicy(consultation.id, { commentMaxGroupShare: 0.5, commentMinSample: 4 });
    for (let i = 0; i < 2; i++) await buildComment({ consultationId: consultation.id, group: "CIVIL_SOCIETY", status: "PUBLISHED", draftId: draft.id });
    const p1 = paragraphNumber(paragraphs, 1);
    const authors = await Promise.all(Array.from({ length: 6 }, () => buildUser({ stakeholderGroup: "GOVERNMENT" })));
    const results = await Promise.all(authors.map((a, i) => createComment(a, { draftId: draft.id, anchorId: p1.anchorId, body: `Government view number ${i}` })));
    expect(results.every((r) => r.ok)).toBe(true);
    const statuses = await db.comment.groupBy({ by: ["status"], where: { draftId: draft.id, stakeholderGroup: "GOVERNMENT" }, _count: { _all: true } });
    const count = (s: string) => statuses.find((r) => r.status === s)?._count._all ?? 0;
    // 2 civil society published: government can hold 2 of 4 (0.5), then no more.
    expect(count("PUBLISHED")).toBe(2);
    expect(count("HELD_FOR_BALANCE")).toBe(4);
  });
});
