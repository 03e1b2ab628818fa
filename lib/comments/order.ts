// Orders the comments on a paragraph. "balanced" deals them out round-robin by stakeholder group so no
// single group's volume fills the top of the thread; "newest"/"oldest" are plain time orders.
import type { CommentOrder } from "./schema";

export interface Orderable {
  id: string;
  stakeholderGroup: string;
  createdAt: Date;
}

const byTime = (a: Orderable, b: Orderable) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export function orderComments<T extends Orderable>(comments: T[], order: CommentOrder): T[] {
  const oldest = [...comments].sort(byTime);
  if (order === "oldest") return oldest;
  if (order === "newest") return oldest.reverse();
  // Groups take turns, in the order each group first spoke; within a group, oldest first.
  const queues = new Map<string, T[]>();
  for (const c of oldest) {
    const queue = queues.get(c.stakeholderGroup);
    if (queue) queue.push(c);
    else queues.set(c.stakeholderGroup, [c]);
  }
  const out: T[] = [];
  const lists = [...queues.values()];
  for (let round = 0; out.length < comments.length; round++) {
    for (const list of lists) {
      const next = list[round];
      if (next) out.push(next);
    }
  }
  return out;
}
