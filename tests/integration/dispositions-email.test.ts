// The disposition and paragraphLinked notifications go out by e-mail with every other kind: a loopback SMTP server
// receives them in the author's language, with the answer, its reason and the link to the comment.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordDisposition } from "@/lib/dispositions/service";
import { linkContributionParagraph } from "@/lib/outcomes/links";
import { runJobs } from "../fixtures/jobs";
import { buildUser } from "../fixtures/users";
import { paragraphNumber } from "../fixtures/drafts";
import { buildSubmission } from "../fixtures/moderation";
import { buildAnsweredDraft, buildDraftComment } from "../fixtures/dispositions";
import { startLoopbackSmtp, type LoopbackSmtp } from "../fixtures/smtp";
import { TEST_SITE_URL, useSmtp } from "../fixtures/email";

let smtp: LoopbackSmtp;
beforeEach(async () => {
  smtp = await startLoopbackSmtp();
  useSmtp(smtp.url);
});
afterEach(async () => smtp.close());
afterAll(() => useSmtp(null));

const to = (address: string) => smtp.received.filter((mail) => mail.envelopeTo.includes(address));

describe("disposition e-mails", () => {
  it("tell the author of the answer and of its revision, and the contributor of a linked paragraph, in their language", async () => {
    const s = await buildAnsweredDraft();
    const author = await buildUser({ email: "amina@example.org", name: "Amina" });
    const comment = await buildDraftComment(s.draft, { paragraph: s.p(3), authorId: author.id, body: "Please add community networks." });
    const francophone = await buildUser({ email: "fatou@example.org", name: "Fatou" });
    await db.user.update({ where: { id: francophone.id }, data: { locale: "fr" } });
    const v1 = await db.draftVersion.findFirstOrThrow({ where: { draftId: s.draft.id, number: 1 } });
    const contribution = await buildSubmission({ consultationId: s.consultation.id, authorId: francophone.id, status: "PUBLISHED", title: "Réseaux communautaires", submittedAt: new Date(v1.publishedAt.getTime() + 1) });
    const { paragraphs: v2 } = await s.publishV2();

    const answer = { commentId: comment.id, commentRevision: 1, kind: "PARTLY_ACCEPTED" as const, reason: "Named, not funded.", templateId: "", paragraph: "suggested" };
    expect((await recordDisposition(s.secretariat, { ...answer, expectedRevision: 0 })).ok).toBe(true);
    expect((await recordDisposition(s.secretariat, { ...answer, expectedRevision: 1, kind: "ACCEPTED", reason: "" })).ok).toBe(true);
    expect((await linkContributionParagraph(s.secretariat, { submissionId: contribution.id, paragraphId: paragraphNumber(v2, 4).id })).ok).toBe(true);
    await runJobs();

    const [first, revised] = to("amina@example.org");
    expect(first?.parsed.subject).toBe("Response to your comment: Please add community networks.");
    expect(first?.parsed.text).toContain("The secretariat answered your comment “Please add community networks.”: partly accepted.");
    expect(first?.parsed.text).toContain("Reason: Named, not funded.");
    expect(first?.parsed.html).toContain(`href="${TEST_SITE_URL}/consultations/${s.consultation.slug}/drafts/${s.draft.slug}?p=${encodeURIComponent(s.p(3).anchorId)}#c-${comment.id}"`);
    expect(revised?.parsed.subject).toBe("Revised response to your comment: Please add community networks.");
    expect(revised?.parsed.text).toContain("The secretariat revised its response to your comment “Please add community networks.”: accepted.");

    const [linked] = to("fatou@example.org");
    expect(linked?.parsed.subject).toBe(`Votre contribution se retrouve dans « Draft programme » : ${contribution.reference} — Réseaux communautaires`);
    expect(linked?.parsed.text).toContain("le secrétariat l’a reliée au paragraphe 4 de la version 2 de « Draft programme »");
  });
});
