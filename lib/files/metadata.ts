// Removing who wrote a document from the document itself, for contributions published without a name: a PDF's
// Info dictionary and XMP streams, a DOCX's core/app/custom properties and the authors of its comments and tracked
// changes, an ODT's meta.xml and annotation authors. A file that cannot be cleaned is refused with the reason
// (anonymous must mean anonymous). Plain text and Markdown carry no such metadata.
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from "pdf-lib";
import { readZip, writeZip, type ZipEntry } from "./zip";

export type CleanResult = { ok: true; bytes: Uint8Array } | { ok: false; error: "attachmentNotCleanable" | "attachmentTooLarge" };

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT = "application/vnd.oasis.opendocument.text";

export async function stripAuthorMetadata(mimeType: string, bytes: Uint8Array): Promise<CleanResult> {
  if (mimeType === PDF) return cleanPdf(bytes);
  if (mimeType === DOCX) return cleanZip(bytes, cleanDocxEntry);
  if (mimeType === ODT) return cleanZip(bytes, cleanOdtEntry);
  return { ok: true, bytes };
}

async function cleanPdf(bytes: Uint8Array): Promise<CleanResult> {
  let doc: PDFDocument;
  try {
    // Encrypted PDFs throw here: their metadata cannot be rewritten without the password.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { ok: false, error: "attachmentNotCleanable" };
  }
  const context = doc.context;
  // The document information dictionary (Author, Creator, Producer, Title...).
  const info = context.trailerInfo.Info;
  if (info) {
    context.trailerInfo.Info = undefined;
    if (info instanceof PDFRef) context.delete(info);
  }
  // Every XMP packet (the catalog's, and those attached to pages, images or fonts), and every reference to one.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    const type = dict.get(PDFName.of("Type"));
    if (object instanceof PDFRawStream && type instanceof PDFName && type.asString() === "/Metadata") {
      context.delete(ref);
      continue;
    }
    dict.delete(PDFName.of("Metadata"));
    dict.delete(PDFName.of("PieceInfo"));
  }
  doc.catalog.delete(PDFName.of("Metadata"));
  // Saving rewrites the whole file: earlier revisions (incremental updates that kept the old metadata) are dropped.
  return { ok: true, bytes: await doc.save({ useObjectStreams: false, updateFieldAppearances: false }) };
}

type EntryCleaner = (entry: ZipEntry) => ZipEntry | null;

function cleanZip(bytes: Uint8Array, clean: EntryCleaner): CleanResult {
  const read = readZip(bytes);
  if (!read.ok) return { ok: false, error: read.error === "tooLarge" ? "attachmentTooLarge" : "attachmentNotCleanable" };
  const entries = read.entries.flatMap((entry) => {
    const cleaned = clean(entry);
    return cleaned ? [cleaned] : [];
  });
  return { ok: true, bytes: writeZip(entries) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const text = (entry: ZipEntry) => decoder.decode(entry.data);
const withText = (entry: ZipEntry, value: string): ZipEntry => ({ ...entry, data: encoder.encode(value) });

const NEUTRAL_CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>`;
const NEUTRAL_APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"></Properties>`;

function blankAuthors(xml: string): string {
  // Comment and revision authors (w:author, w:initials) and the people list they point to.
  return xml.replace(/\b(w:author|w:initials|w15:userId|w15:providerId)="[^"]*"/g, '$1=""');
}

function cleanDocxEntry(entry: ZipEntry): ZipEntry | null {
  if (entry.name === "docProps/core.xml") return withText(entry, NEUTRAL_CORE);
  if (entry.name === "docProps/app.xml") return withText(entry, NEUTRAL_APP);
  if (entry.name === "docProps/custom.xml" || entry.name === "word/people.xml") return withText(entry, entry.name === "word/people.xml" ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>' : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>');
  if (/^word\/.*\.xml$/.test(entry.name)) return withText(entry, blankAuthors(text(entry)));
  return entry;
}

const NEUTRAL_META = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:meta/></office:document-meta>`;

function cleanOdtEntry(entry: ZipEntry): ZipEntry | null {
  if (entry.name === "meta.xml") return withText(entry, NEUTRAL_META);
  if (entry.name === "content.xml" || entry.name === "styles.xml") {
    // Annotation (comment) and change-tracking authors.
    return withText(entry, text(entry).replace(/<dc:creator>[^<]*<\/dc:creator>/g, "<dc:creator></dc:creator>").replace(/<dc:date>[^<]*<\/dc:date>/g, "<dc:date></dc:date>"));
  }
  return entry;
}
