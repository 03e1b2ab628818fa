// Which paragraph of the next version reflects a comment, to pre-fill the disposition: the paragraph that carries
// the comment's anchor (the paragraph matching of docs/decisions/0006 put it there), or, for a comment on a
// paragraph the new version removed, the new paragraph most like the text it proposed (or commented on) when one
// is alike enough to be "the same paragraph, rewritten". Pure.
import { DEFAULT_MATCH_THRESHOLD } from "../drafts/match";
import { documentWeights, profileOf, similarity } from "../drafts/similarity";

export interface NextParagraph {
  id: string;
  anchorId: string;
  number: number | null;
  text: string;
}

export interface CommentForSuggestion {
  anchorId: string | null;
  /** the paragraph the comment was written on (null for the whole draft) */
  paragraphText: string | null;
  proposedText: string | null;
}

export function suggestParagraph<P extends NextParagraph>(comment: CommentForSuggestion, next: P[], threshold = DEFAULT_MATCH_THRESHOLD): P | null {
  const numbered = next.filter((p) => p.number !== null);
  if (!comment.anchorId || comment.paragraphText === null) return null; // a comment on the whole draft
  const same = numbered.find((p) => p.anchorId === comment.anchorId);
  if (same) return same;
  const probe = profileOf(comment.proposedText ?? comment.paragraphText);
  const profiles = numbered.map((p) => profileOf(p.text));
  const weights = documentWeights([probe, ...profiles]);
  let best: { p: P; score: number } | null = null;
  numbered.forEach((p, i) => {
    const profile = profiles[i];
    if (!profile) return;
    const score = similarity(probe, profile, weights);
    if (score >= threshold && (!best || score > best.score)) best = { p, score };
  });
  return (best as { p: P; score: number } | null)?.p ?? null;
}
