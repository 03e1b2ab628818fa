// What became of a contribution (draft paragraphs linked by the secretariat) and the round's closing figures.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { linkContributionParagraph, linkableParagraphs, linkedParagraphsOf, unlinkContributionParagraph } from "@/lib/outcomes/links";
import { roundClosed, roundOutcome } from "@/lib/outcomes/closing";
import { recordDisposition } from "@/lib/dispositions/service";
import { buildUser } from "../fixtures/users";
import { paragraphNumber } from "../fixtures/drafts";
import { buildSubmission } from "../fixtures/moderation";
import { buildAnsweredDraft, buildDraftComment } from "../fixtures/dispositions";

async function setup() {
  const s = await buildAnsweredDraft();
  const author = await buildUser({ stakeholderGroup: "GOVERNMENT" });
  // Arrived after version 1 went out and before version 2.
  const v1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
  const contribution = await buildSubmission({ consultationId: s.consultation.id, authorId: author.id, group: "GOVERNMENT", status: "PUBLISHED", title: "Community networks", submittedAt: new Date(v1.publishedAt.getTime() + 1) });
  const { paragraphs: v2 } = await s.publishV2();
  return { ...s, author, contribution, v2 };
}

describe("linking a contribution to draft paragraphs", () => {
  it("links a paragraph changed in a later version, audits it, tells the author and shows it publicly", async () => {
    const s = await setup();
    const access = paragraphNumber(s.v2, 4); // edited in version 2
    const result = await linkContributionParagraph(s.secretariat, { submissionId: s.contribution.id, paragraphId: access.id });
    expect(result).toMatchObject({ ok: true });
    const linked = await linkedParagraphsOf(s.contribution.reference);
    expect(linked).toMatchObject([{ draft: { slug: s.draft.slug }, version: 2, latestVersion: 2, number: 4, change: "EDITED", anchorId: access.anchorId }]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "contribution.linkParagraph", entityId: s.contribution.id } })).toMatchObject({ actorId: s.secretariat.id, consultationId: s.consultation.id });
    const note = await db.notification.findFirstOrThrow({ where: { userId: s.author.id } });
    expect(note).toMatchObject({ kind: "paragraphLinked", link: `/consultations/${s.consultation.slug}/contributions/${s.contribution.reference}#what-became` });
    expect(JSON.parse(note.message)).toMatchObject({ reference: s.contribution.reference, version: 2, paragraph: 4, draft: "Draft programme" });
    // Twice is refused in place.
    expect(await linkContributionParagraph(s.secretariat, { submissionId: s.contribution.id, paragraphId: access.id })).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["alreadyLinked"] }, status: 409 });

    const unlinked = await unlinkContributionParagraph(s.secretariat, linked[0]?.linkId ?? "");
    expect(unlinked.ok).toBe(true);
    expect(await linkedParagraphsOf(s.contribution.reference)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "contribution.unlinkParagraph", entityId: s.contribution.id } })).toBe(1);
    expect(await unlinkContributionParagraph(s.secretariat, linked[0]?.linkId ?? "")).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses unchanged paragraphs, versions older than the contribution, other consultations, headings, and anyone but the secretariat", async () => {
    const s = await setup();
    const unchanged = paragraphNumber(s.v2, 1);
    const old = s.p(3); // version 1, published before the contribution arrived
    const heading = s.v2.find((p) => p.kind === "HEADING");
    const other = await buildAnsweredDraft();
    const link = (paragraphId: string | undefined) => linkContributionParagraph(s.secretariat, { submissionId: s.contribution.id, paragraphId: paragraphId ?? "" });
    expect(await link(unchanged.id)).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["paragraphUnchanged"] } });
    expect(await link(old.id)).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["paragraphBeforeContribution"] } });
    expect(await link(heading?.id)).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["paragraphNotInConsultation"] } });
    expect(await link(other.p(1).id)).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["paragraphNotInConsultation"] } });
    expect(await link("")).toMatchObject({ ok: false, fieldErrors: { paragraphId: ["paragraphRequired"] } });
    const participant = await buildUser();
    expect(await linkContributionParagraph(participant, { submissionId: s.contribution.id, paragraphId: paragraphNumber(s.v2, 4).id })).toMatchObject({ ok: false, status: 403 });
    const pending = await buildSubmission({ consultationId: s.consultation.id, status: "PENDING" });
    expect(await linkContributionParagraph(s.secretariat, { submissionId: pending.id, paragraphId: paragraphNumber(s.v2, 4).id })).toMatchObject({ ok: false, error: "notPublished" });
    expect(await db.contributionParagraphLink.count({ where: { submission: { consultationId: s.consultation.id } } })).toBe(0);

    const options = await linkableParagraphs(s.secretariat, s.contribution.id);
    expect(options.map((v) => v.version)).toEqual([2]);
    expect(options[0]?.paragraphs.map((p) => [p.number, p.change])).toEqual([[3, "MOVED"], [4, "EDITED"], [7, "NEW"]]);
    expect(await linkableParagraphs(participant, s.contribution.id)).toEqual([]);
  });
});

describe("the round's closing figures", () => {
  it("counts inputs, answers and reflected contributions by group from the database", async () => {
    const s = await setup();
    await linkContributionParagraph(s.secretariat, { submissionId: s.contribution.id, paragraphId: paragraphNumber(s.v2, 4).id });
    await buildSubmission({ consultationId: s.consultation.id, group: "CIVIL_SOCIETY", status: "PUBLISHED" });
    await buildSubmission({ consultationId: s.consultation.id, group: "CIVIL_SOCIETY", status: "PENDING" });
    const v1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
    const a = await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", versionId: v1.id });
    await buildDraftComment(s.draft, { paragraph: s.p(3), group: "CIVIL_SOCIETY", versionId: v1.id });
    await buildDraftComment(s.draft, { group: "PRIVATE_SECTOR" }); // on version 2: not answerable yet
    await recordDisposition(s.secretariat, { commentId: a.id, commentRevision: 1, expectedRevision: 0, kind: "PARTLY_ACCEPTED", reason: "In part.", templateId: "", paragraph: "suggested" });

    const outcome = await roundOutcome(s.consultation.slug);
    if (!outcome) throw new Error("no outcome");
    const of = (g: string) => outcome.groups.find((x) => x.group === g);
    expect(of("GOVERNMENT")).toMatchObject({ submissions: 1, reflected: 1, comments: 0 });
    expect(of("CIVIL_SOCIETY")).toMatchObject({ submissions: 1, reflected: 0, comments: 2, answers: { total: 2, none: 1, byKind: { PARTLY_ACCEPTED: 1 } } });
    expect(of("PRIVATE_SECTOR")).toMatchObject({ comments: 1, answers: { total: 0 } });
    expect(outcome.totals).toEqual({ submissions: 2, comments: 3, reflected: 1 });
    expect(outcome.drafts).toMatchObject([{ slug: s.draft.slug, versions: [{ number: 1, comments: 2, answered: 1 }] }]);

    await db.consultation.update({ where: { id: s.consultation.id }, data: { status: "DRAFT" } });
    expect(await roundOutcome(s.consultation.slug)).toBeNull();
  });

  it("reads as final only when every phase has ended", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(roundClosed({ contributionsCloseAt: new Date("2026-12-01"), commentsCloseAt: new Date("2026-12-15") }, now)).toBe(true);
    expect(roundClosed({ contributionsCloseAt: new Date("2026-12-01"), commentsCloseAt: new Date("2027-02-01") }, now)).toBe(false);
    expect(roundClosed({ contributionsCloseAt: null, commentsCloseAt: null }, now)).toBe(false);
  });
});
