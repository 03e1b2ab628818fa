// What readers see of a comment's answer: the latest disposition, whether the comment was edited after it, and the
// earlier answers it revised (nothing is rewritten silently). Pure; the Prisma select that feeds it lives here too.
import type { DispositionKindName } from "./kinds";

export const dispositionViewSelect = {
  revision: true,
  current: true,
  kind: true,
  reason: true,
  createdAt: true,
  commentRevision: true,
  paragraph: { select: { number: true, anchorId: true, version: { select: { number: true } } } },
} as const;

export interface DispositionRowForView {
  revision: number;
  current: boolean;
  kind: DispositionKindName;
  reason: string;
  createdAt: Date;
  commentRevision: number;
  paragraph: { number: number | null; anchorId: string; version: { number: number } } | null;
}

export interface DispositionView {
  kind: DispositionKindName;
  reason: string;
  revision: number;
  at: Date;
  /** the paragraph of the next version that reflects the comment */
  paragraph: { number: number; anchorId: string; version: number } | null;
  /** the author edited the comment after this answer was given */
  editedSince: boolean;
  /** the answers this one revised, newest first */
  earlier: { revision: number; kind: DispositionKindName; reason: string; at: Date }[];
}

export function dispositionViewOf(rows: DispositionRowForView[], commentRevision: number): DispositionView | null {
  const current = rows.find((r) => r.current);
  if (!current) return null;
  const p = current.paragraph;
  return {
    kind: current.kind,
    reason: current.reason,
    revision: current.revision,
    at: current.createdAt,
    paragraph: p && p.number !== null ? { number: p.number, anchorId: p.anchorId, version: p.version.number } : null,
    editedSince: commentRevision > current.commentRevision,
    earlier: rows
      .filter((r) => !r.current)
      .sort((a, b) => b.revision - a.revision)
      .map((r) => ({ revision: r.revision, kind: r.kind, reason: r.reason, at: r.createdAt })),
  };
}

/**
 * Where a comment is read in context on the draft's page: in its paragraph's thread when the latest version still
 * has the paragraph, otherwise among the comments on the whole draft or on removed paragraphs.
 */
export function commentHref(base: string, comment: { commentId: string; anchorId: string | null }, latestAnchors: ReadonlySet<string>): string {
  return comment.anchorId && latestAnchors.has(comment.anchorId)
    ? `${base}?p=${encodeURIComponent(comment.anchorId)}#c-${comment.commentId}`
    : `${base}#c-${comment.commentId}`;
}
