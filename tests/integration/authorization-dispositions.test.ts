// The disposition and paragraph-link server actions refuse participants and anonymous callers, and nothing changes;
// for the secretariat they record through lib/ and answer in the form's state.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { buildUser } from "../fixtures/users";
import { paragraphNumber } from "../fixtures/drafts";
import { buildSubmission } from "../fixtures/moderation";
import { buildAnsweredDraft, buildDraftComment } from "../fixtures/dispositions";

const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "PARTICIPANT" | "SECRETARIAT" | "ADMIN" } }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...original, getCurrentUser: vi.fn(async () => session.user) };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const dispositionActions = await import("@/app/secretariat/consultations/[slug]/drafts/[draft]/dispositions/actions");
const linkActions = await import("@/app/secretariat/consultations/[slug]/contributions/[reference]/actions");

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

describe("disposition and link actions", () => {
  it("refuse participants and anonymous callers, then work for the secretariat", async () => {
    const s = await buildAnsweredDraft();
    const comment = await buildDraftComment(s.draft, { paragraph: s.p(3) });
    const v1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
    const contribution = await buildSubmission({ consultationId: s.consultation.id, status: "PUBLISHED", submittedAt: new Date(v1.publishedAt.getTime() + 1) });
    const { paragraphs: v2 } = await s.publishV2();
    const answer = form({ selection: `COMMENT:${comment.id}:1:0`, kind: "ACCEPTED", reason: "", templateId: "", paragraph: "suggested" });
    const link = form({ paragraphId: paragraphNumber(v2, 4).id });
    const participant = await buildUser();

    for (const user of [null, { id: participant.id, role: "PARTICIPANT" as const }]) {
      session.user = user;
      expect(await dispositionActions.recordDispositionsAction(v1.id, { status: "idle" }, answer)).toMatchObject({ status: "error", error: "forbidden" });
      expect(await linkActions.linkParagraphAction(contribution.id, { status: "idle" }, link)).toMatchObject({ status: "error", error: "forbidden" });
    }
    expect(await db.commentDisposition.count({ where: { commentId: comment.id } })).toBe(0);
    expect(await db.contributionParagraphLink.count({ where: { submissionId: contribution.id } })).toBe(0);

    session.user = { id: s.secretariat.id, role: "SECRETARIAT" };
    expect(await dispositionActions.recordDispositionsAction(v1.id, { status: "idle" }, form({ selection: `COMMENT:${comment.id}:1:0`, kind: "NOT_ACCEPTED", reason: "" })))
      .toMatchObject({ status: "error", fieldErrors: { reason: ["reasonRequired"] } });
    expect(await dispositionActions.recordDispositionsAction(v1.id, { status: "idle" }, answer)).toMatchObject({ status: "done", summary: { done: 1 } });
    expect(await linkActions.linkParagraphAction(contribution.id, { status: "idle" }, link)).toMatchObject({ status: "saved", message: "linked" });
    const row = await db.contributionParagraphLink.findFirstOrThrow({ where: { submissionId: contribution.id } });

    session.user = { id: participant.id, role: "PARTICIPANT" };
    expect(await linkActions.unlinkParagraphAction(row.id, { status: "idle" }, form({}))).toMatchObject({ status: "error", error: "forbidden" });
    expect(await db.contributionParagraphLink.count({ where: { submissionId: contribution.id } })).toBe(1);
  });
});
