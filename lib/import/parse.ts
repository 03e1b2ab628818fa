// Reads an import file (CSV with a header line, or a JSON array of objects) into rows of raw string fields.
import { parse as parseCsv } from "csv-parse/sync";
import { isUtf8Text } from "../submissions/attachments";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export type RawRow = Record<string, string | string[] | undefined>;

export type ParsedFile = { ok: true; rows: RawRow[] } | { ok: false; error: string; detail?: string };

/** "contributorName", "Contributor name" and "contributor_name" all mean the same column. */
export function normaliseKey(key: string): string {
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function normaliseRow(row: Record<string, unknown>): RawRow {
  const out: RawRow = {};
  for (const [key, value] of Object.entries(row)) {
    const k = normaliseKey(key);
    if (Array.isArray(value)) out[k] = value.map((v) => String(v ?? ""));
    else if (value === null || value === undefined) out[k] = undefined;
    else out[k] = typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return out;
}

/** Property names under which a JSON export may hold its array of rows ({"messages": [...]}). */
const JSON_LISTS = ["contributions", "messages", "data", "items", "posts"] as const;

function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== "object" || value === null) return null;
  for (const key of JSON_LISTS) {
    const list = (value as Record<string, unknown>)[key];
    if (Array.isArray(list)) return list;
  }
  return null;
}

export function parseImportFile(filename: string, bytes: Uint8Array, maxRows: number = MAX_IMPORT_ROWS): ParsedFile {
  if (bytes.byteLength === 0) return { ok: false, error: "fileEmpty" };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: "fileTooLarge" };
  if (!isUtf8Text(bytes)) return { ok: false, error: "fileNotUtf8" };
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const isJson = filename.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(text);
  let rows: Record<string, unknown>[];
  try {
    if (isJson) {
      const value: unknown = JSON.parse(text);
      const list = listOf(value);
      if (!list || !list.every((r) => typeof r === "object" && r !== null && !Array.isArray(r))) return { ok: false, error: "fileUnreadable", detail: "expected an array of objects" };
      rows = list as Record<string, unknown>[];
    } else {
      rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: false, relax_column_count: false }) as Record<string, unknown>[];
    }
  } catch (error) {
    return { ok: false, error: "fileUnreadable", detail: error instanceof Error ? error.message.slice(0, 200) : "" };
  }
  if (rows.length === 0) return { ok: false, error: "fileEmpty" };
  if (rows.length > maxRows) return { ok: false, error: "tooManyRows" };
  return { ok: true, rows: rows.map(normaliseRow) };
}
