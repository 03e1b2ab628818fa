// Reading ZIP-based documents (DOCX, ODT) with a ceiling on what they inflate to, counted while inflating: a 121 KB
// file that would become 52 MB stops after the first few megabytes past the limit, instead of being inflated whole
// and measured afterwards. fflate's streaming Unzip is fed small slices, so no single step can overshoot by much.
import { Unzip, UnzipInflate, zipSync, type Zippable } from "fflate";

/** What a DOCX or ODT we accept may inflate to in all: text, styles and images of a long policy paper fit. */
export const MAX_INFLATED_BYTES = 40 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;
/** Compressed bytes pushed per step; deflate inflates at most ~1,032:1, so one step adds at most ~4 MB. */
const SLICE = 4096;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** stored without compression (ODT's "mimetype" must stay that way, and first) */
  stored: boolean;
}

export type ZipRead = { ok: true; entries: ZipEntry[]; inflatedBytes: number } | { ok: false; error: "tooLarge" | "unreadable" };

export function readZip(bytes: Uint8Array, maxInflated: number = MAX_INFLATED_BYTES): ZipRead {
  const entries: ZipEntry[] = [];
  let total = 0;
  let failure: "tooLarge" | "unreadable" | null = null;
  try {
    const unzip = new Unzip((file) => {
      if (entries.length >= MAX_ZIP_ENTRIES) {
        failure ??= "tooLarge";
        return;
      }
      const chunks: Uint8Array[] = [];
      const entry: ZipEntry = { name: file.name, data: new Uint8Array(0), stored: file.compression === 0 };
      entries.push(entry);
      // fflate reports what a handler throws as a decoding error: the ceiling is a flag the push loop checks.
      file.ondata = (error, chunk, final) => {
        if (failure) return;
        if (error) {
          failure = "unreadable";
          return;
        }
        total += chunk.byteLength;
        if (total > maxInflated) {
          failure = "tooLarge";
          return;
        }
        chunks.push(chunk);
        if (final) entry.data = concat(chunks);
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    for (let offset = 0; offset < bytes.byteLength; offset += SLICE) {
      const end = Math.min(offset + SLICE, bytes.byteLength);
      unzip.push(bytes.subarray(offset, end), end === bytes.byteLength);
      if (failure) break;
    }
  } catch {
    return { ok: false, error: failure ?? "unreadable" };
  }
  if (failure || entries.length === 0) return { ok: false, error: failure ?? "unreadable" };
  return { ok: true, entries, inflatedBytes: total };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Writes the entries back in their order; stored entries stay stored. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const zippable: Zippable = {};
  for (const entry of entries) zippable[entry.name] = [entry.data, { level: entry.stored ? 0 : 6 }];
  return zipSync(zippable);
}
