// Renders the synthesis model to Markdown: numbered paragraphs, lettered sections with their further points, two annexes.
import type { SynthesisModel, SynthesisPointModel, SynthesisQuote } from "./model";
import { contributionPath } from "./paths";
import { paperPhrases, type PaperPhrases } from "./phrases";
import { languageDiffers, pointText } from "./build";
import { annexBreaks, modelAnnexRows, writeChunks, writeWhole, type AnnexRow, type AnnexSource, type AnnexWriter } from "./annex";

export interface RenderOptions {
  /** origin put before site paths in links, e.g. https://agora.example ("" keeps them relative) */
  baseUrl: string;
}

/** The headings every format shares, so their tables of contents agree. */
export function outline(model: SynthesisModel): { id: string; title: string }[] {
  const t = paperPhrases(model.language).t;
  return [
    { id: "introduction", title: t("headings.introduction") },
    ...model.themes.map((s) => ({ id: `section-${s.letter.toLowerCase()}`, title: `${s.letter}. ${s.title}` })),
    ...(model.comments ? [{ id: `section-${model.comments.letter.toLowerCase()}`, title: `${model.comments.letter}. ${model.comments.title}` }] : []),
    { id: "annex-i", title: t("headings.annexI") },
    { id: "annex-ii", title: t("headings.annexII") },
  ];
}

/** The date line: the period in which the inputs were received. */
export function subtitle(model: SynthesisModel): string {
  const p = paperPhrases(model.language);
  if (!model.period) return p.t("dateLine", { title: model.consultation.title, period: "none", from: "", to: "" });
  const from = p.date(model.period.from);
  const to = p.date(model.period.to);
  return p.t("dateLine", { title: model.consultation.title, period: from === to ? "same" : "range", from, to });
}

/**
 * A point paragraph in three pieces, so each format can mark up the quote (its language, its list): the words before
 * the quote, the quote, the words after. An edited paragraph is the secretariat's text alone.
 */
export function paragraphPieces(phrases: PaperPhrases, point: SynthesisPointModel): { before: string; quote: SynthesisQuote | null; after: string } {
  if (point.edited) return { before: point.text, quote: null, after: "" };
  const SENTINEL = "\u0000QUOTE\u0000";
  const text = pointText({ ...phrases, t: (key, values) => (key === "quoteOpen" || key === "quoteClose" || key === "elision" || key === "inLanguage" ? "" : phrases.t(key, values)) }, { ...point, quote: { ...point.quote, parts: [SENTINEL], items: [], cutStart: false, cutEnd: false, language: phrases.locale } });
  const [before = "", after = ""] = text.split(SENTINEL);
  return { before, quote: point.quote, after };
}

/** The quote's words with its marks and elisions (no list: formats lay the list out themselves). */
export function quoteLead(phrases: PaperPhrases, quote: SynthesisQuote): string {
  const elision = phrases.t("elision");
  return `${quote.cutStart ? `${elision} ` : ""}${quote.parts.join(" ")}${quote.cutEnd && quote.items.length === 0 ? ` ${elision}` : ""}`;
}

export function languageNote(phrases: PaperPhrases, quote: SynthesisQuote): string {
  return languageDiffers(phrases.locale, quote.language) ? ` ${phrases.t("inLanguage", { language: phrases.languageName(quote.language) })}` : "";
}

export function annexParagraphs(phrases: PaperPhrases, s: { paragraphs: string[]; setAside: string | null }): string {
  if (s.paragraphs.length === 0 && s.setAside !== null) return phrases.t("setAsideEntry", { reason: s.setAside });
  return phrases.t("paragraphsCiting", { count: s.paragraphs.length, list: phrases.list(s.paragraphs) });
}

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|~#])/g, "\\$1");
}

function table(header: string[], rows: (string | number)[][], locale: string): string {
  return [
    `| ${header.map(escapeMd).join(" | ")} |`,
    `| ${header.map((_, i) => (typeof rows[0]?.[i] === "number" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === "number" ? c.toLocaleString(locale) : escapeMd(c))).join(" | ")} |`),
  ].join("\n");
}

