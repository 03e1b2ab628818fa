// Keyset cursors for the public list and the balanced (round-robin by stakeholder group) ordering. Pure.
// The round-robin includes "unclassified" as a seventh queue, so unclassified contributions are listed too.
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";

export type Sort = "newest" | "oldest" | "balanced";

/** A position in a list ordered by (publishedAt, id): the last row already shown. */
export interface Key {
  at: string;
  id: string;
}

export type Cursor =
  | { sort: "newest" | "oldest"; after: Key }
  | { sort: "balanced"; after: Partial<Record<StakeholderGroup, Key>>; next: number };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isKey(value: unknown): value is Key {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.at === "string" && ISO.test(v.at) && typeof v.id === "string" && v.id.length > 0 && v.id.length <= 40;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we made for this sort: callers answer 400, never 500. */
export function decodeCursor(raw: string, sort: Sort): Cursor | null {
  if (raw.length > 2000) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.sort !== sort) return null;
  if (sort === "balanced") {
    if (typeof v.next !== "number" || !Number.isInteger(v.next) || v.next < 0 || v.next >= INPUT_GROUPS.length) return null;
    if (typeof v.after !== "object" || v.after === null) return null;
    const after: Partial<Record<StakeholderGroup, Key>> = {};
    for (const [group, key] of Object.entries(v.after)) {
      if (!(INPUT_GROUPS as readonly string[]).includes(group) || !isKey(key)) return null;
      after[group as StakeholderGroup] = key;
    }
    return { sort, after, next: v.next };
  }
  return isKey(v.after) ? { sort, after: v.after } : null;
}

export interface Row extends Key {
  group: StakeholderGroup;
}

/**
 * Interleaves per-group lists round-robin (group 1's newest, group 2's newest, ... then each group's second),
 * starting at group index `start` and skipping groups that have run out, so no group fills a page.
 * Each list must hold up to `limit + 1` rows after that group's cursor, newest first.
 */
export function interleave<T extends Row>(
  lists: Map<StakeholderGroup, T[]>,
  limit: number,
  start: number,
  previous: Partial<Record<StakeholderGroup, Key>>,
): { page: T[]; next: Cursor | null } {
  const groups = INPUT_GROUPS;
  const queues = new Map(groups.map((g) => [g, [...(lists.get(g) ?? [])]]));
  const after: Partial<Record<StakeholderGroup, Key>> = { ...previous };
  const page: T[] = [];
  let position = start;
  let idle = 0;
  while (page.length < limit && idle < groups.length) {
    const group = groups[position % groups.length] as StakeholderGroup;
    position++;
    const row = queues.get(group)?.shift();
    if (!row) {
      idle++;
      continue;
    }
    idle = 0;
    page.push(row);
    after[group] = { at: row.at, id: row.id };
  }
  const more = [...queues.values()].some((q) => q.length > 0);
  return { page, next: more ? { sort: "balanced", after, next: position % groups.length } : null };
}
