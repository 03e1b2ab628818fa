// From one input's text to the statements it makes, and from a statement to the quote that represents it.
//
// A statement is what the grouping works on: consecutive sentences of one input that make one point. A sentence
// that leans on the one before it ("This could be done…", "However, such funds…") stays with it; a lead-in that
// ends with a colon keeps the list that follows; a sentence that repeats the terms of the previous one in the same
// paragraph stays with it too. Courtesy sentences (thanks, greetings) make no statement.
import { isCourtesy, leansOnPrevious } from "./lexicon";
import { sentenceSpans, shortenAtClause, stemmedTerms, structuredBlocks } from "./text";

export interface StatementSentence {
  text: string;
  /** index of its block in the input */
  block: number;
  /** offsets in that block's visible text */
  start: number;
  end: number;
  /** it opens with a pronoun or connective that refers to the sentence before */
  leans: boolean;
  /** stemmed content terms, for similarity */
  terms: string[];
}

export interface Statement {
  /** position in the input (0, 1, ...) */
  index: number;
  sentences: StatementSentence[];
  /** list items that follow a lead-in ending with a colon (verbatim, in order) */
  items: string[];
  language: string;
}

export interface Quote {
  /** verbatim pieces of the input's visible text, in order; consecutive sentences of one paragraph are one piece */
  parts: string[];
  /** the list a colon lead-in introduces, item by item, verbatim */
  items: string[];
  /** words left out before the first part or after the last one (rendered "[…]") */
  cutStart: boolean;
  cutEnd: boolean;
  language: string;
  /** it still opens with a word that refers to something not quoted (the input itself starts that way) */
  unresolved: boolean;
}

export interface StatementOptions {
  /** share of shared terms (Jaccard) from which the next sentence of a paragraph stays with the previous one */
  joinSimilarity: number;
  /** sentences with fewer content terms make no statement of their own ("Yes.", "See above.") */
  minTerms: number;
}

export const DEFAULT_STATEMENT_OPTIONS: StatementOptions = { joinSimilarity: 0.34, minTerms: 2 };

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** The statements an input makes, in order. */
export function statementsOf(markdown: string, language: string, options: StatementOptions = DEFAULT_STATEMENT_OPTIONS): Statement[] {
  const blocks = structuredBlocks(markdown);
  const out: Statement[] = [];
  let current: Statement | null = null;
  /** the list whose items belong to the current statement (its last sentence ended with a colon) */
  let leadInList: number | null = null;
  const close = () => {
    if (current && current.sentences.some((s) => s.terms.length >= options.minTerms)) out.push({ ...current, index: out.length });
    current = null;
    leadInList = null;
  };

  blocks.forEach((block, blockIndex) => {
    if (block.kind === "heading") {
      close();
      return;
    }
    if (block.kind === "item" && current && leadInList !== null && block.list === leadInList) {
      current.items.push(block.text);
      return;
    }
    if (leadInList !== null) close();
    for (const span of sentenceSpans(block.text)) {
      const text = block.text.slice(span.start, span.end);
      if (isCourtesy(text)) continue;
      const sentence: StatementSentence = { text, block: blockIndex, ...span, leans: leansOnPrevious(text, language), terms: stemmedTerms(text, language) };
      const open: Statement | null = current;
      const last = open?.sentences.at(-1);
      const together = open && last && (sentence.leans || (last.block === blockIndex && block.kind !== "item" && jaccard(last.terms, sentence.terms) >= options.joinSimilarity));
      if (open && together) open.sentences.push(sentence);
      else {
        close();
        current = { index: 0, sentences: [sentence], items: [], language };
      }
    }
    const next = blocks[blockIndex + 1];
    const tail = current?.sentences.at(-1);
    if (current && tail && tail.block === blockIndex && /:\s*$/.test(tail.text) && next?.kind === "item" && next.list !== null) leadInList = next.list;
    else if (block.kind === "item") close();
  });
  close();
  return out;
}

/** All the text of a statement, for its vector. */
export function statementText(statement: Statement): string {
  return [...statement.sentences.map((s) => s.text), ...statement.items].join(" ");
}

export function statementTerms(statement: Statement): string[] {
  return [...statement.sentences.flatMap((s) => s.terms), ...statement.items.flatMap((i) => stemmedTerms(i, statement.language))];
}

/** Consecutive sentences of one block as one verbatim piece (blocks are whitespace-folded: one space between them). */
function partsOf(sentences: StatementSentence[]): string[] {
  const parts: string[] = [];
  let block = -1;
  for (const s of sentences) {
    if (s.block === block && parts.length > 0) parts[parts.length - 1] += ` ${s.text}`;
    else parts.push(s.text);
    block = s.block;
  }
  return parts;
}

/**
 * The quote for a statement: its sentence that scores best (most central to the point), with the sentences it leans
 * on, and the list its lead-in introduces. A single long sentence is shortened at a clause boundary.
 */
export function quoteOf(statement: Statement, score: (sentence: StatementSentence) => number, maxWords = 40): Quote {
  const { sentences } = statement;
  const lastIndex = sentences.length - 1;
  let best = 0;
  let bestScore = -Infinity;
  sentences.forEach((s, i) => {
    // A lead-in is only quotable with its list: without one it promises what it does not give.
    const dangling = /:\s*$/.test(s.text) && (i < lastIndex || statement.items.length === 0);
    let f = i;
    while (f > 0 && sentences[f]?.leans) f--;
    const unresolved = sentences[f]?.leans === true;
    const value = (dangling ? -1 : 0) + (unresolved ? -1 : 0) + score(s);
    if (value > bestScore) {
      best = i;
      bestScore = value;
    }
  });
  let from = best;
  while (from > 0 && sentences[from]?.leans) from--;
  const chain = sentences.slice(from, best + 1);
  const items = best === lastIndex ? statement.items : [];
  const only = chain[0];
  if (chain.length === 1 && items.length === 0 && only) {
    const short = shortenAtClause(only.text, maxWords);
    return { parts: [short.text], items: [], cutStart: short.cutStart, cutEnd: short.cutEnd, language: statement.language, unresolved: only.leans && !short.cutStart };
  }
  return { parts: partsOf(chain), items, cutStart: false, cutEnd: false, language: statement.language, unresolved: chain[0]?.leans === true };
}

/** The words of a quote as one line (parts joined, list items after the lead-in), for checks and plain renderings. */
export function quoteLine(quote: Quote): string {
  return [quote.parts.join(" "), ...quote.items].join(" ");
}
