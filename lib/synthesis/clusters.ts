// Grouping statements into points, precision first: two statements share a point only when they say the same thing.
//
// Statements are TF-IDF vectors of stemmed terms and of pairs of adjacent terms (a shared phrase weighs more than two
// shared words), hashed into a fixed number of buckets. Statements arrive as a stream and join the point whose
// centroid is most similar, if similar enough, with the same polarity (a statement that negates does not join one
// that asserts) and at least two shared terms; otherwise they open a new point. A last step merges points whose
// centroids are very close. Nothing is dropped: every statement belongs to exactly one point, reported to `onMember`
// as it is placed, so the members themselves need not stay in memory. Deterministic for a given input order.
import { baseLanguage, NEGATIONS } from "./lexicon";
import { hashTerm, words } from "./text";
import type { Quote, Statement, StatementSentence } from "./statements";
import { quoteOf, statementTerms } from "./statements";

export const BUCKETS = 1 << 18;

export interface ClusterOptions {
  /** cosine similarity to a point's centroid from which a statement joins it */
  threshold: number;
  /**
   * cosine similarity two statements in different languages need to count as close (they meet only on the words the
   * lexicon gives an English equivalent, so a few shared domain words must not make a point of their own)
   */
  crossLanguageThreshold: number;
  /** cosine similarity between two points' centroids from which they are merged at the end */
  mergeThreshold: number;
  /** weight of a pair of adjacent terms relative to a single term */
  bigramWeight: number;
  /** strongest centroid terms kept */
  centroidTerms: number;
  /** candidate quotes kept per point (the most central ones) */
  candidates: number;
  /** points scored per statement at most (those sharing its rarest terms first) */
  maxCompared: number;
  /** words from which a quote is shortened at a clause boundary */
  maxQuoteWords: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.25,
  crossLanguageThreshold: 0.45,
  mergeThreshold: 0.45,
  bigramWeight: 0.7,
  centroidTerms: 80,
  candidates: 8,
  maxCompared: 400,
  maxQuoteWords: 40,
};

type Vector = Map<number, number>;

/** The weighted features of a statement: its terms and its pairs of adjacent terms (within a sentence). */
function features(statement: Statement): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, w: number) => out.set(key, (out.get(key) ?? 0) + w);
  const sentences = [...statement.sentences.map((s) => s.terms), ...(statement.items.length ? [statementTerms({ ...statement, sentences: [] })] : [])];
  for (const terms of sentences) {
    terms.forEach((t, i) => {
      add(`w:${t}`, 1);
      const next = terms[i + 1];
      if (next) add(`b:${t} ${next}`, 1);
    });
  }
  return out;
}

/** Statement frequencies per feature bucket: the first pass over the inputs. */
export class DocumentFrequency {
  readonly counts = new Uint32Array(BUCKETS);
  statements = 0;

  add(statement: Statement): void {
    const seen = new Set<number>();
    for (const key of features(statement).keys()) seen.add(hashTerm(key, BUCKETS));
    if (seen.size === 0) return;
    this.statements++;
    for (const bucket of seen) this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
  }

  idf(bucket: number): number {
    return Math.log((this.statements + 1) / ((this.counts[bucket] ?? 0) + 1)) + 1;
  }
}

export function vectorOf(statement: Statement, df: DocumentFrequency, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): { vector: Vector; terms: Set<number> } {
  const vector: Vector = new Map();
  const terms = new Set<number>();
  let norm = 0;
  for (const [key, count] of features(statement)) {
    const bucket = hashTerm(key, BUCKETS);
    const weight = (1 + Math.log(count)) * df.idf(bucket) * (key.startsWith("b:") ? options.bigramWeight : 1);
    vector.set(bucket, (vector.get(bucket) ?? 0) + weight);
    if (key.startsWith("w:")) terms.add(bucket);
  }
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [b, w] of vector) vector.set(b, w / norm);
  return { vector, terms };
}

