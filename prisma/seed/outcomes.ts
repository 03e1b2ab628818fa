// Demo data for "what became of a contribution" (issue 16): two contributions linked to the paragraphs of version 2
// of the draft programme that changed after them, audited and told to their authors as lib/outcomes would.
// Idempotent: a link that exists is left alone.
import type { PrismaClient } from "../../lib/db/generated/client";

const LINKS = [
  { reference: "IGF-DEMO-0001", paragraph: 3 },
  { reference: "IGF-DEMO-0003", paragraph: 5 },
] as const;

export async function seedOutcomes(db: PrismaClient): Promise<void> {
  const v2 = await db.draftVersion.findFirst({
    where: { number: 2, draft: { slug: "draft-programme", consultation: { slug: "igf-preparatory-round" } } },
    select: { number: true, publishedAt: true, draft: { select: { id: true, title: true } }, paragraphs: { select: { id: true, number: true, anchorId: true, change: true } } },
  });
  if (!v2) return;
  const secretariat = await db.user.findUnique({ where: { email: "secretariat@agora.example" } });
  for (const [index, l] of LINKS.entries()) {
    const submission = await db.submission.findUnique({ where: { reference: l.reference }, select: { id: true, consultationId: true, title: true, authorId: true, status: true } });
    const paragraph = v2.paragraphs.find((p) => p.number === l.paragraph);
    if (!submission || submission.status !== "PUBLISHED" || !paragraph || paragraph.change === "UNCHANGED") continue;
    const exists = await db.contributionParagraphLink.findUnique({ where: { submissionId_paragraphId: { submissionId: submission.id, paragraphId: paragraph.id } } });
    if (exists) continue;
    const at = new Date(v2.publishedAt.getTime() + (12 + index) * 3600_000);
    await db.contributionParagraphLink.create({ data: { submissionId: submission.id, paragraphId: paragraph.id, createdById: secretariat?.id ?? null, createdAt: at } });
    await db.auditEvent.create({
      data: {
        actorId: secretariat?.id ?? null, action: "contribution.linkParagraph", entityType: "Submission", entityId: submission.id, consultationId: submission.consultationId, createdAt: at,
        details: { reference: l.reference, draftId: v2.draft.id, version: v2.number, paragraph: l.paragraph, anchorId: paragraph.anchorId },
      },
    });
    if (submission.authorId) {
      await db.notification.create({
        data: {
          userId: submission.authorId, kind: "paragraphLinked", createdAt: at,
          message: JSON.stringify({ target: "SUBMISSION", title: submission.title, reference: l.reference, draft: v2.draft.title, version: v2.number, paragraph: l.paragraph }),
          link: `/consultations/igf-preparatory-round/contributions/${encodeURIComponent(l.reference)}#what-became`,
        },
      });
    }
  }
}
