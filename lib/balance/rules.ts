// Pure balance arithmetic, shared by the publishing rules, the held-queue release and the dashboard.
import type { StakeholderGroup } from "../db/generated/enums";

// Unclassified inputs (imports and transcripts whose group nobody knows) are counted apart: they are in no group's
// share, never raise the total the shares are taken of, and are never held for balance.
const UNCLASSIFIED: StakeholderGroup = "UNCLASSIFIED";

export interface GroupCap {
  /** the largest share one stakeholder group may hold among published items, e.g. 0.4 */
  maxGroupShare: number;
  /** the cap applies once at least this many items would be published */
  minSample: number;
}

export type GroupCounts = Partial<Record<StakeholderGroup, number>>;

/**
 * Whether publishing one more item of `group` keeps the group within the cap.
 * The cap is checked on the state after publishing: with `total` published and `inGroup` of them in the group,
 * the item may be published if total + 1 < minSample, or (inGroup + 1) / (total + 1) <= maxGroupShare.
 */
export function fitsGroupCap(counts: GroupCounts, group: StakeholderGroup, cap: GroupCap): boolean {
  if (group === UNCLASSIFIED) return true;
  const total = totalOf(counts) + 1;
  if (total < cap.minSample) return true;
  const inGroup = (counts[group] ?? 0) + 1;
  // A tiny epsilon so 0.4 * 10 = 4 is not refused by floating-point noise.
  return inGroup / total <= cap.maxGroupShare + 1e-9;
}

/** Items in the six stakeholder groups (unclassified ones are counted apart). */
export function totalOf(counts: GroupCounts): number {
  return Object.entries(counts).reduce<number>((sum, [group, n]) => (group === UNCLASSIFIED ? sum : sum + (n ?? 0)), 0);
}

export interface HeldItem {
  id: string;
  group: StakeholderGroup;
}

/**
 * Which held items (given in arrival order) can be published now, releasing them one at a time in arrival order
 * and counting each release before deciding the next. Within a group the order is preserved: if a group's oldest
 * held item does not fit, none of its later ones does either.
 */
export function releasableInArrivalOrder(held: HeldItem[], published: GroupCounts, cap: GroupCap): string[] {
  const counts: GroupCounts = { ...published };
  const released: string[] = [];
  const pending = [...held];
  let changed = true;
  // Releasing one group's item raises the total, which can make room for another group: repeat until stable.
  while (changed && pending.length > 0) {
    changed = false;
    const blocked = new Set<StakeholderGroup>();
    for (let i = 0; i < pending.length; ) {
      const item = pending[i];
      if (!item) break;
      if (!blocked.has(item.group) && fitsGroupCap(counts, item.group, cap)) {
        counts[item.group] = (counts[item.group] ?? 0) + 1;
        released.push(item.id);
        pending.splice(i, 1);
        changed = true;
        continue;
      }
      blocked.add(item.group);
      i++;
    }
  }
  return released;
}

/** Number of stakeholder groups with at least one published item ("unclassified" is not a group). */
export function groupsRepresented(counts: GroupCounts): number {
  return Object.entries(counts).filter(([group, n]) => group !== UNCLASSIFIED && (n ?? 0) > 0).length;
}

export interface Share {
  key: string;
  count: number;
  share: number;
}

/** Shares of a total, in the given key order, then any other keys by count. */
export function sharesOf(counts: Record<string, number>, order: readonly string[] = []): Share[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const keys = [...order, ...Object.keys(counts).filter((k) => !order.includes(k)).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))];
  return keys.map((key) => {
    const count = counts[key] ?? 0;
    return { key, count, share: total > 0 ? count / total : 0 };
  });
}
