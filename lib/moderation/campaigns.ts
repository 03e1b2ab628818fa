// Campaign sizes for the "part of a campaign of N" flag on public lists and exports. Campaigns are formed by the
// detection job (lib/moderation/detection.ts), never on a read.
import "server-only";
import type { Tx } from "../db/client";

/** How many inputs each campaign groups, for the "part of a campaign of N" flag on public lists and exports. */
export async function campaignSizes(tx: Tx, campaignIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(campaignIds)];
  const sizes = new Map<string, number>();
  if (ids.length === 0) return sizes;
  const [subs, comments] = await Promise.all([
    tx.submission.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids } }, _count: { _all: true } }),
    tx.comment.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids } }, _count: { _all: true } }),
  ]);
  for (const row of [...subs, ...comments]) if (row.campaignId) sizes.set(row.campaignId, (sizes.get(row.campaignId) ?? 0) + row._count._all);
  return sizes;
}
