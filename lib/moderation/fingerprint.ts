// Near-duplicate fingerprints for campaign detection: MinHash over the word-bigram set of an input's normalised text,
// with LSH band keys so that one indexed lookup finds the inputs likely to be near-identical (docs/decisions/0027).
// The band keys only find candidates; whether a candidate is near-identical is decided on the texts themselves
// (lib/moderation/detection.ts). Pure: no database, no randomness (the hash family is fixed, so fingerprints stay
// comparable across releases).

/** Hash functions in a signature. */
export const SIGNATURE_SIZE = 63;
/**
 * Signature rows per LSH band: 21 bands of 3. Two inputs become candidates when any band agrees entirely: for word-bigram
 * sets that overlap by half (Jaccard 0.5) that happens with probability 0.94, by 0.6 with 0.99, and for unrelated texts
 * of the same consultation (overlap ~0.02) with probability ~0.0002.
 */
export const BAND_ROWS = 3;
export const BAND_COUNT = SIGNATURE_SIZE / BAND_ROWS;
/** Below this many shingles a text is too short to call near-identical ("I agree", "+1"). */
export const MIN_SHINGLES = 6;

// Scripts written without spaces between words: each character is a token.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The text as a sequence of word tokens: Unicode-normalised (NFKC), case-folded, Markdown and punctuation dropped,
 * digits kept. Two letters that differ only in formatting, case or punctuation give the same tokens.
 */
export function tokensOf(text: string): string[] {
  const folded = text
    .normalize("NFKC")
    .toLocaleLowerCase("und")
    // Links keep their words, not their URLs: a campaign often differs only in a tracking link.
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, " ");
  const tokens: string[] = [];
  for (const word of folded.split(" ")) {
    if (!word) continue;
    if (UNSPACED.test(word)) {
      // Keep runs of spaced-script letters (e.g. Latin inside Chinese text) together, split the rest per character.
      let run = "";
      for (const ch of word) {
        if (UNSPACED.test(ch)) {
          if (run) tokens.push(run);
          run = "";
          tokens.push(ch);
        } else run += ch;
      }
      if (run) tokens.push(run);
    } else tokens.push(word);
  }
  return tokens;
}

/** 32-bit FNV-1a of a string (UTF-16 code units), as an unsigned integer. */
function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A final avalanche (murmur3's fmix32) so that nearby inputs give unrelated outputs. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct word bigrams of the text, hashed (a one-word text gives its one word). */
export function shingleHashes(text: string): Uint32Array {
  const tokens = tokensOf(text);
  const set = new Set<number>();
  if (tokens.length === 1 && tokens[0]) set.add(fnv1a(tokens[0]));
  for (let i = 0; i + 1 < tokens.length; i++) set.add(fnv1a(`${tokens[i]} ${tokens[i + 1]}`));
  return Uint32Array.from(set);
}

// Fixed seeds for the hash family: h_i(x) = mix(x ^ seed_i). Generated once from a constant, never random.
const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x7feb352d)));

/** MinHash signature: for each hash function, the smallest hash over the shingles. Empty for too-short texts. */
export function minHashSignature(shingles: Uint32Array): number[] {
  if (shingles.length < MIN_SHINGLES) return [];
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] ?? 0;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(x ^ (SEEDS[i] ?? 0));
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  // Stored as Postgres int4: shift into the signed range.
  return signature.map((v) => v | 0);
}

/**
 * LSH band keys. Each key hashes one band of the signature together with a scope (consultation and kind), so that a
 * single GIN lookup over every input's keys only ever finds inputs of the same consultation and kind.
 */
export function bandKeys(signature: readonly number[], scope: string): number[] {
  if (signature.length !== SIGNATURE_SIZE) return [];
  const keys: number[] = [];
  for (let b = 0; b < BAND_COUNT; b++) {
    const rows = signature.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS).join(",");
    keys.push(mix(fnv1a(`${scope}|${b}|${rows}`)) | 0);
  }
  return keys;
}

/** The estimated Jaccard similarity of two texts' shingle sets: the share of signature positions that agree. */
export function estimatedSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== SIGNATURE_SIZE || b.length !== SIGNATURE_SIZE) return 0;
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

export interface Fingerprint {
  signature: number[];
  bands: number[];
}

/** Signature and band keys of a text in its scope; both empty when the text is too short to compare. */
export function fingerprintOf(text: string, scope: string): Fingerprint {
  const signature = minHashSignature(shingleHashes(text));
  return { signature, bands: bandKeys(signature, scope) };
}

/**
 * The chance that two inputs of Jaccard similarity `j` share at least one band (become candidates): what the
 * policy form tells the secretariat about low thresholds.
 */
export function candidateProbability(j: number): number {
  return 1 - (1 - j ** BAND_ROWS) ** BAND_COUNT;
}
