// Language-neutral text handling for the synthesis: plain text of Markdown, sentences, terms and acronyms.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/**
 * The visible text of a Markdown source, one string per block (paragraph, list item, heading, quote),
 * whitespace folded. Quotes are taken from these blocks, so each quote is a substring of what the
 * contribution page shows (markdownToText of the same source).
 */
export function plainBlocks(source: string): string[] {
  const tokens = md.parse(source, {});
  const blocks: string[] = [];
  for (const token of tokens) {
    if (token.type !== "inline" && token.type !== "code_block" && token.type !== "fence") continue;
    let text = "";
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") text += child.content;
        else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
        else if (child.type === "image") text += child.content;
      }
    } else {
      text = token.content;
    }
    const folded = text.replace(/\s+/g, " ").trim();
    if (folded) blocks.push(folded);
  }
  return blocks;
}

const sentenceSegmenter = new Intl.Segmenter("und", { granularity: "sentence" });
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

/** Sentences of one block of text, trimmed; Intl.Segmenter follows Unicode rules, so this works beyond English. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const trimmed = segment.trim();
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/** Words as written (word-like segments only), for counting and acronym detection. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

// Function words of the languages contributions most often arrive in. A missing language still works:
// inverse document frequency already weighs its frequent words down.
const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those " +
    "we our us you your they their them he she his her i my me not no nor so than too very can could should would will shall may might must " +
    "do does did have has had which who whom whose what when where why how all any both each few more most other some such only own same also " +
    "there here into over under about between through during before after above below up down out off again further then once " +
    "le la les un une des du de d l et ou mais donc or ni car que qui quoi dont où ce cet cette ces il elle ils elles nous vous je tu on " +
    "est sont être été avoir a ont au aux en dans par pour sur avec sans sous entre ne pas plus se sa son ses leur leurs notre nos votre vos " +
    "el los las y o pero del al con por para sin sobre entre es son ser fue su sus lo se que una unos unas este esta estos estas " +
    "في من على إلى عن مع هذا هذه ذلك التي الذي و أو ثم كما أن إن لا ما هو هي هم نحن"
  ).split(" "),
);

/** Normalised terms of a sentence: lower-cased word segments without function words, crude plural folding. */
export function terms(sentence: string): string[] {
  const out: string[] = [];
  for (const word of words(sentence)) {
    let term = word.toLocaleLowerCase("und").normalize("NFKC");
    if (STOPWORDS.has(term) || /^\d+$/.test(term)) continue;
    // Plural folding for the Latin-script languages (access/accesses, network/networks); harmless elsewhere.
    if (term.length > 4 && term.endsWith("s") && !term.endsWith("ss")) term = term.slice(0, -1);
    out.push(term);
  }
  return out;
}

/** FNV-1a 32-bit: a stable hash, so vectors (and therefore the output) never depend on run or platform. */
export function hashTerm(term: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}

/**
 * Acronyms written in a text: words of 2 to 12 letters and digits with at least two capitals that make up at
 * least half of the letters (IGF, ccTLD, IPv6, W3C), and their plurals folded (IXPs -> IXP).
 */
export function findAcronyms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || word.length > 13 || !/^[\p{L}\p{N}]+$/u.test(word)) continue;
    let candidate = word;
    if (/\p{Lu}s$/u.test(candidate) && candidate.length > 2) candidate = candidate.slice(0, -1);
    const letters = candidate.replace(/\p{N}/gu, "");
    const capitals = candidate.replace(/[^\p{Lu}]/gu, "").length;
    if (capitals < 2 || capitals * 2 < letters.length) continue;
    if (!/^[\p{L}]/u.test(candidate) && !/^\p{N}[\p{Lu}]/u.test(candidate)) continue;
    out.push(candidate);
  }
  return out;
}

/** A short quote: the sentence itself when short enough, else its first words (always a verbatim prefix). */
export function shortQuote(sentence: string, maxWords = 40): { text: string; truncated: boolean } {
  const wordCount = words(sentence).length;
  if (wordCount <= maxWords) return { text: sentence, truncated: false };
  let seen = 0;
  for (const s of wordSegmenter.segment(sentence)) {
    if (!s.isWordLike) continue;
    seen++;
    if (seen === maxWords) return { text: sentence.slice(0, s.index + s.segment.length), truncated: true };
  }
  return { text: sentence, truncated: false };
}
