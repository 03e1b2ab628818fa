// Renders the synthesis model to a standalone, printable HTML document (no scripts, styles inline, text escaped).
// Quotes are <q> elements in their own language (lang), so readers and screen readers pronounce them right.
import type { SynthesisModel, SynthesisPointModel } from "./model";
import { contributionPath } from "./paths";
import { directionOf, isLocale } from "../i18n/config";
import { paperPhrases, type PaperPhrases } from "./phrases";
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

export function renderHtml(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): string {
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
  if (model.annexI.length === 0) out.push(`<p><em>${esc(t("noContributions"))}</em></p>`);
  for (const group of model.annexI) {
    out.push(`<h3>${esc(group.label)}</h3><ul>`);
    for (const c of group.contributors) {
      out.push(`<li><strong>${esc(c.name)}</strong><ul>`);
      for (const s of c.submissions) {
        out.push(`<li><a href="${esc(options.baseUrl + contributionPath(model.consultation.slug, s.reference))}">${esc(s.title)}</a> (${esc(s.reference)}): ${esc(annexParagraphs(phrases, s))}</li>`);
      }
      out.push("</ul></li>");
    }
    out.push("</ul>");
  }
  out.push("</section>");

  out.push(`<section>${heading(index++)}`);
  if (model.annexII.terms.length === 0) out.push(`<p><em>${esc(t("noTerms"))}</em></p>`);
  else {
    out.push(`<table><thead><tr><th scope="col">${esc(t("tables.acronym"))}</th><th scope="col">${esc(t("tables.expansion"))}</th></tr></thead><tbody>`);
    for (const x of model.annexII.terms) out.push(`<tr><th scope="row">${esc(x.acronym)}</th><td>${esc(x.expansion)}</td></tr>`);
    out.push("</tbody></table>");
  }
  out.push("</section>\n</main>\n</body>\n</html>");
  return `${out.join("\n")}\n`;
}
