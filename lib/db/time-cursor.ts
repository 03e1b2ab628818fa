// Keyset cursors for lists ordered by (createdAt, id), newest first: "<ISO time>_<id>".
export function encodeTimeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

/** The position a cursor names, or null for a missing or malformed one (a bad cursor starts from the top). */
export function decodeTimeCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]{1,64})$/.exec(cursor);
  if (!match?.[1] || !match[2]) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2] };
}
