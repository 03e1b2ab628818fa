// Matches a new version's blocks to the previous version's paragraphs so anchors (and comments) follow the text.
// The reasoning, thresholds and limits are in docs/decisions/0006-paragraph-matching-and-anchors.md.
import type { BlockKind, DraftBlock } from "./parse";
import { documentWeights, profileOf, similarity, type TextProfile } from "./similarity";

export type ChangeKind = "NEW" | "UNCHANGED" | "EDITED" | "MOVED" | "MOVED_EDITED";

export interface PreviousParagraph {
  anchorId: string;
  kind: BlockKind;
  text: string;
  number: number | null;
  position: number;
}

export interface MatchedBlock extends DraftBlock {
  anchorId: string;
  change: ChangeKind;
  previousNumber: number | null;
  /** similarity to the matched paragraph of the previous version, 1 for identical text, 0 for new */
  score: number;
}

export interface MatchResult {
  blocks: MatchedBlock[];
  /** previous paragraphs with no counterpart: their comments stay, marked as on a removed paragraph */
  removed: PreviousParagraph[];
}

export interface MatchOptions {
  /** minimum similarity for "the same paragraph, edited"; below it the paragraphs are unrelated */
  threshold?: number;
  /** above this many unmatched paragraphs on either side, a greedy assignment replaces the optimal one */
  optimalLimit?: number;
}

export const DEFAULT_MATCH_THRESHOLD = 0.5;
const DEFAULT_OPTIMAL_LIMIT = 400;
// Only breaks ties between equally similar candidates (e.g. repeated boilerplate): prefer the nearby one.
const POSITION_TIE_BREAK = 0.001;

/** Headings match headings; paragraphs and list items match each other (a paragraph turned into a bullet is the same text). */
function kindClass(kind: BlockKind): "heading" | "body" {
  return kind === "HEADING" ? "heading" : "body";
}

export function matchVersions(previous: PreviousParagraph[], next: DraftBlock[], newAnchor: () => string, options: MatchOptions = {}): MatchResult {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const optimalLimit = options.optimalLimit ?? DEFAULT_OPTIMAL_LIMIT;
  const prevProfiles = previous.map((p) => profileOf(p.text));
  const nextProfiles = next.map((b) => profileOf(b.text));
  const weights = documentWeights([...prevProfiles, ...nextProfiles]);
  const pairOf = new Array<number>(next.length).fill(-1); // next index -> previous index
  const scoreOf = new Array<number>(next.length).fill(0);

  // 1. Identical text (after normalisation) pairs first, in document order, so duplicates pair up in sequence.
  const buckets = new Map<string, number[]>();
  previous.forEach((p, i) => {
    const key = `${kindClass(p.kind)}\u0000${prevProfiles[i]?.normalised ?? ""}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });
  const prevTaken = new Array<boolean>(previous.length).fill(false);
  next.forEach((b, j) => {
    const bucket = buckets.get(`${kindClass(b.kind)}\u0000${nextProfiles[j]?.normalised ?? ""}`);
    const i = bucket?.shift();
    if (i === undefined) return;
    pairOf[j] = i;
    scoreOf[j] = 1;
    prevTaken[i] = true;
  });

  // 2. The rest: a one-to-one assignment maximising total similarity over pairs above the threshold.
  const restPrev = previous.map((_, i) => i).filter((i) => !prevTaken[i]);
  const restNext = next.map((_, j) => j).filter((j) => pairOf[j] === -1);
  if (restPrev.length > 0 && restNext.length > 0) {
    const benefit = restPrev.map((i) =>
      restNext.map((j) => {
        const p = previous[i];
        const b = next[j];
        const pp = prevProfiles[i];
        const np = nextProfiles[j];
        if (!p || !b || !pp || !np || kindClass(p.kind) !== kindClass(b.kind)) return 0;
        const s = similarity(pp, np, weights);
        if (s < threshold) return 0;
        const drift = Math.abs(i / Math.max(previous.length, 1) - j / Math.max(next.length, 1));
        return s - POSITION_TIE_BREAK * drift;
      }),
    );
    const assignment = restPrev.length <= optimalLimit && restNext.length <= optimalLimit ? maximumAssignment(benefit) : greedyAssignment(benefit);
    assignment.forEach((col, row) => {
      if (col < 0 || (benefit[row]?.[col] ?? 0) <= 0) return;
      const i = restPrev[row];
      const j = restNext[col];
      if (i === undefined || j === undefined) return;
      pairOf[j] = i;
      prevTaken[i] = true;
      scoreOf[j] = similarity(prevProfiles[i] as TextProfile, nextProfiles[j] as TextProfile, weights);
    });
  }

  // 3. Pairs outside the longest run that kept its relative order are the ones that moved.
  const matchedNext = next.map((_, j) => j).filter((j) => pairOf[j] !== -1);
  const stayed = new Set(longestIncreasingSubsequence(matchedNext.map((j) => pairOf[j] as number)).map((k) => matchedNext[k]));

  const blocks = next.map((b, j): MatchedBlock => {
    const i = pairOf[j] ?? -1;
    const p = i >= 0 ? previous[i] : undefined;
    if (!p) return { ...b, anchorId: newAnchor(), change: "NEW", previousNumber: null, score: 0 };
    const same = p.text.trim() === b.text.trim();
    const moved = !stayed.has(j);
    const change: ChangeKind = moved ? (same ? "MOVED" : "MOVED_EDITED") : same ? "UNCHANGED" : "EDITED";
    return { ...b, anchorId: p.anchorId, change, previousNumber: p.number, score: scoreOf[j] ?? 0 };
  });
  return { blocks, removed: previous.filter((_, i) => !prevTaken[i]) };
}

/**
 * Optimal one-to-one assignment maximising the sum of benefits (Hungarian algorithm, O(n²m)).
 * Returns, for each row, its column or -1. Rows may outnumber columns and vice versa.
 */
export function maximumAssignment(benefit: number[][]): number[] {
  const rows = benefit.length;
  const cols = benefit[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => benefit.map((row) => row[c] ?? 0));
    const byCol = maximumAssignment(transposed);
    const result = new Array<number>(rows).fill(-1);
    byCol.forEach((r, c) => {
      if (r >= 0) result[r] = c;
    });
    return result;
  }
  // Minimise cost = -benefit; 1-based arrays as in the classic formulation.
  const n = rows;
  const m = cols;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] ?? 0;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -(benefit[i0 - 1]?.[j - 1] ?? 0) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? Infinity)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const row = p[j] ?? 0;
          u[row] = (u[row] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? Infinity) - delta;
        }
      }
      j0 = j1;
    } while ((p[j0] ?? 0) !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const row = p[j] ?? 0;
    if (row > 0) result[row - 1] = j - 1;
  }
  return result;
}

/** Best pairs first; used only for very large unmatched remainders where O(n³) would be too slow. */
export function greedyAssignment(benefit: number[][]): number[] {
  const candidates: [number, number, number][] = [];
  benefit.forEach((row, r) => row.forEach((b, c) => {
    if (b > 0) candidates.push([b, r, c]);
  }));
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const result = new Array<number>(benefit.length).fill(-1);
  const colTaken = new Set<number>();
  for (const [, r, c] of candidates) {
    if (result[r] !== -1 || colTaken.has(c)) continue;
    result[r] = c;
    colTaken.add(c);
  }
  return result;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence, O(n log n). */
export function longestIncreasingSubsequence(values: number[]): number[] {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const parent = new Array<number>(values.length).fill(-1);
  values.forEach((value, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  });
  const out: number[] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = parent[k] ?? -1) out.push(k);
  return out.reverse();
}
