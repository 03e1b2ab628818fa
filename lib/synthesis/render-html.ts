// Renders the synthesis model to a standalone, printable HTML document (no scripts, styles inline, text escaped).
import type { SynthesisModel } from "./model";
import { contributionPath } from "./paths";
import { outline, subtitle, type RenderOptions } from "./render-markdown";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
body{font-family:Georgia,"Times New Roman",serif;line-height:1.5;color:#1c1917;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem}h2{font-size:1.35rem;margin-top:2rem;break-after:avoid}h3{font-size:1.1rem;break-after:avoid}
p.numbered{display:flex;gap:.75rem}p.numbered .n{min-width:2.5rem;font-weight:bold}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #a8a29e;padding:.25rem .6rem;text-align:start}td.num{text-align:end}
a{color:#1e3a8a}nav ol{padding-inline-start:1.5rem}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}nav{break-after:page}}
`.trim();

export function renderHtml(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): string {
  const out: string[] = [];
  const para = (n: number, text: string) => out.push(`<p class="numbered" id="para-${n}"><span class="n">${n}.</span><span>${esc(text)}</span></p>`);
  const table = (caption: string, rows: { label: string; submissions: number; contributors: number }[]) => {
    out.push(`<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(caption)}</th><th scope="col">Submissions</th><th scope="col">Contributors</th></tr></thead><tbody>`);
    for (const r of rows) out.push(`<tr><th scope="row">${esc(r.label)}</th><td class="num">${r.submissions.toLocaleString("en")}</td><td class="num">${r.contributors.toLocaleString("en")}</td></tr>`);
    out.push("</tbody></table>");
  };
  const headings = outline(model);
  const heading = (index: number) => {
    const h = headings[index];
    return h ? `<h2 id="${h.id}">${esc(h.title)}</h2>` : "";
  };

  out.push(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`);
  out.push(`<title>${esc(model.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>`);
  out.push(`<h1>${esc(model.title)}</h1>`, `<p><em>${esc(subtitle(model))}</em></p>`);
  out.push(`<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${headings.map((h) => `<li><a href="#${h.id}">${esc(h.title)}</a></li>`).join("")}</ol></nav>`);

  let index = 0;
  out.push(`<section>${heading(index++)}`);
  for (const p of model.intro) para(p.number, p.text);
  if (model.byGroup.length) table("Stakeholder group", model.byGroup);
  if (model.byRegion.length) table("UN regional group", model.byRegion);
  out.push("</section>");

  for (const theme of model.themes) {
    out.push(`<section>${heading(index++)}`);
    if (theme.paragraphs.length === 0) out.push("<p><em>No contribution addressed this theme.</em></p>");
    for (const p of theme.paragraphs) para(p.number, p.text);
    out.push("</section>");
  }
  if (model.comments) {
    out.push(`<section>${heading(index++)}`);
    para(model.comments.intro.number, model.comments.intro.text);
    for (const p of model.comments.paragraphs) para(p.number, p.text);
    out.push("</section>");
  }

  out.push(`<section>${heading(index++)}`);
  if (model.annexI.length === 0) out.push("<p><em>No contributions have been published yet.</em></p>");
  for (const group of model.annexI) {
    out.push(`<h3>${esc(group.label)}</h3><ul>`);
    for (const c of group.contributors) {
      out.push(`<li><strong>${esc(c.name)}</strong><ul>`);
      for (const s of c.submissions) {
        out.push(`<li><a href="${esc(options.baseUrl + contributionPath(model.consultation.slug, s.reference))}">${esc(s.title)}</a> (${esc(s.reference)})</li>`);
      }
      out.push("</ul></li>");
    }
    out.push("</ul>");
  }
  out.push("</section>");

  out.push(`<section>${heading(index++)}`);
  if (model.annexII.terms.length === 0) out.push("<p><em>No acronyms from the glossary appear in the inputs.</em></p>");
  else {
    out.push(`<table><thead><tr><th scope="col">Acronym</th><th scope="col">Expansion</th></tr></thead><tbody>`);
    for (const t of model.annexII.terms) out.push(`<tr><th scope="row">${esc(t.acronym)}</th><td>${esc(t.expansion)}</td></tr>`);
    out.push("</tbody></table>");
  }
  out.push("</section>\n</main>\n</body>\n</html>");
  return `${out.join("\n")}\n`;
}
