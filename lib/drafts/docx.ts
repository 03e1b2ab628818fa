// Turns an uploaded draft (Markdown or DOCX, the latter through mammoth) into Markdown source.
import mammoth from "mammoth";
import { fail, ok, type Result } from "../result";
import type { UploadedFile } from "../files/upload";
import { readZip } from "../files/zip";
import { MAX_DRAFT_SOURCE, MAX_DRAFT_UPLOAD_BYTES } from "./schema";

// mammoth's Markdown writer is public API (documented in its README) but missing from its type definitions.
type ToMarkdown = (input: { buffer: Buffer }, options?: { externalFileAccess?: boolean; ignoreEmptyParagraphs?: boolean }) => Promise<{ value: string }>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function docxToMarkdown(bytes: Uint8Array): Promise<string> {
  const convert = (mammoth as unknown as { convertToMarkdown: ToMarkdown }).convertToMarkdown;
  const { value } = await convert({ buffer: Buffer.from(bytes) }, { externalFileAccess: false, ignoreEmptyParagraphs: true });
  return unescapeMarkdown(value)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images are not part of the commentable text
    .replace(/<a id="[^"]*"><\/a>/g, "") // bookmarks mammoth writes as raw anchors
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * mammoth escapes every character that could ever be Markdown syntax ("programme\\."). Those escapes would
 * show in diffs and proposed replacements, so keep only the ones that matter: inline markers (* _ ` [ ])
 * everywhere, and block markers (# - + 1.) at the start of a line.
 */
export function unescapeMarkdown(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => line.replace(/(?<!^\s*\d*)\\([.!(){}+#-])/g, "$1"))
    .join("\n");
}

/** The Markdown of an upload, or a field error key for `file`. */
export async function sourceFromUpload(file: UploadedFile): Promise<Result<string>> {
  if (file.bytes.byteLength > MAX_DRAFT_UPLOAD_BYTES) return fail("invalidInput", { file: ["fileTooLarge"] });
  const name = file.name.toLowerCase();
  const bytes = file.bytes;
  if (name.endsWith(".docx")) {
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return fail("invalidInput", { file: ["fileUnreadable"] });
    // Inflated with a ceiling first, counted while inflating: mammoth then unzips the same, bounded, entries.
    const zip = readZip(bytes);
    if (!zip.ok) return fail("invalidInput", { file: [zip.error === "tooLarge" ? "fileInflatesTooMuch" : "fileUnreadable"] });
    try {
      const markdown = await docxToMarkdown(bytes);
      if (markdown.length > MAX_DRAFT_SOURCE) return fail("invalidInput", { file: ["sourceTooLong"] });
      return ok(markdown);
    } catch {
      return fail("invalidInput", { file: ["fileUnreadable"] });
    }
  }
  if (/\.(md|markdown|txt)$/.test(name)) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
    if (text.length > MAX_DRAFT_SOURCE) return fail("invalidInput", { file: ["sourceTooLong"] });
    return ok(text);
  }
  return fail("invalidInput", { file: ["fileType"] });
}
