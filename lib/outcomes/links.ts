// What became of a contribution, on the drafts' side: the secretariat links a published contribution to the draft
// paragraphs that changed after it (a paragraph of a version published after the contribution, new or altered in
// that version). Each link and unlink is audited; the author is told. Public pages list the links.
import "server-only";
import { db } from "../db/client";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { ConsultationStatus, ParagraphChange } from "../db/generated/enums";
import { recordAudit } from "../audit/log";
import { hasRole, type Actor } from "../auth/session-roles";
import { notify } from "../notifications/service";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { ParagraphLinkSchema, type ParagraphLinkInput } from "./schema";

const forbidden = () => fail("forbidden", undefined, 403);

/** A paragraph "changed" in its version unless the version carried it over untouched. */
const CHANGED: ParagraphChange[] = [ParagraphChange.NEW, ParagraphChange.EDITED, ParagraphChange.MOVED, ParagraphChange.MOVED_EDITED];

export async function linkContributionParagraph(actor: Actor | null, raw: ParagraphLinkInput): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = ParagraphLinkSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { submissionId, paragraphId } = parsed.data;
  try {
    return await withTransaction(async (tx): Promise<Result<{ id: string }>> => {
      const submission = await tx.submission.findUnique({
        where: { id: submissionId },
        select: { id: true, consultationId: true, status: true, reference: true, title: true, authorId: true, submittedAt: true, createdAt: true, consultation: { select: { slug: true } } },
      });
      if (!submission) return fail("notFound", undefined, 404);
      if (submission.status !== "PUBLISHED") return fail("notPublished", undefined, 409);
      const paragraph = await tx.paragraph.findUnique({
        where: { id: paragraphId },
        select: { id: true, number: true, change: true, anchorId: true, version: { select: { number: true, publishedAt: true, draft: { select: { id: true, consultationId: true, title: true } } } } },
      });
      if (!paragraph || paragraph.version.draft.consultationId !== submission.consultationId || paragraph.number === null) {
        return fail("invalidInput", { paragraphId: ["paragraphNotInConsultation"] });
      }
      const arrived = submission.submittedAt ?? submission.createdAt;
      if (paragraph.version.publishedAt <= arrived) return fail("invalidInput", { paragraphId: ["paragraphBeforeContribution"] });
      if (!CHANGED.includes(paragraph.change)) return fail("invalidInput", { paragraphId: ["paragraphUnchanged"] });
      const link = await tx.contributionParagraphLink.create({ data: { submissionId, paragraphId, createdById: actor.id } });
      await recordAudit(tx, {
        actorId: actor.id, action: "contribution.linkParagraph", entityType: "Submission", entityId: submissionId, consultationId: submission.consultationId,
        details: { reference: submission.reference, draftId: paragraph.version.draft.id, version: paragraph.version.number, paragraph: paragraph.number, anchorId: paragraph.anchorId },
      });
      await notify(tx, {
        userId: submission.authorId,
        kind: "paragraphLinked",
        params: { target: "SUBMISSION", title: submission.title, reference: submission.reference, draft: paragraph.version.draft.title, version: paragraph.version.number, paragraph: paragraph.number },
        link: `/consultations/${submission.consultation.slug}/contributions/${encodeURIComponent(submission.reference)}#what-became`,
      });
      return ok({ id: link.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { paragraphId: ["alreadyLinked"] }, 409);
    throw error;
  }
}

export async function unlinkContributionParagraph(actor: Actor | null, linkId: string): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return forbidden();
  return withTransaction(async (tx) => {
    const link = await tx.contributionParagraphLink.findUnique({
      where: { id: linkId },
      include: { submission: { select: { consultationId: true, reference: true } }, paragraph: { select: { number: true, anchorId: true, version: { select: { number: true, draftId: true } } } } },
    });
    if (!link) return fail("notFound", undefined, 404);
    // Conditional on the row read: of two unlinks, one deletes, the other finds nothing.
    const { count } = await tx.contributionParagraphLink.deleteMany({ where: { id: linkId } });
    if (count !== 1) return fail("notFound", undefined, 404);
    await recordAudit(tx, {
      actorId: actor.id, action: "contribution.unlinkParagraph", entityType: "Submission", entityId: link.submissionId, consultationId: link.submission.consultationId,
      details: { reference: link.submission.reference, draftId: link.paragraph.version.draftId, version: link.paragraph.version.number, paragraph: link.paragraph.number, anchorId: link.paragraph.anchorId },
    });
    return ok({ id: linkId });
  });
}

export interface LinkedParagraph {
  linkId: string;
  paragraphId: string;
  draft: { slug: string; title: string };
  version: number;
  latestVersion: number;
  number: number;
  anchorId: string;
  text: string;
  change: ParagraphChange;
  linkedAt: Date;
}

/** The draft paragraphs linked to a contribution, by draft and version (public drafts only unless `all`). */
export async function linkedParagraphsOf(reference: string, options: { all?: boolean } = {}): Promise<LinkedParagraph[]> {
  const rows = await db.contributionParagraphLink.findMany({
    where: { submission: { reference }, ...(options.all ? {} : { paragraph: { version: { draft: { consultation: { status: ConsultationStatus.PUBLISHED } } } } }) },
    include: {
      paragraph: {
        select: {
          number: true, anchorId: true, text: true, change: true,
          version: { select: { number: true, draft: { select: { slug: true, title: true, createdAt: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } } } } },
        },
      },
    },
  });
  return rows
    .flatMap((r): LinkedParagraph[] => {
      const p = r.paragraph;
      if (p.number === null) return [];
      return [{
        linkId: r.id, paragraphId: r.paragraphId, draft: { slug: p.version.draft.slug, title: p.version.draft.title }, version: p.version.number,
        latestVersion: p.version.draft.versions[0]?.number ?? p.version.number, number: p.number, anchorId: p.anchorId, text: p.text, change: p.change, linkedAt: r.createdAt,
      }];
    })
    .sort((a, b) => a.draft.title.localeCompare(b.draft.title) || a.version - b.version || a.number - b.number);
}

export interface LinkableVersion {
  draftTitle: string;
  version: number;
  paragraphs: { id: string; number: number; change: ParagraphChange; text: string }[];
}

/** The paragraphs a contribution can be linked to: changed in a version published after it arrived. Secretariat only. */
export async function linkableParagraphs(actor: Actor | null, submissionId: string): Promise<LinkableVersion[]> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return [];
  const submission = await db.submission.findUnique({ where: { id: submissionId }, select: { consultationId: true, submittedAt: true, createdAt: true } });
  if (!submission) return [];
  const versions = await db.draftVersion.findMany({
    where: { draft: { consultationId: submission.consultationId }, publishedAt: { gt: submission.submittedAt ?? submission.createdAt } },
    orderBy: [{ draft: { createdAt: "asc" } }, { number: "asc" }],
    select: {
      number: true, draft: { select: { title: true } },
      paragraphs: { where: { number: { not: null }, change: { in: CHANGED } }, orderBy: { position: "asc" }, select: { id: true, number: true, change: true, text: true } },
    },
  });
  return versions
    .map((v) => ({ draftTitle: v.draft.title, version: v.number, paragraphs: v.paragraphs.flatMap((p) => (p.number === null ? [] : [{ ...p, number: p.number }])) }))
    .filter((v) => v.paragraphs.length > 0);
}
