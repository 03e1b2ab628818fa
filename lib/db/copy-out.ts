// COPY … TO STDOUT on a connection of its own, as a web byte stream that reads from Postgres only as fast as the client
// reads the response: for exports too large for the request's statements (the open-data CSV, docs/decisions/0042).
import "server-only";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "./generated/client";
import { exportPool, exportTimeoutMs } from "./client";

/** Every export connection is taken and none came free in time: the caller answers 503 with Retry-After. */
export class ExportBusyError extends Error {
  constructor() {
    super("every export connection is in use");
    this.name = "ExportBusyError";
  }
}

/** The export took longer than AGORA_EXPORT_TIMEOUT_MS (a stalled client, or a server that cannot keep up). */
export class ExportTimeoutError extends Error {
  constructor(ms: number) {
    super(`the export took longer than ${ms} ms (AGORA_EXPORT_TIMEOUT_MS)`);
    this.name = "ExportTimeoutError";
  }
}

/**
 * The statement with its values written in as literals: COPY takes no bind parameters. Only strings are accepted (every
 * value the export's WHERE clause has), each quoted by pg's escapeLiteral, which is safe whatever the server's
 * standard_conforming_strings.
 */
export function inlineSql(sql: Prisma.Sql): string {
  let text = sql.strings[0] ?? "";
  sql.values.forEach((value, i) => {
    if (typeof value !== "string") throw new TypeError(`COPY statement value ${i + 1} is a ${typeof value}, not a string`);
    text += pg.escapeLiteral(value) + (sql.strings[i + 1] ?? "");
  });
  return text;
}

/** Below this many bytes, chunks from Postgres are joined before they are handed on: fewer, larger writes. */
const MIN_CHUNK = 64 * 1024;

/**
 * Starts `COPY (<select>) TO STDOUT WITH (<options>)` and returns `prefix`, then its bytes, each chunk passed through
 * `transform` (which may keep state across chunks). It waits for the first rows before returning, so a statement that
 * fails at once (a timeout before the first row, a replica that refuses it) throws here, before any response is sent;
 * a failure later ends the stream with an error (the download is cut short, never completed with rows missing). The
 * stream pulls: nothing is read from the
 * connection until the consumer asks, so a client that stops reading stops Postgres (TCP backpressure), and nothing is
 * buffered beyond a chunk or two. A cancelled stream (the client went away) closes the connection, which ends the COPY
 * in Postgres; so does AGORA_EXPORT_TIMEOUT_MS, on the server (statement_timeout) and here (a stalled client).
 * Throws ExportBusyError when no connection comes free in time; the connection comes from exportPool(), so the replica
 * is used inside readFromReplica.
 */
export async function copyOut(
  select: Prisma.Sql,
  options: string,
  prefix: Uint8Array,
  transform: (chunk: Buffer) => Buffer = (chunk) => chunk,
): Promise<ReadableStream<Uint8Array>> {
  const text = `COPY (${inlineSql(select)}) TO STDOUT WITH (${options})`;
  let client: pg.PoolClient;
  try {
    client = await exportPool().connect();
  } catch (error) {
    if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) throw new ExportBusyError();
    throw error;
  }
  const copy = client.query(copyTo(text));
  const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let released = false;
  // An error (or a cancel) destroys the connection instead of returning it mid-COPY to the pool.
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    clearTimeout(deadline);
    client.release(error ?? undefined);
  };
  const timeoutMs = exportTimeoutMs();
  let timedOut: ExportTimeoutError | null = null;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  const deadline = timeoutMs > 0
    ? setTimeout(() => {
        timedOut = new ExportTimeoutError(timeoutMs);
        copy.destroy(timedOut);
        controllerRef?.error(timedOut);
        release(timedOut);
      }, timeoutMs)
    : undefined;
  deadline?.unref();
  let first: IteratorResult<Buffer> | null;
  try {
    first = await chunks.next();
  } catch (error) {
    release(error instanceof Error ? error : new Error(String(error)));
    throw timedOut ?? error;
  }
  let sentPrefix = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
      },
      async pull(controller) {
        if (!sentPrefix) {
          sentPrefix = true;
          controller.enqueue(prefix);
          return;
        }
        try {
          const parts: Buffer[] = [];
          let size = 0;
          let done = false;
          while (size < MIN_CHUNK) {
            const step = first ?? (await chunks.next());
            first = null;
            if (step.done) {
              done = true;
              break;
            }
            parts.push(step.value);
            size += step.value.byteLength;
          }
          if (timedOut) return;
          if (size > 0) controller.enqueue(transform(parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, size)));
          if (done) {
            release();
            controller.close();
          }
        } catch (error) {
          const failure = timedOut ?? (error instanceof Error ? error : new Error(String(error)));
          release(failure);
          if (!timedOut) controller.error(failure);
        }
      },
      async cancel() {
        const gone = new Error("the client stopped reading the export");
        copy.destroy();
        release(gone);
      },
    },
    // Pull only when the consumer has read what was handed on: at most one chunk waits here.
    { highWaterMark: 0 },
  );
}
