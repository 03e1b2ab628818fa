// The open-data CSV of published contributions: RFC 4180 (quoted where needed, CRLF), UTF-8 with a BOM so
// spreadsheet programs open non-Latin text correctly, streamed in keyset batches. A hidden contribution is a row
// with its reason and without its title, text or attachments; the moderation columns come last so the earlier
// columns keep their positions.
import { stringify } from "csv-stringify/sync";
import { CSV_OPTIONS } from "../csv/options";
import { isKnownCountry } from "../geo/countries";
import type { PublicContribution } from "./public";

export const CSV_COLUMNS = [
  "reference", "url", "title", "body", "language", "themes", "stakeholder_group", "country", "region", "developing",
  "contributor_name", "organisation", "anonymous", "imported", "submitted_at", "published_at", "attachments",
  "hidden", "hidden_reason", "over_balance", "campaign_id", "campaign_size",
] as const;

export function csvRow(item: PublicContribution, url: string): string[] {
  return [
    item.reference, url, item.title ?? "", item.body ?? "", item.language, item.themes.map((t) => t.slug).join(";"), item.stakeholderGroup, isKnownCountry(item.country) ? item.country : "", item.region,
    item.developing ? "true" : "false", item.contributorName ?? "", item.organisationName ?? "", item.anonymous ? "true" : "false", item.imported ? "true" : "false",
    item.submittedAt?.toISOString() ?? "", item.publishedAt?.toISOString() ?? "", item.attachments.map((a) => a.filename).join(";"),
    item.hidden ? "true" : "false", item.hiddenReason ?? "", item.overBalance ? "true" : "false", item.campaign?.id ?? "", item.campaign ? String(item.campaign.size) : "",
  ];
}

export function csvLines(rows: string[][]): string {
  // A cell that would start a spreadsheet formula gets a leading apostrophe (CSV_OPTIONS): the text is kept whole,
  // and docs/api.md says so, but nobody's spreadsheet runs what a contributor wrote.
  return stringify(rows, { ...CSV_OPTIONS, quoted_match: /[\r\n",]/ });
}

/** A byte stream of any CSV: BOM and header first, then one chunk per batch, so memory stays flat at any size. */
export function csvRowStream<T>(columns: readonly string[], batches: AsyncIterable<T[]>, toRow: (item: T) => string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLines([[...columns]])}`));
        return;
      }
      try {
        const { value, done } = await iterator.next();
        if (done) {
          controller.close();
          return;
        }
        if (value.length) controller.enqueue(encoder.encode(csvLines(value.map(toRow))));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** The public contributions CSV as a stream. */
export function csvStream(batches: AsyncIterable<PublicContribution[]>, urlOf: (reference: string) => string): ReadableStream<Uint8Array> {
  return csvRowStream(CSV_COLUMNS, batches, (item) => csvRow(item, urlOf(item.reference)));
}

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from("\r\n");

/**
 * For CSV written by Postgres' COPY (which ends records with LF): a stateful chunk transform that ends each record with
 * CRLF instead, as RFC 4180 and csvLines do, and leaves line breaks inside quoted fields as they are. A field's quotes
 * come in pairs ("" inside), so a record ends at an LF seen after an even number of quotes; the state carries across
 * chunks, and a multi-byte UTF-8 character never contains either byte.
 */
export function crlfRecords(): (chunk: Buffer) => Buffer {
  let quoted = false;
  return (chunk) => {
    const parts: Buffer[] = [];
    let start = 0;
    let pos = 0;
    let quote = chunk.indexOf(QUOTE, 0);
    let lf = chunk.indexOf(LF, 0);
    for (;;) {
      if (quoted) {
        if (quote < 0) break;
        quoted = false;
        pos = quote + 1;
        quote = chunk.indexOf(QUOTE, pos);
        continue;
      }
      // The LF found earlier was inside the quoted field just left: look for the next one.
      if (lf >= 0 && lf < pos) lf = chunk.indexOf(LF, pos);
      if (lf >= 0 && (quote < 0 || lf < quote)) {
        parts.push(chunk.subarray(start, lf), CRLF);
        start = pos = lf + 1;
        lf = chunk.indexOf(LF, pos);
        continue;
      }
      if (quote < 0) break;
      quoted = true;
      pos = quote + 1;
      quote = chunk.indexOf(QUOTE, pos);
    }
    if (start === 0 && parts.length === 0) return chunk;
    parts.push(chunk.subarray(start));
    return Buffer.concat(parts);
  };
}
