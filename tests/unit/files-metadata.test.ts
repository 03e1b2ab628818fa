import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { stripAuthorMetadata } from "@/lib/files/metadata";
import { readZip } from "@/lib/files/zip";
import { sourceFromUpload } from "@/lib/drafts/docx";

const NAME = "Jane Q. Contributor";
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

async function pdfWithAuthor(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Our position on community networks.");
  doc.setAuthor(NAME);
  doc.setCreator(`Word for ${NAME}`);
  doc.setTitle("Position paper");
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${NAME}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;
  const stream = doc.context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
  return doc.save({ useObjectStreams: false });
}

describe("author metadata of anonymous attachments", () => {
  it("is removed from a PDF (Info and XMP), which stays a readable PDF", async () => {
    const before = await pdfWithAuthor();
    expect(latin1(before)).toContain(NAME); // the XMP packet
    expect((await PDFDocument.load(before, { updateMetadata: false })).getAuthor()).toBe(NAME);
    const cleaned = await stripAuthorMetadata("application/pdf", before);
    if (!cleaned.ok) throw new Error(cleaned.error);
    expect(latin1(cleaned.bytes)).not.toContain(NAME);
    expect(latin1(cleaned.bytes)).not.toContain("/Metadata");
    const reloaded = await PDFDocument.load(cleaned.bytes, { updateMetadata: false });
    expect(reloaded.getPageCount()).toBe(1);
    expect([reloaded.getAuthor(), reloaded.getCreator(), reloaded.getTitle()]).toEqual([undefined, undefined, undefined]);
  });

  it("refuses a PDF it cannot rewrite (encrypted)", async () => {
    const text = latin1(await pdfWithAuthor()).replace("/Root", "/Encrypt 1 0 R\n/Root");
    expect(await stripAuthorMetadata("application/pdf", Buffer.from(text, "latin1"))).toEqual({ ok: false, error: "attachmentNotCleanable" });
  });

  it("is removed from a DOCX (core, app and custom properties, comment authors), which stays a DOCX", async () => {
    const doc = new Document({ creator: NAME, lastModifiedBy: NAME, title: "Position", sections: [{ children: [new Paragraph("Our position.")] }] });
    const before = new Uint8Array(await Packer.toBuffer(doc));
    expect(new TextDecoder().decode(unzipSync(before)["docProps/core.xml"])).toContain(NAME);
    const cleaned = await stripAuthorMetadata("application/vnd.openxmlformats-officedocument.wordprocessingml.document", before);
    if (!cleaned.ok) throw new Error(cleaned.error);
    const files = unzipSync(cleaned.bytes);
    for (const [name, data] of Object.entries(files)) expect(new TextDecoder().decode(data), name).not.toContain(NAME);
    expect(new TextDecoder().decode(files["word/document.xml"])).toContain("Our position.");
    expect((await fileTypeFromBuffer(cleaned.bytes))?.ext).toBe("docx");
  });

  it("is removed from an ODT (meta.xml, annotation authors), keeping the mimetype entry first and stored", async () => {
    const before = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "meta.xml": strToU8(`<office:document-meta><office:meta><meta:initial-creator>${NAME}</meta:initial-creator><dc:creator>${NAME}</dc:creator></office:meta></office:document-meta>`),
      "content.xml": strToU8(`<office:document-content><office:annotation><dc:creator>${NAME}</dc:creator><text:p>Note</text:p></office:annotation><text:p>Body</text:p></office:document-content>`),
    });
    const cleaned = await stripAuthorMetadata("application/vnd.oasis.opendocument.text", before);
    if (!cleaned.ok) throw new Error(cleaned.error);
    expect(latin1(cleaned.bytes)).not.toContain(NAME);
    expect(latin1(cleaned.bytes.subarray(30, 38))).toBe("mimetype");
    const read = readZip(cleaned.bytes);
    expect(read.ok && read.entries.map((e) => [e.name, e.stored])).toEqual([["mimetype", true], ["meta.xml", false], ["content.xml", false]]);
  });
});

describe("ZIP inflation", () => {
  // 121 KB that inflates to 52 MB, as in the report.
  const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": [new Uint8Array(52 * 1024 * 1024), { level: 9 }] });

  it("is refused while unzipping once past the limit", () => {
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    expect(readZip(bomb)).toEqual({ ok: false, error: "tooLarge" });
    expect(readZip(bomb, 100 * 1024 * 1024)).toMatchObject({ ok: true, inflatedBytes: 52 * 1024 * 1024 + 8 });
  });

  it("stops a draft upload before it is converted", async () => {
    expect(await sourceFromUpload({ name: "programme.docx", bytes: bomb })).toMatchObject({ ok: false, fieldErrors: { file: ["fileInflatesTooMuch"] } });
  });

  it("refuses to clean an anonymous attachment that inflates past the limit", async () => {
    expect(await stripAuthorMetadata("application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb)).toEqual({ ok: false, error: "attachmentTooLarge" });
  });
});
