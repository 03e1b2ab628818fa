// Renders the synthesis model to DOCX with real headings, one continuous paragraph numbering and a table of contents.
//
// Byte-identical output for the same model: the core properties carry the model's own date instead of "now", links
// are HYPERLINK fields (external hyperlinks get random relationship ids), the contents has no bookmarks and the zip entries' timestamps are fixed.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { SynthesisModel, SynthesisPointModel } from "./model";
import { contributionPath } from "./paths";
import { paperPhrases, type PaperPhrases } from "./phrases";
import { annexParagraphs, languageNote, outline, paragraphPieces, quoteLead, subtitle, type RenderOptions } from "./render-markdown";

const NUMBERING = "synthesis-paragraphs";

function escXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function numbered(text: string): Paragraph {
  return new Paragraph({ numbering: { reference: NUMBERING, level: 0 }, children: [new TextRun(text)], spacing: { after: 160 } });
}

/** A point: numbered in the body, a bullet under further points; the quote in its language, its list as bullets. */
function pointParagraphs(phrases: PaperPhrases, point: SynthesisPointModel, numberedPoint: boolean): Paragraph[] {
  const { before, quote, after } = paragraphPieces(phrases, point);
  const place = numberedPoint ? { numbering: { reference: NUMBERING, level: 0 } } : { bullet: { level: 0 } };
  if (!quote) return [new Paragraph({ ...place, children: [new TextRun(before)], spacing: { after: 160 } })];
  const language = { value: quote.language || "und" };
  const close = `${quote.cutEnd && quote.items.length ? ` ${phrases.t("elision")}` : ""}${phrases.t("quoteClose")}${languageNote(phrases, quote)}${after}`;
  const lead = [new TextRun(before), new TextRun(phrases.t("quoteOpen")), new TextRun({ text: quoteLead(phrases, quote), language })];
  if (quote.items.length === 0) return [new Paragraph({ ...place, children: [...lead, new TextRun(close)], spacing: { after: 160 } })];
  return [
    new Paragraph({ ...place, children: lead }),
    ...quote.items.map((item, i) => new Paragraph({
      bullet: { level: 1 },
      children: [new TextRun({ text: item, language }), ...(i === quote.items.length - 1 ? [new TextRun(close)] : [])],
      spacing: i === quote.items.length - 1 ? { after: 160 } : undefined,
    })),
  ];
}

function countTable(header: string, rows: { label: string; submissions: number; contributors: number }[], labels: { submissions: string; contributors: string }): Table {
  const cell = (text: string, bold = false, right = false) =>
    new TableCell({ children: [new Paragraph({ alignment: right ? AlignmentType.END : AlignmentType.START, children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell(header, true), cell(labels.submissions, true, true), cell(labels.contributors, true, true)] }),
      ...rows.map((r) => new TableRow({ children: [cell(r.label), cell(r.submissions.toLocaleString("en"), false, true), cell(r.contributors.toLocaleString("en"), false, true)] })),
    ],
  });
}

function coreXml(model: SynthesisModel, date: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escXml(model.title)}</dc:title><dc:creator>Agora</dc:creator><cp:lastModifiedBy>Agora</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * Sets every entry's modification time in a zip archive (local headers and central directory) to `date`.
 * The packer stamps entries with the current time; the CRCs and data are unaffected.
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const year = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error("corrupt zip central directory");
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error("corrupt zip local header");
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

export async function renderDocx(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }): Promise<Buffer> {
  const phrases = paperPhrases(model.language);
  const { t } = phrases;
  const children: (Paragraph | Table | TableOfContents)[] = [];
  const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }));
  children.push(note(subtitle(model)));
  // Entries given, not filled in from the headings: that bookmarks them with a process-wide counter, which would
  // make two renders differ. Word refreshes the table when it opens the file (updateFields).
  children.push(new TableOfContents(t("headings.contents"), { hyperlink: true, headingStyleRange: "1-1", cachedEntries: outline(model).map((h) => ({ title: h.title, level: 1 })) }));

  children.push(h1(t("headings.introduction")));
  for (const p of model.intro) children.push(numbered(p.text));
  const labels = { submissions: t("tables.submissions"), contributors: t("tables.contributors") };
  if (model.byGroup.length) children.push(countTable(t("tables.group"), model.byGroup, labels), new Paragraph({}));
  if (model.byRegion.length) children.push(countTable(t("tables.region"), model.byRegion, labels), new Paragraph({}));

  for (const section of model.themes) {
    children.push(h1(`${section.letter}. ${section.title}`));
    if (section.paragraphs.length === 0 && section.further.length === 0) children.push(note(t("noParagraphs")));
    for (const p of section.paragraphs) children.push(...pointParagraphs(phrases, p, true));
    if (section.further.length > 0) {
      children.push(h2(t("headings.furtherPoints")));
      for (const p of section.further) children.push(...pointParagraphs(phrases, p, false));
    }
  }
  if (model.comments) {
    children.push(h1(`${model.comments.letter}. ${model.comments.title}`));
    children.push(numbered(model.comments.intro.text));
    for (const p of model.comments.paragraphs) children.push(numbered(p.text));
  }

  children.push(h1(t("headings.annexI")));
  if (model.annexI.length === 0) children.push(note(t("noContributions")));
  for (const group of model.annexI) {
    children.push(h2(group.label));
    for (const c of group.contributors) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: c.name, bold: true })] }));
      for (const s of c.submissions) {
        const url = options.baseUrl + contributionPath(model.consultation.slug, s.reference);
        const link = /^https?:\/\//.test(url) ? [new TextRun(" "), new SimpleField(`HYPERLINK "${url}"`, url)] : [];
        children.push(new Paragraph({ bullet: { level: 1 }, children: [new TextRun(`${s.title} (${s.reference}): ${annexParagraphs(phrases, s)}`), ...link] }));
      }
    }
  }

  children.push(h1(t("headings.annexII")));
  if (model.annexII.terms.length === 0) children.push(note(t("noTerms")));
  else {
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [t("tables.acronym"), t("tables.expansion")].map((h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] })) }),
        ...model.annexII.terms.map((t) => new TableRow({ children: [t.acronym, t.expansion].map((v) => new TableCell({ children: [new Paragraph(v)] })) })),
      ],
    }));
  }

  const doc = new Document({
    title: model.title,
    creator: "Agora",
    features: { updateFields: true },
    numbering: {
      config: [{
        reference: NUMBERING,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 720 } } } }],
      }],
    },
    sections: [{ children }],
  });
  const date = model.asOf ? new Date(model.asOf) : new Date(Date.UTC(1980, 0, 1));
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const buffer = await Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml(model, stamp) }]);
  return fixZipTimestamps(buffer, date);
}
