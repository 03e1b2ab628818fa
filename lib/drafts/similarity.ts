// Text similarity for matching a draft's paragraphs across versions (see docs/decisions/0006).
// Pure and deterministic: the same two texts always give the same score.

/** Lower-cased words without Markdown punctuation, so "**access**" and "access" compare equal. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, "]") // drop link targets: a changed URL is not a changed paragraph
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function countMap(items: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/** Weights per word and per trigram; a missing entry weighs 1. */
export interface Weights {
  words: Map<string, number>;
  trigrams: Map<string, number>;
}

/** Weighted Sørensen–Dice coefficient on multisets: 2·Σ min(a,b)·w / (Σ a·w + Σ b·w), in [0, 1]. */
function dice(a: Map<string, number>, b: Map<string, number>, weight: Map<string, number> | undefined): number {
  const w = (key: string) => weight?.get(key) ?? 1;
  let total = 0;
  for (const [key, count] of a) total += count * w(key);
  for (const [key, count] of b) total += count * w(key);
  if (total === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [key, count] of small) shared += Math.min(count, large.get(key) ?? 0) * w(key);
  return (2 * shared) / total;
}

export interface TextProfile {
  normalised: string;
  words: Map<string, number>;
  trigrams: Map<string, number>;
}

/** Precomputes what `similarity` needs, so an n×m comparison does not re-tokenise each text m times. */
export function profileOf(text: string): TextProfile {
  const normalised = normaliseForMatch(text);
  const words = normalised ? normalised.split(" ") : [];
  const padded = ` ${normalised} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return { normalised, words: countMap(words), trigrams: countMap(grams) };
}

/**
 * Inverse document frequency over the paragraphs of both versions: log(1 + N / df).
 * Words every paragraph uses ("the", "session" in a programme of sessions, "de", "في") weigh
 * little, whatever the language, so two paragraphs are alike when they share what is specific to them.
 */
export function documentWeights(profiles: TextProfile[]): Weights {
  const n = profiles.length;
  const df = (pick: (p: TextProfile) => Map<string, number>) => {
    const counts = new Map<string, number>();
    for (const p of profiles) for (const key of pick(p).keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
    return new Map([...counts].map(([key, d]) => [key, Math.log(1 + n / d)]));
  };
  return { words: df((p) => p.words), trigrams: df((p) => p.trigrams) };
}

/**
 * How alike two paragraphs are, in [0, 1]: the mean of the (IDF-weighted) Dice coefficient over
 * words (a reworded sentence counts) and over character trigrams (inflections and typo fixes
 * barely count). Word Dice alone over-punishes "access" -> "accessibility"; trigrams alone
 * over-reward unrelated sentences that share common fragments. Together, weighted by the document,
 * they separate "edited" from "another paragraph with the same opening words"
 * (tests/unit/drafts-matching.test.ts).
 */
export function similarity(a: TextProfile, b: TextProfile, weights?: Weights): number {
  if (a.normalised === b.normalised) return 1;
  return (dice(a.words, b.words, weights?.words) + dice(a.trigrams, b.trigrams, weights?.trigrams)) / 2;
}
