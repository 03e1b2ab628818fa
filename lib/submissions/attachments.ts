// Attachment checks by content, not by name: PDF, DOCX and ODT are sniffed with file-type; TXT and Markdown
// must be valid UTF-8 text. A file whose content does not match its extension is refused.
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";

export interface CheckedAttachment {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

const BINARY: Record<string, { ext: string; mime: string }> = {
  pdf: { ext: "pdf", mime: "application/pdf" },
  docx: { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  odt: { ext: "odt", mime: "application/vnd.oasis.opendocument.text" },
};

const TEXT: Record<string, string> = { txt: "text/plain; charset=utf-8", md: "text/markdown; charset=utf-8", markdown: "text/markdown; charset=utf-8" };

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** Keeps a file name displayable and safe in a Content-Disposition header: no paths, no control characters. */
export function cleanFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return cleaned.slice(-200) || "attachment";
}

export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The i18n error key, or the checked attachment with its real type and checksum. */
export async function checkAttachment(filename: string, bytes: Uint8Array): Promise<{ ok: true; value: CheckedAttachment } | { ok: false; error: string }> {
  const name = cleanFilename(filename);
  const ext = extensionOf(name);
  const sniffed = await fileTypeFromBuffer(bytes);
  let mimeType: string;
  if (ext in BINARY) {
    const expected = BINARY[ext];
    if (!expected || sniffed?.ext !== expected.ext) return { ok: false, error: "attachmentMismatch" };
    mimeType = expected.mime;
  } else if (ext in TEXT) {
    // A text file has no magic number; any recognised binary signature means it is not what it claims.
    if (sniffed || !isUtf8Text(bytes)) return { ok: false, error: sniffed ? "attachmentMismatch" : "attachmentNotUtf8" };
    mimeType = TEXT[ext] ?? "text/plain; charset=utf-8";
  } else {
    return { ok: false, error: "attachmentType" };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { ok: true, value: { filename: name, mimeType, size: bytes.byteLength, sha256, bytes } };
}
