// Main points of the comments on one draft paragraph: TF-IDF sentence vectors grouped by cosine similarity, in bounded memory.
//
// Sentences arrive as a stream (two passes: document frequencies first, then grouping). Terms are hashed into a
// fixed number of buckets, centroids are pruned to their strongest terms and the number of open groups is capped,
// so memory stays flat whatever the number of contributions. Everything is deterministic for a given input order.
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";
import { hashTerm, shortQuote, terms } from "./text";

export const BUCKETS = 1 << 16;

export interface PointOptions {
  /** cosine similarity from which a sentence joins a group */
  threshold: number;
  /** open groups kept per theme; beyond it the group with the least support is dropped */
  maxGroups: number;
  /** candidate quotes kept per group */
  maxCandidates: number;
  /** sources (inputs behind a point) kept per group, for the click-through */
  maxSources: number;
  /** strongest centroid terms kept */
  centroidTerms: number;
  /** shortest sentence, in terms, that can make a point */
  minTerms: number;
}

export const DEFAULT_POINT_OPTIONS: PointOptions = {
  threshold: 0.3,
  maxGroups: 300,
  maxCandidates: 6,
  maxSources: 12,
  centroidTerms: 64,
  minTerms: 3,
};

/** Where a sentence comes from; `id` identifies the input (a submission or a comment). */
export interface SourceRef {
  id: string;
  reference: string;
  title: string;
}

export interface SentenceInput {
  sentence: string;
  /**
   * Who the sentence counts for: the contributor, or the campaign it belongs to (counted once). Sentences of one
   * non-campaign unit must arrive together (the stream is ordered by contributor), so a point counts each unit once.
   */
  unit: string;
  campaignId: string | null;
  group: StakeholderGroup;
  overBalance: boolean;
  source: SourceRef;
}

type Vector = Map<number, number>;

/** Sentence frequencies per term bucket, the first pass over a theme. */
export class DocumentFrequency {
  readonly counts = new Uint32Array(BUCKETS);
  sentences = 0;

  add(sentence: string): void {
    const seen = new Set<number>();
    for (const term of terms(sentence)) seen.add(hashTerm(term, BUCKETS));
    if (seen.size === 0) return;
    this.sentences++;
    for (const bucket of seen) this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
  }

  idf(bucket: number): number {
    return Math.log((this.sentences + 1) / ((this.counts[bucket] ?? 0) + 1)) + 1;
  }
}

