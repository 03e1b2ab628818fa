// The open-data CSV of published contributions as Postgres writes it: COPY … TO STDOUT of exportCsvSelect, streamed
// from a connection of its own with the client's backpressure (docs/decisions/0042). The same bytes as csvStream.
import "server-only";
import { copyOut } from "../db/copy-out";
import { CSV_COLUMNS, crlfRecords, csvLines } from "./csv";
import { exportCsvSelect, type ListQuery } from "./public";

/**
 * The CSV of every contribution matching `query` (paging parameters aside), BOM and header first. `urlPrefix` is what
 * each row's url starts with before its encoded reference. Throws ExportBusyError when every export connection is busy.
 */
export async function contributionsCsv(consultationId: string, query: ListQuery, urlPrefix: string): Promise<ReadableStream<Uint8Array>> {
  const head = new TextEncoder().encode(`\uFEFF${csvLines([[...CSV_COLUMNS]])}`);
  return copyOut(exportCsvSelect(consultationId, query, urlPrefix), "FORMAT csv", head, crlfRecords());
}
