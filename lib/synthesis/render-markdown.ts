// Renders the synthesis model to Markdown: numbered paragraphs, lettered theme sections, two annexes.
import type { SynthesisModel } from "./model";
import { contributionPath } from "./paths";

export interface RenderOptions {
  /** origin put before site paths in links, e.g. https://agora.example ("" keeps them relative) */
  baseUrl: string;
}

export const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The headings every format shares, so their tables of contents agree. */
export function outline(model: SynthesisModel): { id: string; title: string }[] {
  return [
    { id: "introduction", title: "Introduction" },
    ...model.themes.map((t) => ({ id: `section-${t.letter.toLowerCase()}`, title: `${t.letter}. ${t.title}` })),
    ...(model.comments ? [{ id: `section-${model.comments.letter.toLowerCase()}`, title: `${model.comments.letter}. ${model.comments.title}` }] : []),
    { id: "annex-i", title: "Annex I: List of contributions" },
    { id: "annex-ii", title: "Annex II: Glossary of acronyms" },
  ];
}

export function subtitle(model: SynthesisModel): string {
  return model.asOf ? `Consultation: ${model.consultation.title}. Inputs published up to ${DATE_FORMAT.format(new Date(model.asOf))}.` : `Consultation: ${model.consultation.title}.`;
}

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|~#])/g, "\\$1");
}

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (typeof rows[0]?.[i] === "number" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === "number" ? c.toLocaleString("en") : escapeMd(c))).join(" | ")} |`),
  ].join("\n");
}

export function renderMarkdown(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): string {
  const out: string[] = [];
  const para = (n: number, text: string) => out.push(`${n}. ${escapeMd(text)}`);
  out.push(`# ${escapeMd(model.title)}`, `*${escapeMd(subtitle(model))}*`);
  // Plain entries: Markdown has no portable heading anchors.
  out.push("## Contents", outline(model).map((h) => `- ${escapeMd(h.title)}`).join("\n"));

  out.push("## Introduction");
  for (const p of model.intro) para(p.number, p.text);
  if (model.byGroup.length) out.push(table(["Stakeholder group", "Submissions", "Contributors"], model.byGroup.map((g) => [g.label, g.submissions, g.contributors])));
  if (model.byRegion.length) out.push(table(["UN regional group", "Submissions", "Contributors"], model.byRegion.map((r) => [r.label, r.submissions, r.contributors])));

  for (const theme of model.themes) {
    out.push(`## ${theme.letter}. ${escapeMd(theme.title)}`);
    if (theme.paragraphs.length === 0) out.push("*No contribution addressed this theme.*");
    for (const p of theme.paragraphs) para(p.number, p.text);
  }

  if (model.comments) {
    out.push(`## ${model.comments.letter}. ${escapeMd(model.comments.title)}`);
    para(model.comments.intro.number, model.comments.intro.text);
    for (const p of model.comments.paragraphs) para(p.number, p.text);
  }

  out.push("## Annex I: List of contributions");
  if (model.annexI.length === 0) out.push("*No contributions have been published yet.*");
  for (const group of model.annexI) {
    out.push(`### ${escapeMd(group.label)}`);
    out.push(
      group.contributors
        .map((c) => [
          `- **${escapeMd(c.name)}**`,
          ...c.submissions.map((s) => `  - [${escapeMd(s.title)}](${options.baseUrl}${contributionPath(model.consultation.slug, s.reference)}) (${escapeMd(s.reference)})`),
        ].join("\n"))
        .join("\n"),
    );
  }

  out.push("## Annex II: Glossary of acronyms");
  if (model.annexII.terms.length === 0) out.push("*No acronyms from the glossary appear in the inputs.*");
  else out.push(table(["Acronym", "Expansion"], model.annexII.terms.map((t) => [t.acronym, t.expansion])));

  return `${out.join("\n\n")}\n`;
}