export function tfidf(sentence: string, df: DocumentFrequency): { vector: Vector; termCount: number } {
  const tf = new Map<number, number>();
  const list = terms(sentence);
  for (const term of list) {
    const bucket = hashTerm(term, BUCKETS);
    tf.set(bucket, (tf.get(bucket) ?? 0) + 1);
  }
  const vector: Vector = new Map();
  let norm = 0;
  for (const [bucket, count] of tf) {
    const weight = (1 + Math.log(count)) * df.idf(bucket);
    vector.set(bucket, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [bucket, weight] of vector) vector.set(bucket, weight / norm);
  return { vector, termCount: list.length };
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

interface Candidate {
  sentence: string;
  vector: Vector;
  source: SourceRef;
  order: number;
}

class Cluster {
  readonly centroid: Vector = new Map();
  sumSquares = 0;
  support = 0;
  lastUnit = "";
  readonly campaignIds = new Set<string>();
  readonly groups = new Map<StakeholderGroup, number>();
  overBalance = 0;
  readonly candidates: Candidate[] = [];
  readonly sources: { source: SourceRef; sentence: string }[] = [];
  constructor(readonly order: number) {}
}

export interface Point {
  quote: string;
  truncated: boolean;
  /** where the quote comes from; always sources[0] */
  quoteSource: SourceRef;
  /** contributors (campaigns counted once) who made the point */
  support: number;
  groups: { group: StakeholderGroup; count: number }[];
  overBalance: number;
  campaignIds: string[];
  sources: { source: SourceRef; sentence: string }[];
  order: number;
}

/** Groups similar sentences of one theme into points (second pass). */
export class PointFinder {
  private readonly clusters = new Map<number, Cluster>();
  /** term bucket -> clusters whose centroid holds it: only clusters sharing a term are scored */
  private readonly postings = new Map<number, Set<Cluster>>();
  private created = 0;
  private seen = 0;

  constructor(private readonly df: DocumentFrequency, private readonly options: PointOptions = DEFAULT_POINT_OPTIONS) {}

  add(input: SentenceInput): void {
    const { vector, termCount } = tfidf(input.sentence, this.df);
    if (termCount < this.options.minTerms || vector.size === 0) return;
    const order = this.seen++;
    const scores = new Map<Cluster, number>();
    for (const [bucket, weight] of vector) {
      for (const cluster of this.postings.get(bucket) ?? []) {
        scores.set(cluster, (scores.get(cluster) ?? 0) + weight * (cluster.centroid.get(bucket) ?? 0));
      }
    }
    let best: Cluster | undefined;
    let bestScore = -1;
    for (const [cluster, dot] of scores) {
      const score = cluster.sumSquares > 0 ? dot / Math.sqrt(cluster.sumSquares) : 0;
      if (score > bestScore || (score === bestScore && best && cluster.order < best.order)) {
        best = cluster;
        bestScore = score;
      }
    }
    if (!best || bestScore < this.options.threshold) {
      best = this.open();
      bestScore = 1;
    }
    this.join(best, input, vector, bestScore, order);
  }

  private open(): Cluster {
    if (this.clusters.size >= this.options.maxGroups) this.evictWeakest();
    const cluster = new Cluster(this.created++);
    this.clusters.set(cluster.order, cluster);
    return cluster;
  }

  private evictWeakest(): void {
    let weakest: Cluster | undefined;
    for (const cluster of this.clusters.values()) {
      if (!weakest || cluster.support < weakest.support || (cluster.support === weakest.support && cluster.order > weakest.order)) weakest = cluster;
    }
    if (!weakest) return;
    for (const bucket of weakest.centroid.keys()) this.postings.get(bucket)?.delete(weakest);
    this.clusters.delete(weakest.order);
  }

  private join(cluster: Cluster, input: SentenceInput, vector: Vector, similarity: number, order: number): void {
    for (const [bucket, weight] of vector) {
      const before = cluster.centroid.get(bucket) ?? 0;
      const after = before + weight;
      cluster.centroid.set(bucket, after);
      cluster.sumSquares += after * after - before * before;
      if (before === 0) {
        let set = this.postings.get(bucket);
        if (!set) this.postings.set(bucket, (set = new Set()));
        set.add(cluster);
      }
    }
    if (cluster.centroid.size > this.options.centroidTerms * 2) this.prune(cluster);

    const unitKey = input.campaignId ? `campaign:${input.campaignId}` : input.unit;
    const isNewUnit = input.campaignId ? !cluster.campaignIds.has(input.campaignId) : cluster.lastUnit !== unitKey;
    if (isNewUnit) {
      cluster.support++;
      cluster.groups.set(input.group, (cluster.groups.get(input.group) ?? 0) + 1);
      if (input.overBalance) cluster.overBalance++;
      if (input.campaignId) cluster.campaignIds.add(input.campaignId);
      else cluster.lastUnit = unitKey;
    }

    if (cluster.sources.length < this.options.maxSources && !cluster.sources.some((s) => s.source.id === input.source.id)) {
      cluster.sources.push({ source: input.source, sentence: input.sentence });
    }
    const candidate: Candidate = { sentence: input.sentence, vector, source: input.source, order };
    if (cluster.candidates.length < this.options.maxCandidates) {
      cluster.candidates.push(candidate);
    } else if (isNewUnit) {
      // Keep the candidates closest to the group: replace the one furthest from the current centroid.
      let worst = 0;
      let worstScore = Infinity;
      cluster.candidates.forEach((c, i) => {
        const score = cosine(c.vector, cluster.centroid);
        if (score < worstScore) {
          worst = i;
          worstScore = score;
        }
      });
      if (similarity > worstScore) cluster.candidates[worst] = candidate;
    }
  }

  private prune(cluster: Cluster): void {
    const kept = [...cluster.centroid.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.options.centroidTerms);
    for (const bucket of cluster.centroid.keys()) this.postings.get(bucket)?.delete(cluster);
    cluster.centroid.clear();
    cluster.sumSquares = 0;
    for (const [bucket, weight] of kept) {
      cluster.centroid.set(bucket, weight);
      cluster.sumSquares += weight * weight;
      let set = this.postings.get(bucket);
      if (!set) this.postings.set(bucket, (set = new Set()));
      set.add(cluster);
    }
  }

  /** The points found, strongest first (support, then first seen). */
  points(): Point[] {
    const out: Point[] = [];
    for (const cluster of this.clusters.values()) {
      const scored = cluster.candidates
        .map((c) => ({ c, score: cosine(c.vector, cluster.centroid), quote: shortQuote(c.sentence) }))
        .sort((a, b) => b.score - a.score || a.c.order - b.c.order);
      const top = scored[0];
      if (!top) continue;
      // A whole sentence reads better than a cut one when it represents the point nearly as well.
      const whole = scored.find((s) => !s.quote.truncated && s.score >= top.score * 0.85);
      const chosen = whole ?? top;
      const sources = [
        { source: chosen.c.source, sentence: chosen.c.sentence },
        ...cluster.sources.filter((s) => s.source.id !== chosen.c.source.id),
      ].slice(0, this.options.maxSources);
      out.push({
        quote: chosen.quote.text,
        truncated: chosen.quote.truncated,
        quoteSource: chosen.c.source,
        support: cluster.support,
        groups: [...cluster.groups.entries()]
          .map(([group, count]) => ({ group, count }))
          .sort((a, b) => b.count - a.count || INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group)),
        overBalance: cluster.overBalance,
        campaignIds: [...cluster.campaignIds].sort(),
        sources,
        order: cluster.order,
      });
    }
    return out.sort((a, b) => b.support - a.support || a.order - b.order);
  }
}

/**
 * Orders a theme's points so that every stakeholder group that spoke is represented before any group gets a
 * second point: in each round, each group (strongest first) takes its strongest remaining point that it is part of.
 * Returns at most `max` points, each with the group it was taken for.
 */
export function orderForBalance(points: Point[], max: number): { point: Point; owner: StakeholderGroup }[] {
  const remaining = [...points];
  const out: { point: Point; owner: StakeholderGroup }[] = [];
  const containing = (group: StakeholderGroup) => remaining.find((p) => p.groups.some((g) => g.group === group));
  while (remaining.length > 0 && out.length < max) {
    const groups = INPUT_GROUPS.map((group) => ({ group, best: containing(group) }))
      .filter((g): g is { group: StakeholderGroup; best: Point } => g.best !== undefined)
      .sort((a, b) =>
        b.best.support - a.best.support ||
        a.best.order - b.best.order ||
        // On a shared point, the group that dominates it takes it.
        Number(b.best.groups[0]?.group === b.group) - Number(a.best.groups[0]?.group === a.group) ||
        INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group));
    if (groups.length === 0) break;
    // A group already present in a point of this round waits for the next round.
    const represented = new Set<StakeholderGroup>();
    for (const { group } of groups) {
      if (out.length >= max) break;
      if (represented.has(group)) continue;
      const point = containing(group);
      if (!point) continue;
      remaining.splice(remaining.indexOf(point), 1);
      out.push({ point, owner: group });
      for (const g of point.groups) represented.add(g.group);
    }
  }
  return out;
}
