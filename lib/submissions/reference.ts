// Receipt reference numbers, e.g. IGF-000042: the consultation's prefix and a number from one database sequence.
import "server-only";
import type { Tx } from "../db/client";

export function formatReference(prefix: string, n: number | bigint): string {
  return `${prefix}-${String(n).padStart(6, "0")}`;
}

export async function nextReference(tx: Tx, prefix: string): Promise<string> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('submission_reference_seq') AS n`;
  const n = rows[0]?.n;
  if (n === undefined) throw new Error("reference sequence unavailable");
  return formatReference(prefix, n);
}

/** Drafts have no receipt yet; they carry a placeholder reference that is never shown. */
export function draftReference(id: string): string {
  return `DRAFT-${id}`;
}

export function isDraftReference(reference: string): boolean {
  return reference.startsWith("DRAFT-");
}
