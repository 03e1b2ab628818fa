// The options of every CSV the app writes (open data, audit log, any later export): RFC 4180 line endings, and
// formula injection neutralised. A cell that begins with =, +, -, @, a tab or a carriage return is prefixed with
// an apostrophe (csv-stringify's escape_formulas), so a published organisation name "=HYPERLINK(...)" is shown as
// text in a spreadsheet instead of being run. docs/api.md tells readers of the open data how to undo it.
// tests/unit/csv-exports.test.ts checks that every module writing CSV uses these options.
import type { Options } from "csv-stringify";

export const CSV_OPTIONS = { record_delimiter: "\r\n", escape_formulas: true } as const satisfies Options;
