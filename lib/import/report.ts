// What an import says is wrong, cell by cell: the row, the column, the bad value, what is allowed, and a suggestion
// when the value is close to an allowed one ("'INTERGOVERNMENTAL_ORGANIZATION' is not a stakeholder group; did you
// mean INTERGOVERNMENTAL_ORGANISATION?"). Pure; shared by the contributions and remote-messages imports.

export interface CellProblem {
  /** 1-based data row (the header line is not counted) */
  row: number;
  /** the column as the file names it (or the canonical name when the column is missing) */
  column: string;
  /** the value found, shortened; "" when it was empty or missing */
  value: string;
  /** i18n key of the problem (under submissions.import.rowErrors) */
  code: string;
  /** what the column accepts, e.g. "GOVERNMENT, PRIVATE_SECTOR, …" or "YYYY-MM-DD" */
  allowed?: string;
  /** the allowed value closest to the bad one, when it is close enough to be a slip */
  suggestion?: string;
}

export interface ColumnWarning {
  column: string;
  code: "unknownColumn";
  /** the known column it most likely means */
  suggestion?: string;
}

function fold(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[\s\-.]+/g, "_");
}

/** Levenshtein distance, for "did you mean" (short strings only). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
}

/**
 * The allowed value a bad one most likely meant: the same once case, accents and separators are folded
 * ("civil society" → CIVIL_SOCIETY), or within a few edits of it (a third of its length at most), or a
 * value it is the start of ("TECHNICAL" → TECHNICAL_COMMUNITY). Undefined when nothing is close.
 */
export function didYouMean(value: string, allowed: readonly string[]): string | undefined {
  const v = fold(value.trim());
  if (!v) return undefined;
  let best: { option: string; d: number } | undefined;
  for (const option of allowed) {
    const o = fold(option);
    if (o === v) return option;
    const d = distance(v, o);
    if (d <= Math.max(1, Math.floor(o.length / 3)) && (!best || d < best.d)) best = { option, d };
  }
  if (best) return best.option;
  const prefixed = allowed.filter((option) => v.length >= 4 && fold(option).startsWith(v));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Shortens a cell value for a message, so one huge cell never floods the report. */
export function shownValue(value: unknown): string {
  const text = Array.isArray(value) ? value.join(";") : value === undefined || value === null ? "" : String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** "GOVERNMENT, PRIVATE_SECTOR or CIVIL_SOCIETY": allowed values as a message lists them (long lists cut). */
export function allowedList(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max);
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(", ")}, … (${values.length} values)` : shown.join(", ");
}

/** Unknown columns of a file, each with the known column it most likely means. */
export function unknownColumns(columns: readonly string[], known: readonly string[]): ColumnWarning[] {
  return columns
    .filter((c) => !known.includes(c))
    .map((column) => {
      const suggestion = didYouMean(column, known);
      return suggestion ? { column, code: "unknownColumn" as const, suggestion } : { column, code: "unknownColumn" as const };
    });
}

const ENGLISH: Record<string, (p: CellProblem) => string> = {
  groupInvalid: (p) => `'${p.value}' is not a stakeholder group`,
  countryInvalid: (p) => `'${p.value}' is not a country code`,
  languageInvalid: (p) => `'${p.value}' is not a language code`,
  themeUnknown: (p) => `'${p.value}' is not a theme of this consultation`,
  dateInvalid: (p) => `'${p.value}' is not a date`,
  visibilityInvalid: (p) => `'${p.value}' is not a visibility`,
  duplicateExternalId: (p) => `the external id '${p.value}' appears more than once in this file`,
  attachmentMissing: (p) => `the attachment '${p.value}' was not found`,
  attachmentInvalid: (p) => `the attachment '${p.value}' is not an accepted file`,
};

/** A problem as one English sentence, for the command line: "row 3, stakeholder_group: 'X' is not …; did you mean Y?". */
export function describeProblem(p: CellProblem): string {
  const what = ENGLISH[p.code]?.(p) ?? `${p.code}${p.value ? ` ('${p.value}')` : ""}`;
  return `row ${p.row}, ${p.column}: ${what}${p.suggestion ? `; did you mean ${p.suggestion}?` : ""}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`;
}
