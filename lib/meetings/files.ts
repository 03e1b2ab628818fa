// Text of an uploaded transcript or report: plain UTF-8 text or Markdown, or a .docx read with mammoth.
import "server-only";
import { fail, ok, type Result } from "../result";
import type { UploadedFile } from "../files/upload";
import { docxToMarkdown } from "../drafts/docx";
import { isUtf8Text } from "../submissions/attachments";
import { MAX_TRANSCRIPT_BYTES } from "./schema";

/** Text of an uploaded .txt, .md or .docx file, or the i18n key of what is wrong with it. */
export async function textOfUpload(file: UploadedFile, format: "text" | "markdown"): Promise<Result<string>> {
  if (file.bytes.byteLength === 0) return fail("invalidInput", { file: ["fileEmpty"] });
  if (file.bytes.byteLength > MAX_TRANSCRIPT_BYTES) return fail("invalidInput", { file: ["fileTooLarge"] });
  const name = file.name.toLowerCase();
  if (name.endsWith(".docx")) {
    const zip = [0x50, 0x4b, 0x03, 0x04].every((b, i) => file.bytes[i] === b);
    if (!zip) return fail("invalidInput", { file: ["fileUnreadable"] });
    try {
      if (format === "markdown") return ok(await docxToMarkdown(file.bytes));
      const mammoth = (await import("mammoth")).default;
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
      return ok(value);
    } catch {
      return fail("invalidInput", { file: ["fileUnreadable"] });
    }
  }
  if (/\.(txt|text|md|markdown)$/.test(name)) {
    if (!isUtf8Text(file.bytes)) return fail("invalidInput", { file: ["fileNotUtf8"] });
    return ok(new TextDecoder("utf-8").decode(file.bytes).replace(/^\uFEFF/, ""));
  }
  return fail("invalidInput", { file: ["fileType"] });
}

