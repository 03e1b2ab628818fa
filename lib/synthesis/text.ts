// Text handling for the synthesis: the visible text of Markdown (blocks, lists), sentences, terms, acronyms, and
// quotes shortened at clause boundaries. Everything returns verbatim pieces of the visible text, so a quote is always a
// substring of what the contribution's page shows (markdownToText of the same source).
import MarkdownIt from "markdown-it";
import { CLAUSE_STARTERS, STOPWORDS, SUBORDINATORS, stem } from "./lexicon";

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

export interface TextBlock {
  kind: "paragraph" | "item" | "heading";
  text: string;
  /** items of one list share a number; null outside lists */
  list: number | null;
}

/** The visible blocks of a Markdown source with their kind: paragraphs, list items (with their list), headings. Code is left out. */
export function structuredBlocks(source: string): TextBlock[] {
  const tokens = md.parse(source, {});
  const blocks: TextBlock[] = [];
  const lists: number[] = [];
  let listCount = 0;
  let heading = false;
  for (const token of tokens) {
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") lists.push(listCount++);
    else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") lists.pop();
    else if (token.type === "heading_open") heading = true;
    else if (token.type === "heading_close") heading = false;
    else if (token.type === "inline") {
      let text = "";
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") text += child.content;
        else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
        else if (child.type === "image") text += child.content;
      }
      const folded = text.replace(/\s+/g, " ").trim();
      if (!folded) continue;
      const list = lists.at(-1);
      blocks.push({ kind: heading ? "heading" : list !== undefined ? "item" : "paragraph", text: folded, list: list ?? null });
    }
  }
  return blocks;
}

const sentenceSegmenter = new Intl.Segmenter("und", { granularity: "sentence" });
// Abbreviations after which Intl.Segmenter wrongly ends a sentence ("Dr. Smith", "Art. 5").
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Art|Arts|No|Nos|Vol|pp?|para|paras|cf|vs|etc|Inc|Ltd|Co|Corp|Jr|Sr|Mme|Mlle|M|Sec|Ch|Fig|approx|e\.g|i\.e)\.$/;
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

/** Sentences of one block of text, trimmed; Intl.Segmenter follows Unicode rules, so this works beyond English. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

/** Sentences of a block as [start, end) offsets into it, trimmed, with the abbreviation fix-up. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const span = { start: index + lead, end: index + lead + trimmed.length };
    const previous = out.at(-1);
    if (previous && ABBREVIATION.test(text.slice(previous.start, previous.end))) previous.end = span.end;
    else out.push(span);
  }
  return out;
}

/** Words as written (word-like segments only), for counting and acronym detection. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}


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

/** Stemmed content terms of a sentence in its language (function words and numbers left out). */
export function stemmedTerms(sentence: string, language: string): string[] {
  const out: string[] = [];
  for (const word of words(sentence)) {
    const lower = word.toLocaleLowerCase("und").normalize("NFKC");
    if (STOPWORDS.has(lower) || /^\d+$/.test(lower)) continue;
    // "Industry-led", "e-mail": the segmenter keeps hyphenated words apart already; apostrophes fold ("d’Internet").
    const bare = lower.replace(/^[a-zà-ÿ][’']/u, "");
    if (!bare || STOPWORDS.has(bare)) continue;
    out.push(stem(bare, language));
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

/**
 * Acronyms a text defines itself, "Council of Europe (CoE)", "Mutually Agreed Norms for Routing Security (MANRS)":
 * the capitalised words just before the parentheses whose initials spell the acronym's capitals.
 */
export function findDefinitions(text: string): { acronym: string; expansion: string }[] {
  const out: { acronym: string; expansion: string }[] = [];
  const pattern = /\(([\p{L}\p{N}][\p{L}\p{N}&/.-]{1,12})\)/gu;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const acronym = m[1] ?? "";
    if (!findAcronyms(acronym).includes(acronym)) continue;
    const capitals = acronym.replace(/[^\p{Lu}]/gu, "");
    const before = text.slice(Math.max(0, m.index - 160), m.index).trimEnd().split(/\s+/).slice(-12);
    for (let k = 1; k <= before.length; k++) {
      const candidate = before.slice(-k);
      if (!/^\p{Lu}/u.test(candidate[0] ?? "")) continue;
      const initials = candidate.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0)).join("");
      if (initials === capitals) {
        out.push({ acronym, expansion: candidate.join(" ").replace(/[,;:]$/, "") });
        break;
      }
      if (initials.length > capitals.length) break;
    }
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

export interface ShortenedQuote {
  /** verbatim substring of the sentence */
  text: string;
  /** words were left out before it ("[…] " when rendered) */
  cutStart: boolean;
  /** words were left out after it (" […]") */
  cutEnd: boolean;
}

/** Offsets in `text` where a new clause starts: after ";", ":", a dash, or a comma followed by a clause-opening word. */
export function clauseBoundaries(text: string): number[] {
  const out: number[] = [];
  const pattern = /(;|:|\s[–—-]\s|,)\s+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index + m[0].length;
    const next = /^[\p{L}’']+/u.exec(text.slice(at))?.[0]?.toLocaleLowerCase("und") ?? "";
    if (m[1] === "," && !CLAUSE_STARTERS.has(next)) continue;
    out.push(at);
  }
  return out;
}

function wordCount(text: string): number {
  return words(text).length;
}

/**
 * A sentence shortened to about `maxWords` words at clause boundaries only: a leading subordinate clause ("While X,
 * …") is dropped before the main clause that carries the point, then trailing clauses are dropped. A sentence with no
 * usable boundary is kept whole: a long quote is better than one cut mid-clause.
 */
export function shortenAtClause(sentence: string, maxWords = 40, minWords = 6): ShortenedQuote {
  if (wordCount(sentence) <= maxWords) return { text: sentence, cutStart: false, cutEnd: false };
  const bounds = clauseBoundaries(sentence);
  let start = 0;
  const first = /^[\p{L}’']+/u.exec(sentence)?.[0]?.toLocaleLowerCase("und") ?? "";
  if (SUBORDINATORS.has(first)) {
    // The first comma after the subordinate clause opens the main clause.
    const comma = /,\s+/g;
    for (let m = comma.exec(sentence); m; m = comma.exec(sentence)) {
      const at = m.index + m[0].length;
      if (wordCount(sentence.slice(0, m.index)) >= 3 && wordCount(sentence.slice(at)) >= minWords) {
        start = at;
        break;
      }
    }
  }
  let end = sentence.length;
  if (wordCount(sentence.slice(start)) > maxWords) {
    const candidates = bounds.filter((b) => b > start);
    const fitting = candidates.filter((b) => {
      const n = wordCount(sentence.slice(start, b));
      return n >= minWords && n <= maxWords;
    });
    const cut = fitting.at(-1) ?? candidates.find((b) => wordCount(sentence.slice(start, b)) >= minWords);
    if (cut !== undefined) end = cut;
  }
  const text = sentence.slice(start, end).replace(/[\s,;:–—-]+$/u, "");
  return { text, cutStart: start > 0, cutEnd: end < sentence.length };
}
