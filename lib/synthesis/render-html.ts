// Renders the synthesis model to a standalone, printable HTML document (no scripts, styles inline, text escaped).
// Quotes are <q> elements in their own language (lang), so readers and screen readers pronounce them right.
import type { SynthesisModel, SynthesisPointModel } from "./model";
import { contributionPath } from "./paths";
import { directionOf, isLocale } from "../i18n/config";
import { paperPhrases, type PaperPhrases } from "./phrases";
import { annexBreaks, modelAnnexRows, writeChunks, writeWhole, type AnnexRow, type AnnexSource, type AnnexWriter } from "./annex";
import { annexParagraphs, languageNote, outline, paragraphPieces, quoteLead, subtitle, type RenderOptions } from "./render-markdown";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
body{font-family:Georgia,"Times New Roman",serif;line-height:1.5;color:#1c1917;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem}h2{font-size:1.35rem;margin-top:2rem;break-after:avoid}h3{font-size:1.1rem;break-after:avoid}
p.numbered{display:flex;gap:.75rem}p.numbered .n{min-width:2.5rem;font-weight:bold}q{quotes:none}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #a8a29e;padding:.25rem .6rem;text-align:start}td.num{text-align:end}
a{color:#1e3a8a}nav ol{padding-inline-start:1.5rem}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}nav{break-after:page}}
`.trim();

function pointHtml(phrases: PaperPhrases, point: SynthesisPointModel): string {
  const { before, quote, after } = paragraphPieces(phrases, point);
  if (!quote) return esc(before);
  const lang = esc(quote.language || "und");
  const list = quote.items.length ? `<ul>${quote.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>` : "";
  const elision = quote.cutEnd && quote.items.length ? ` ${esc(phrases.t("elision"))}` : "";
  return `${esc(before)}${esc(phrases.t("quoteOpen"))}<q lang="${lang}">${esc(quoteLead(phrases, quote))}${list}${elision}</q>${esc(phrases.t("quoteClose"))}${esc(languageNote(phrases, quote))}${esc(after)}`;
}

/** The document before Annex I's entries (ending with its section's heading), and after them. */
function htmlParts(model: SynthesisModel): { head: string; tail: string } {
  const phrases = paperPhrases(model.language);
  const { t } = phrases;
  const out: string[] = [];
  const para = (n: number, html: string) => out.push(`<div class="numbered" id="para-${n}"><span class="n">${n}.</span><div>${html}</div></div>`);
  const table = (caption: string, rows: { label: string; submissions: number; contributors: number }[]) => {
    out.push(`<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(caption)}</th><th scope="col">${esc(t("tables.submissions"))}</th><th scope="col">${esc(t("tables.contributors"))}</th></tr></thead><tbody>`);
    for (const r of rows) out.push(`<tr><th scope="row">${esc(r.label)}</th><td class="num">${r.submissions.toLocaleString(phrases.locale)}</td><td class="num">${r.contributors.toLocaleString(phrases.locale)}</td></tr>`);
    out.push("</tbody></table>");
  };
  const headings = outline(model);
  const heading = (index: number) => {
    const h = headings[index];
    return h ? `<h2 id="${h.id}">${esc(h.title)}</h2>` : "";
  };
  const dir = isLocale(model.language) ? directionOf(model.language) : "ltr";
  out.push(`<!DOCTYPE html>\n<html lang="${esc(model.language)}" dir="${dir}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  out.push(`<title>${esc(model.title)}</title>\n<style>${STYLE.replace("p.numbered", "div.numbered").replace("p.numbered .n", "div.numbered .n")}</style>\n</head>\n<body>\n<main>`);
  out.push(`<h1>${esc(model.title)}</h1>`, `<p><em>${esc(subtitle(model))}</em></p>`);
  out.push(`<nav aria-labelledby="contents"><h2 id="contents">${esc(t("headings.contents"))}</h2><ol>${headings.map((h) => `<li><a href="#${h.id}">${esc(h.title)}</a></li>`).join("")}</ol></nav>`);

  let index = 0;
  out.push(`<section>${heading(index++)}`);
  for (const p of model.intro) para(p.number, esc(p.text));
  if (model.byGroup.length) table(t("tables.group"), model.byGroup);
  if (model.byRegion.length) table(t("tables.region"), model.byRegion);
  out.push("</section>");

  for (const section of model.themes) {
    out.push(`<section>${heading(index++)}`);
    if (section.paragraphs.length === 0 && section.further.length === 0) out.push(`<p><em>${esc(t("noParagraphs"))}</em></p>`);
    for (const p of section.paragraphs) para(p.number ?? 0, pointHtml(phrases, p));
    if (section.further.length > 0) {
      out.push(`<h3>${esc(t("headings.furtherPoints"))}</h3><ul>`);
      for (const p of section.further) out.push(`<li>${pointHtml(phrases, p)}</li>`);
      out.push("</ul>");
    }
    out.push("</section>");
  }
  if (model.comments) {
    out.push(`<section>${heading(index++)}`);
    para(model.comments.intro.number, esc(model.comments.intro.text));
    for (const p of model.comments.paragraphs) para(p.number, esc(p.text));
    out.push("</section>");
  }

  out.push(`<section>${heading(index++)}`);
  const head = out.join("\n");
  out.length = 0;
  out.push("</section>");

  out.push(`<section>${heading(index++)}`);
  if (model.annexII.terms.length === 0) out.push(`<p><em>${esc(t("noTerms"))}</em></p>`);
  else {
    out.push(`<table><thead><tr><th scope="col">${esc(t("tables.acronym"))}</th><th scope="col">${esc(t("tables.expansion"))}</th></tr></thead><tbody>`);
    for (const x of model.annexII.terms) out.push(`<tr><th scope="row">${esc(x.acronym)}</th><td>${esc(x.expansion)}</td></tr>`);
    out.push("</tbody></table>");
  }
  out.push("</section>\n</main>\n</body>\n</html>");
  return { head, tail: `\n${out.join("\n")}\n` };
}

/** Annex I's entries as HTML, row by row: a heading and list per group, a nested list per contributor. */
function htmlAnnex(model: SynthesisModel, options: RenderOptions): AnnexWriter {
  const phrases = paperPhrases(model.language);
  let previous: AnnexRow | null = null;
  return {
    row(row) {
      const breaks = annexBreaks(previous, row);
      const first = previous === null;
      previous = row;
      const entry = `\n<li><a href="${esc(options.baseUrl + contributionPath(model.consultation.slug, row.reference))}">${esc(row.title)}</a> (${esc(row.reference)}): ${esc(annexParagraphs(phrases, row))}</li>`;
      const contributor = `\n<li><strong>${esc(row.name)}</strong><ul>`;
      if (breaks.group) return `${first ? "" : "\n</ul></li>\n</ul>"}\n<h3>${esc(row.label)}</h3><ul>${contributor}${entry}`;
      if (breaks.contributor) return `\n</ul></li>${contributor}${entry}`;
      return entry;
    },
    end: () => (previous === null ? `\n<p><em>${esc(phrases.t("noContributions"))}</em></p>` : "\n</ul></li>\n</ul>"),
  };
}

export function renderHtml(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): string {
  const { head, tail } = htmlParts(model);
  return writeWhole(head, htmlAnnex(model, options), modelAnnexRows(model), tail);
}

/** The HTML of a model whose Annex I is read in pages: the same bytes as renderHtml. */
export function htmlChunks(model: SynthesisModel, options: RenderOptions, annex: AnnexSource): AsyncGenerator<string> {
  const { head, tail } = htmlParts(model);
  return writeChunks(head, htmlAnnex(model, options), annex, tail);
}
