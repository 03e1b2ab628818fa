// The synthesis in one of its formats (md, html, docx) as bytes, whole or as chunks as they are made. Annex I comes
// from an AnnexSource: a snapshot's own model, or the live draft's stored entries read a page at a time.
import { modelAnnex, type AnnexSource } from "./annex";
import type { SynthesisFormatName, SynthesisModel } from "./model";
import { docxChunks } from "./render-docx";
import { htmlChunks } from "./render-html";
import { markdownChunks, type RenderOptions } from "./render-markdown";

/**
 * A model in one format, its Annex I read from `annex` (the model's own by default; the live draft's stored entries,
 * a page at a time, for its downloads), as chunks of bytes.
 */
export async function* synthesisChunks(model: SynthesisModel, format: SynthesisFormatName, options: RenderOptions = { baseUrl: "" }, annex: AnnexSource = modelAnnex(model)): AsyncGenerator<Uint8Array> {
  if (format === "docx") {
    yield* docxChunks(model, options, annex);
    return;
  }
  const encoder = new TextEncoder();
  for await (const text of format === "html" ? htmlChunks(model, options, annex) : markdownChunks(model, options, annex)) yield encoder.encode(text);
}

/** The same bytes, whole. */
export async function renderSynthesis(model: SynthesisModel, format: SynthesisFormatName, options: RenderOptions = { baseUrl: "" }, annex: AnnexSource = modelAnnex(model)): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of synthesisChunks(model, format, options, annex)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

