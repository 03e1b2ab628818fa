// Renders the synthesis model to DOCX with real headings, one continuous paragraph numbering and a table of contents.
//
// The docx library lays out the document (styles, numbering, contents, the body of the paper); Annex I, the one part
// that grows with the round (a line per contribution: 100,000 at the largest), is written as XML straight into a
// streamed zip (fflate), from template paragraphs the library produced, so memory does not grow with it.
// Byte-identical output for the same model: the core properties carry the model's own date instead of "now", links
// are HYPERLINK fields (external hyperlinks get random relationship ids), the contents has no bookmarks and every zip
// entry carries the model's date.
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
import { unzipSync, Zip, ZipDeflate } from "fflate";
import type { SynthesisModel, SynthesisPointModel } from "./model";
import { contributionPath } from "./paths";
import { paperPhrases, type PaperPhrases } from "./phrases";
import { annexBreaks, modelAnnex, type AnnexRow, type AnnexSource } from "./annex";
import { annexParagraphs, languageNote, outline, paragraphPieces, quoteLead, subtitle, type RenderOptions } from "./render-markdown";

const NUMBERING = "synthesis-paragraphs";
const DEFLATE_BLOCK = 64 * 1024;

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
 * The DOCX of a model. Annex I comes from `annex`: the model's own by default, or the live draft's stored entries read
 * in pages (the same bytes either way).
 */
export async function renderDocx(model: SynthesisModel, options: RenderOptions = { baseUrl: "" }, annex: AnnexSource = modelAnnex(model)): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of docxChunks(model, options, annex)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The DOCX as the zip's chunks, as they are deflated. */
export async function* docxChunks(model: SynthesisModel, options: RenderOptions, annex: AnnexSource): AsyncGenerator<Uint8Array> {
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
  if (annex.empty) children.push(note(t("noContributions")));
  // Templates, replaced by the streamed annex (see annexXml).
  children.push(
    h2(MARK.heading),
    new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: MARK.contributor, bold: true })] }),
    new Paragraph({ bullet: { level: 1 }, children: [new TextRun(MARK.entry)] }),
    new Paragraph({ bullet: { level: 1 }, children: [new TextRun(MARK.entry), new TextRun(" "), new SimpleField(`HYPERLINK "${MARK.url}"`, MARK.url)] }),
  );

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
  const skeleton = await Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml(model, stamp) }]);
  yield* streamDocx(skeleton, date, (xml) => annexXml(model, annex, phrases, options, xml));
}

const MARK = { heading: "AGORAANNEXHEADING", contributor: "AGORAANNEXCONTRIBUTOR", entry: "AGORAANNEXENTRY", url: "https://agora.invalid/AGORAANNEXURL" };

/** The template paragraph (whole <w:p>…</w:p>) that contains a marker, and where it lies. */
function templateAround(xml: string, marker: string): { start: number; end: number; xml: string } {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`docx template ${marker} missing`);
  const open = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
  const end = xml.indexOf("</w:p>", at) + "</w:p>".length;
  return { start: open, end, xml: xml.slice(open, end) };
}

/** Annex I as DOCX paragraphs, a page of entries at a time, from the templates in the skeleton's document.xml. */
async function* annexXml(model: SynthesisModel, annex: AnnexSource, phrases: PaperPhrases, options: RenderOptions, xml: DocxTemplates): AsyncGenerator<string> {
  const fill = (template: string, marker: string, text: string) => template.split(marker).join(escXml(text));
  let previous: AnnexRow | null = null;
  for await (const page of annex.pages()) {
    let batch = "";
    for (const row of page) {
      const breaks = annexBreaks(previous, row);
      previous = row;
      if (breaks.group) batch += fill(xml.heading, MARK.heading, row.label);
      if (breaks.contributor) batch += fill(xml.contributor, MARK.contributor, row.name);
      const url = options.baseUrl + contributionPath(model.consultation.slug, row.reference);
      const text = `${row.title} (${row.reference}): ${annexParagraphs(phrases, row)}`;
      batch += /^https?:\/\//.test(url) ? fill(fill(xml.link, MARK.url, url), MARK.entry, text) : fill(xml.entry, MARK.entry, text);
    }
    yield batch;
  }
}

interface DocxTemplates {
  heading: string;
  contributor: string;
  entry: string;
  link: string;
}

/**
 * Writes the skeleton's entries into a new zip, streaming document.xml: its annex templates replaced by what
 * `annex` yields. Every entry is dated `date`, so the same model gives the same bytes. Yields the zip as it is made.
 */
async function* streamDocx(skeleton: Buffer, date: Date, annex: (templates: DocxTemplates) => AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const entries = unzipSync(new Uint8Array(skeleton));
  const encoder = new TextEncoder();
  // fflate calls back synchronously from push(): what it produced is handed on after each push.
  let ready: Uint8Array[] = [];
  let failure: unknown = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    const out = ready;
    ready = [];
    yield* out;
  };
  for (const [name, content] of Object.entries(entries)) {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = date;
    zip.add(file);
    if (name !== "word/document.xml") {
      file.push(content, true);
      yield* drain();
      continue;
    }
    const xml = new TextDecoder().decode(content);
    const heading = templateAround(xml, MARK.heading);
    const contributor = templateAround(xml, MARK.contributor);
    const entry = templateAround(xml, MARK.entry);
    const link = templateAround(xml.slice(entry.end), MARK.entry);
    const end = entry.end + link.end;
    // Fed to the deflater in blocks of a fixed size: its output depends on where pushes fall, and the annex's pages
    // (two rows or a thousand) must not change the bytes.
    const block = new Uint8Array(DEFLATE_BLOCK);
    let filled = 0;
    const feed = function* (text: string, final = false): Generator<Uint8Array> {
      let bytes = encoder.encode(text);
      while (filled + bytes.length >= DEFLATE_BLOCK) {
        const take = DEFLATE_BLOCK - filled;
        block.set(bytes.subarray(0, take), filled);
        file.push(block.slice());
        filled = 0;
        bytes = bytes.subarray(take);
        yield* drain();
      }
      block.set(bytes, filled);
      filled += bytes.length;
      if (final) {
        file.push(block.slice(0, filled), true);
        yield* drain();
      }
    };
    yield* feed(xml.slice(0, heading.start));
    for await (const chunk of annex({ heading: heading.xml, contributor: contributor.xml, entry: entry.xml, link: link.xml })) yield* feed(chunk);
    yield* feed(xml.slice(end), true);
  }
  zip.end();
  yield* drain();
}