function pointMarkdown(phrases: PaperPhrases, point: SynthesisPointModel, marker: string): string {
  const indent = " ".repeat(marker.length + 1);
  const { before, quote, after } = paragraphPieces(phrases, point);
  if (!quote) return `${marker} ${escapeMd(before)}`;
  const open = phrases.t("quoteOpen");
  const close = phrases.t("quoteClose");
  const lead = `${marker} ${escapeMd(before)}${open}${escapeMd(quoteLead(phrases, quote))}`;
  if (quote.items.length === 0) return `${lead}${close}${escapeMd(languageNote(phrases, quote))}${escapeMd(after)}`;
  const items = quote.items.map((item, i) => `${indent}- ${escapeMd(item)}${i === quote.items.length - 1 ? `${quote.cutEnd ? ` ${phrases.t("elision")}` : ""}${close}${escapeMd(languageNote(phrases, quote))}${escapeMd(after)}` : ""}`);
  return [lead, ...items].join("\n");
}

/** The paper's text before Annex I's entries (ending with its heading), and after them (Annex II). */
function markdownParts(model: SynthesisModel): { head: string; tail: string } {
  const phrases = paperPhrases(model.language);
  const { t } = phrases;
  const out: string[] = [];
  const para = (n: number, text: string) => out.push(`${n}. ${escapeMd(text)}`);
  out.push(`# ${escapeMd(model.title)}`, `*${escapeMd(subtitle(model))}*`);
  out.push(`## ${escapeMd(t("headings.contents"))}`, outline(model).map((h) => `- ${escapeMd(h.title)}`).join("\n"));

  out.push(`## ${escapeMd(t("headings.introduction"))}`);
  for (const p of model.intro) para(p.number, p.text);
  if (model.byGroup.length) out.push(table([t("tables.group"), t("tables.submissions"), t("tables.contributors")], model.byGroup.map((g) => [g.label, g.submissions, g.contributors]), phrases.locale));
  if (model.byRegion.length) out.push(table([t("tables.region"), t("tables.submissions"), t("tables.contributors")], model.byRegion.map((r) => [r.label, r.submissions, r.contributors]), phrases.locale));

  for (const section of model.themes) {
    out.push(`## ${section.letter}. ${escapeMd(section.title)}`);
    if (section.paragraphs.length === 0 && section.further.length === 0) out.push(`*${escapeMd(t("noParagraphs"))}*`);
    for (const p of section.paragraphs) out.push(pointMarkdown(phrases, p, `${p.number ?? ""}.`));
    if (section.further.length > 0) {
      out.push(`### ${escapeMd(t("headings.furtherPoints"))}`);
      out.push(section.further.map((p) => pointMarkdown(phrases, p, "-")).join("\n"));
    }
  }

  if (model.comments) {
    out.push(`## ${model.comments.letter}. ${escapeMd(model.comments.title)}`);
    para(model.comments.intro.number, model.comments.intro.text);
    for (const p of model.comments.paragraphs) para(p.number, p.text);
  }

  out.push(`## ${escapeMd(t("headings.annexI"))}`);
  const tail = [`## ${escapeMd(t("headings.annexII"))}`];
  if (model.annexII.terms.length === 0) tail.push(`*${escapeMd(t("noTerms"))}*`);
  else tail.push(table([t("tables.acronym"), t("tables.expansion")], model.annexII.terms.map((x) => [x.acronym, x.expansion]), phrases.locale));
  return { head: out.join("\n\n"), tail: `\n\n${tail.join("\n\n")}\n` };
}

/** Annex I's entries as Markdown, row by row: a heading per group, a name line per contributor, a line per entry. */
function markdownAnnex(model: SynthesisModel, options: RenderOptions): AnnexWriter {
  const phrases = paperPhrases(model.language);
  let previous: AnnexRow | null = null;
  return {
    row(row) {
      const breaks = annexBreaks(previous, row);
      previous = row;
      const entry = `\n  - [${escapeMd(row.title)}](${options.baseUrl}${contributionPath(model.consultation.slug, row.reference)}) (${escapeMd(row.reference)}): ${escapeMd(annexParagraphs(phrases, row))}`;
      if (breaks.group) return `\n\n### ${escapeMd(row.label)}\n\n- **${escapeMd(row.name)}**${entry}`;
      if (breaks.contributor) return `\n- **${escapeMd(row.name)}**${entry}`;
      return entry;
    },
    end: () => (previous === null ? `\n\n*${escapeMd(phrases.t("noContributions"))}*` : ""),
  };
}

export function renderMarkdown(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): string {
  const { head, tail } = markdownParts(model);
  return writeWhole(head, markdownAnnex(model, options), modelAnnexRows(model), tail);
}

/** The Markdown of a model whose Annex I is read in pages (the live draft's download): the same bytes as renderMarkdown. */
export function markdownChunks(model: SynthesisModel, options: RenderOptions, annex: AnnexSource): AsyncGenerator<string> {
  const { head, tail } = markdownParts(model);
  return writeChunks(head, markdownAnnex(model, options), annex, tail);
}
