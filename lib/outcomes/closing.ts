// A consultation's closing page: what the round received and what became of it, by stakeholder group: inputs,
// comments answered and accepted (from the dispositions), contributions reflected in a draft paragraph. All counted
// from the database when the page is read; nothing is stored.
import "server-only";
import { db } from "../db/client";
import { CommentStatus, ConsultationStatus, SubmissionStatus, type StakeholderGroup } from "../db/generated/enums";
import { INPUT_GROUPS, UNCLASSIFIED } from "../stakeholders/groups";
import { synthesisCitationsByGroup, type GroupCitation } from "./synthesis";
import { consultationDispositionCounts, dispositionProgress, type CountCell, type VersionProgress } from "../dispositions/queries";

export interface GroupOutcome {
  group: StakeholderGroup;
  submissions: number;
  comments: number;
  /** published contributions the secretariat linked to at least one draft paragraph */
  reflected: number;
  /** comments on answerable draft versions, with their answers */
  answers: CountCell;
  /** in the latest published synthesis paper (null when none is published) */
  synthesis: GroupCitation | null;
}

export async function roundOutcome(slug: string) {
  const consultation = await db.consultation.findFirst({
    where: { slug, status: ConsultationStatus.PUBLISHED },
    select: { id: true, slug: true, title: true, contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true },
  });
  if (!consultation) return null;
  const id = consultation.id;
  const [submissions, comments, reflected, answers, drafts, synthesis] = await Promise.all([
    db.submission.groupBy({ by: ["stakeholderGroup"], where: { consultationId: id, status: SubmissionStatus.PUBLISHED }, _count: { _all: true } }),
    db.comment.groupBy({ by: ["stakeholderGroup"], where: { consultationId: id, status: CommentStatus.PUBLISHED }, _count: { _all: true } }),
    db.submission.groupBy({ by: ["stakeholderGroup"], where: { consultationId: id, status: SubmissionStatus.PUBLISHED, paragraphLinks: { some: {} } }, _count: { _all: true } }),
    consultationDispositionCounts(id),
    db.draftDocument.findMany({ where: { consultationId: id, versions: { some: {} } }, orderBy: { createdAt: "asc" }, select: { id: true, slug: true, title: true } }),
    synthesisCitationsByGroup(id),
  ]);
  const countOf = (rows: { stakeholderGroup: StakeholderGroup; _count: { _all: number } }[], g: StakeholderGroup) => rows.find((r) => r.stakeholderGroup === g)?._count._all ?? 0;
  const empty: CountCell = { total: 0, none: 0, byKind: { ACCEPTED: 0, PARTLY_ACCEPTED: 0, NOT_ACCEPTED: 0, OUT_OF_SCOPE: 0, ANSWERED: 0 } };
  const all: GroupOutcome[] = INPUT_GROUPS.map((g) => ({
    group: g,
    submissions: countOf(submissions, g),
    comments: countOf(comments, g),
    reflected: countOf(reflected, g),
    answers: answers.groups.find((a) => a.group === g) ?? empty,
    synthesis: synthesis ? (synthesis.groups.find((s) => s.group === g) ?? { group: g, listed: 0, cited: 0, setAside: 0 }) : null,
  }));
  // The six groups always show (a group with nothing is a finding); unclassified inputs only when there are some.
  const groups = all.filter((g) => g.group !== UNCLASSIFIED || g.submissions + g.comments + (g.synthesis?.listed ?? 0) > 0);
  const sum = (pick: (g: GroupOutcome) => number) => groups.reduce((n, g) => n + pick(g), 0);
  const draftProgress: { slug: string; title: string; versions: VersionProgress[] }[] = [];
  for (const d of drafts) draftProgress.push({ slug: d.slug, title: d.title, versions: (await dispositionProgress(d.id)).filter((v) => v.answerable) });
  return {
    consultation,
    groups,
    answers,
    totals: { submissions: sum((g) => g.submissions), comments: sum((g) => g.comments), reflected: sum((g) => g.reflected) },
    drafts: draftProgress,
    synthesis: synthesis
      ? { snapshot: synthesis.snapshot, listed: sum((g) => g.synthesis?.listed ?? 0), cited: sum((g) => g.synthesis?.cited ?? 0), setAside: sum((g) => g.synthesis?.setAside ?? 0) }
      : null,
  };
}

/** Whether every phase of the round has ended (the page then reads as final rather than "so far"). */
export function roundClosed(c: { contributionsCloseAt: Date | null; commentsCloseAt: Date | null }, now: Date): boolean {
  const ends = [c.contributionsCloseAt, c.commentsCloseAt].filter((d): d is Date => d !== null);
  return ends.length > 0 && ends.every((d) => d <= now);
}