export function cosine(a: Vector, b: Vector): number {
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

/** Whether a statement negates (not, no, never, rather than, ne … pas …). */
export function isNegated(statement: Statement): boolean {
  // "not only", "no longer", "non-governmental", "not least" do not negate what is said.
  const text = statement.sentences.map((s) => s.text).join(" ").replace(/\b(not only|not just|not least|no longer|non-\p{L}+|ne … pas seulement|non seulement|no solo)\b/giu, " ");
  for (const w of words(text)) if (NEGATIONS.has(w.toLocaleLowerCase("und"))) return true;
  return /n['’]t\b/i.test(text);
}

/** What a point needs to know about the input a statement comes from. */
export interface MemberInput {
  /** the input (a submission id, a comment id…) */
  inputId: string;
  /** theme keys the input was filed under ([] for general comments) */
  themes: string[];
}

interface Candidate {
  statement: Statement;
  vector: Vector;
  inputId: string;
  unit: string;
  order: number;
}

export class Cluster {
  readonly centroid: Vector = new Map();
  sumSquares = 0;
  /** statements placed (not contributors: those are counted from the members) */
  size = 0;
  negated = 0;
  readonly themeVotes = new Map<string, number>();
  readonly candidates: Candidate[] = [];
  mergedInto: Cluster | null = null;
  constructor(readonly id: number) {}

  root(): Cluster {
    let c = this.mergedInto;
    if (!c) return this;
    while (c.mergedInto) c = c.mergedInto;
    return c;
  }
}

export interface ClusterQuote {
  quote: Quote;
  inputId: string;
  /** the statement behind the quote, whole (every sentence, verbatim) */
  statement: Statement;
}

export interface FoundPoint {
  id: number;
  /** statements placed in the point, including merged points */
  size: number;
  /** theme key with the most votes; "" for general comments */
  theme: string;
  /** the most central quote, then supporting quotes from other inputs, most central first */
  quotes: ClusterQuote[];
  /** ids of the points merged into this one at the end */
  merged: number[];
}

/** Groups statements into points (second pass, after DocumentFrequency has seen every statement). */
export class PointClusterer {
  private readonly clusters: Cluster[] = [];
  /** term bucket -> clusters whose centroid holds it */
  private readonly postings = new Map<number, Set<Cluster>>();
  private order = 0;

  constructor(private readonly df: DocumentFrequency, private readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS) {}

  /** Places a statement; returns the id of its point. */
  add(statement: Statement, input: MemberInput & { unit: string }): number {
    const { vector, terms } = vectorOf(statement, this.df, this.options);
    const negated = isNegated(statement);
    const order = this.order++;
    let best: Cluster | undefined;
    let bestScore = -1;
    for (const [cluster, score] of this.score(vector)) {
      if (score < this.options.threshold) continue;
      // Polarity: a point keeps the polarity of most of its statements.
      if (negated !== cluster.negated * 2 > cluster.size) continue;
      if (sharedTerms(terms, cluster.centroid) < 2) continue;
      // Close to the point as a whole and to one of its central statements: a point cannot drift, through a long
      // statement that shares a little with everything, into one it does not make.
      if (!cluster.candidates.some((c) => this.close(statement, vector, c))) continue;
      if (score > bestScore || (score === bestScore && best && cluster.id < best.id)) {
        best = cluster;
        bestScore = score;
      }
    }
    const cluster = best ?? this.open();
    this.join(cluster, statement, vector, negated, input, order);
    return cluster.id;
  }

  /** Whether a statement is close to a candidate (central member) of a point: more so across languages. */
  private close(statement: Statement, vector: Vector, candidate: Candidate): boolean {
    const threshold = baseLanguage(statement.language) === baseLanguage(candidate.statement.language) ? this.options.threshold : this.options.crossLanguageThreshold;
    return cosine(vector, candidate.vector) >= threshold;
  }

  private score(vector: Vector): Map<Cluster, number> {
    const dots = new Map<Cluster, number>();
    // Rarest terms first, so the points that share what is specific to the statement are always scored.
    const buckets = [...vector.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [bucket, weight] of buckets) {
      for (const cluster of this.postings.get(bucket) ?? []) {
        if (!dots.has(cluster) && dots.size >= this.options.maxCompared) continue;
        dots.set(cluster, (dots.get(cluster) ?? 0) + weight * (cluster.centroid.get(bucket) ?? 0));
      }
    }
    const out = new Map<Cluster, number>();
    for (const [cluster, dot] of dots) out.set(cluster, cluster.sumSquares > 0 ? dot / Math.sqrt(cluster.sumSquares) : 0);
    return out;
  }

  private open(): Cluster {
    const cluster = new Cluster(this.clusters.length);
    this.clusters.push(cluster);
    return cluster;
  }

  private addToCentroid(cluster: Cluster, vector: Vector, factor = 1): void {
    for (const [bucket, weight] of vector) {
      const before = cluster.centroid.get(bucket) ?? 0;
      const after = before + weight * factor;
      cluster.centroid.set(bucket, after);
      cluster.sumSquares += after * after - before * before;
      if (before === 0) {
        let set = this.postings.get(bucket);
        if (!set) this.postings.set(bucket, (set = new Set()));
        set.add(cluster);
      }
    }
    if (cluster.centroid.size > this.options.centroidTerms * 2) this.prune(cluster);
  }

  private join(cluster: Cluster, statement: Statement, vector: Vector, negated: boolean, input: MemberInput & { unit: string }, order: number): void {
    this.addToCentroid(cluster, vector);
    cluster.size++;
    if (negated) cluster.negated++;
    const themes = input.themes.length ? input.themes : [""];
    for (const t of themes) cluster.themeVotes.set(t, (cluster.themeVotes.get(t) ?? 0) + 1 / themes.length);
    const candidate: Candidate = { statement, vector, inputId: input.inputId, unit: input.unit, order };
    if (cluster.candidates.length < this.options.candidates) cluster.candidates.push(candidate);
    else {
      // Keep the most central candidates: replace the one furthest from the centroid if the newcomer is closer.
      let worst = 0;
      let worstScore = Infinity;
      cluster.candidates.forEach((c, i) => {
        const s = cosine(c.vector, cluster.centroid);
        if (s < worstScore) {
          worst = i;
          worstScore = s;
        }
      });
      if (cosine(vector, cluster.centroid) > worstScore) cluster.candidates[worst] = candidate;
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

  /** Merges points whose centroids are very close (same polarity), then describes every point. */
  finish(themeOrder: string[] = []): FoundPoint[] {
    for (const cluster of this.clusters) {
      if (cluster.mergedInto) continue;
      for (const [other, score] of this.score(cluster.centroid)) {
        if (other === cluster || other.mergedInto || other.id < cluster.id) continue;
        if (score < this.options.mergeThreshold) continue;
        if (cluster.negated * 2 > cluster.size !== other.negated * 2 > other.size) continue;
        // As when joining: some central statement of one must be close to one of the other.
        if (!cluster.candidates.some((a) => other.candidates.some((b) => this.close(a.statement, a.vector, b)))) continue;
        this.absorb(cluster, other);
      }
    }
    const merged = new Map<number, number[]>();
    for (const c of this.clusters) if (c.mergedInto) merged.set(c.root().id, [...(merged.get(c.root().id) ?? []), c.id]);
    return this.clusters.filter((c) => !c.mergedInto).map((c) => this.describe(c, merged.get(c.id) ?? [], themeOrder));
  }

  private absorb(into: Cluster, other: Cluster): void {
    other.mergedInto = into;
    for (const bucket of other.centroid.keys()) this.postings.get(bucket)?.delete(other);
    const norm = Math.sqrt(other.sumSquares) || 1;
    const scaled: Vector = new Map([...other.centroid].map(([b, w]) => [b, (w / norm) * other.size]));
    this.addToCentroid(into, scaled, 1);
    into.size += other.size;
    into.negated += other.negated;
    for (const [t, v] of other.themeVotes) into.themeVotes.set(t, (into.themeVotes.get(t) ?? 0) + v);
    into.candidates.push(...other.candidates);
    into.candidates.sort((a, b) => cosine(b.vector, into.centroid) - cosine(a.vector, into.centroid) || a.order - b.order);
    into.candidates.length = Math.min(into.candidates.length, this.options.candidates);
  }

  private describe(cluster: Cluster, merged: number[], themeOrder: string[]): FoundPoint {
    const scoreSentence = (s: StatementSentence) => {
      const v = vectorOf({ index: 0, sentences: [s], items: [], language: "und" }, this.df, this.options).vector;
      return cosine(v, cluster.centroid);
    };
    const ranked = cluster.candidates
      .map((c) => ({ c, score: cosine(c.vector, cluster.centroid), quote: quoteOf(c.statement, scoreSentence, this.options.maxQuoteWords) }))
      // Most central first; a quote that needs no "[…]" and has its context reads better when nearly as central.
      .sort((a, b) => adjusted(b) - adjusted(a) || a.c.order - b.c.order);
    const quotes: ClusterQuote[] = [];
    const units = new Set<string>();
    for (const r of ranked) {
      if (units.has(r.c.unit)) continue;
      units.add(r.c.unit);
      quotes.push({ quote: r.quote, inputId: r.c.inputId, statement: r.c.statement });
    }
    let theme = "";
    let votes = -1;
    // Ties go to the theme that comes first in the consultation; general comments ("") only when no theme wins.
    const rank = (t: string) => (t === "" ? Number.MAX_SAFE_INTEGER : themeOrder.indexOf(t) === -1 ? Number.MAX_SAFE_INTEGER - 1 : themeOrder.indexOf(t));
    for (const [t, v] of [...cluster.themeVotes.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (v > votes + 1e-9) {
        theme = t;
        votes = v;
      }
    }
    return { id: cluster.id, size: cluster.size, theme, quotes, merged };
  }
}

function adjusted(r: { score: number; quote: Quote }): number {
  return r.score - (r.quote.unresolved ? 1 : 0) - (r.quote.cutStart || r.quote.cutEnd ? 0.05 : 0);
}

function sharedTerms(terms: Set<number>, centroid: Vector): number {
  let n = 0;
  for (const t of terms) if (centroid.has(t)) n++;
  return n;
}

const PROFILE_BUCKETS = 1 << 16;

/**
 * What each theme's inputs talk about (term frequencies of their statements, an input filed under k themes counting
 * 1/k for each; "" for general comments), so that a statement of an input filed under several themes goes to the one
 * it is about, and a remark on the meeting itself in a themed input goes to general comments.
 */
export class ThemeProfiles {
  private readonly profiles = new Map<string, { counts: Float32Array; total: number }>();

  constructor(private readonly df: DocumentFrequency) {}

  add(statement: Statement, themes: string[]): void {
    const keys = themes.length ? themes : [""];
    for (const key of keys) {
      let profile = this.profiles.get(key);
      if (!profile) this.profiles.set(key, (profile = { counts: new Float32Array(PROFILE_BUCKETS), total: 0 }));
      for (const term of statementTerms(statement)) {
        const b = hashTerm(`w:${term}`, PROFILE_BUCKETS);
        profile.counts[b] = (profile.counts[b] ?? 0) + 1 / keys.length;
        profile.total += 1 / keys.length;
      }
    }
  }

  /**
   * For inputs filed under no theme (what a speaker said): the theme whose written contributions the statement is
   * closest to, or general comments when it shares nothing with any of them.
   */
  matching(statement: Statement, themes: string[]): string {
    const terms = [...new Set(statementTerms(statement))];
    let best = "";
    let bestScore = 0;
    for (const key of ["", ...themes]) {
      const profile = this.profiles.get(key);
      if (!profile || profile.total === 0) continue;
      let s = 0;
      for (const term of terms) s += this.df.idf(hashTerm(`w:${term}`, BUCKETS)) * Math.log1p(profile.counts[hashTerm(`w:${term}`, PROFILE_BUCKETS)] ?? 0);
      if (s > bestScore) {
        best = key;
        bestScore = s;
      }
    }
    return best;
  }

  /** The theme (of `themes`, or general comments) the statement fits best; ties go to the first of `themes`. */
  best(statement: Statement, themes: string[]): string {
    if (themes.length === 0) return "";
    const terms = [...new Set(statementTerms(statement))];
    const score = (key: string) => {
      const profile = this.profiles.get(key);
      if (!profile || profile.total === 0) return 0;
      let s = 0;
      // Counts, not shares: an input filed under a large theme and a small one is more likely about the large one.
      for (const term of terms) s += this.df.idf(hashTerm(`w:${term}`, BUCKETS)) * Math.log1p(profile.counts[hashTerm(`w:${term}`, PROFILE_BUCKETS)] ?? 0);
      return s;
    };
    let best = themes[0] ?? "";
    let bestScore = score(best);
    for (const key of [...themes.slice(1), ""]) {
      const s = score(key);
      // General comments must win clearly: a themed input is about its themes unless a remark plainly is not.
      if (key === "" ? s > bestScore * 2 && s > 0 : s > bestScore) {
        best = key;
        bestScore = s;
      }
    }
    return best;
  }
}
