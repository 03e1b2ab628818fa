// Differences between two versions of a draft, aligned by anchor, and word diffs for display.
import { diffWordsWithSpace } from "diff";
import type { BlockKind } from "./parse";

export interface DiffSegment {
  type: "same" | "added" | "removed";
  text: string;
}

/** Word-level diff, e.g. for a proposed replacement of a paragraph or an edited paragraph. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    type: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

export interface ComparableParagraph {
  anchorId: string;
  kind: BlockKind;
  number: number | null;
  text: string;
  level: number;
}

export type CompareStatus = "unchanged" | "edited" | "new" | "removed" | "moved";

export interface CompareRow {
  anchorId: string;
  kind: BlockKind;
  level: number;
  status: CompareStatus;
  fromNumber: number | null;
  toNumber: number | null;
  segments: DiffSegment[];
}

/**
 * Rows in the order of the later version; paragraphs that the later version no longer has are
 * shown where they used to be (after the last paragraph before them that survived).
 * Works across non-adjacent versions because anchors persist through every version between them.
 */
export function compareVersions(from: ComparableParagraph[], to: ComparableParagraph[]): CompareRow[] {
  const fromByAnchor = new Map(from.map((p, i) => [p.anchorId, { p, i }]));
  const toAnchors = new Set(to.map((p) => p.anchorId));
  // Order of surviving paragraphs in the earlier version, to tell "moved" from "stayed".
  const survivors = to.map((p) => fromByAnchor.get(p.anchorId)?.i ?? -1).filter((i) => i >= 0);
  const stayed = new Set<number>();
  {
    // Longest increasing run of earlier positions: the rest moved.
    const tails: number[] = [];
    const parent = new Map<number, number>();
    for (const value of survivors) {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((tails[mid] ?? 0) < value) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) parent.set(value, tails[lo - 1] ?? -1);
      tails[lo] = value;
    }
    for (let v: number | undefined = tails.at(-1); v !== undefined && v >= 0; v = parent.get(v)) stayed.add(v);
  }

  const removedAfter = new Map<string | null, ComparableParagraph[]>();
  let lastSurvivor: string | null = null;
  for (const p of from) {
    if (toAnchors.has(p.anchorId)) {
      lastSurvivor = p.anchorId;
      continue;
    }
    const list = removedAfter.get(lastSurvivor) ?? [];
    list.push(p);
    removedAfter.set(lastSurvivor, list);
  }
  const removedRow = (p: ComparableParagraph): CompareRow => ({
    anchorId: p.anchorId, kind: p.kind, level: p.level, status: "removed", fromNumber: p.number, toNumber: null,
    segments: [{ type: "removed", text: p.text }],
  });

  const rows: CompareRow[] = (removedAfter.get(null) ?? []).map(removedRow);
  for (const p of to) {
    const before = fromByAnchor.get(p.anchorId);
    if (!before) {
      rows.push({ anchorId: p.anchorId, kind: p.kind, level: p.level, status: "new", fromNumber: null, toNumber: p.number, segments: [{ type: "added", text: p.text }] });
    } else {
      const same = before.p.text === p.text;
      const status: CompareStatus = !stayed.has(before.i) ? "moved" : same ? "unchanged" : "edited";
      rows.push({
        anchorId: p.anchorId, kind: p.kind, level: p.level, status, fromNumber: before.p.number, toNumber: p.number,
        segments: same ? [{ type: "same", text: p.text }] : wordDiff(before.p.text, p.text),
      });
    }
    for (const removed of removedAfter.get(p.anchorId) ?? []) rows.push(removedRow(removed));
  }
  return rows;
}
