// Near-duplicate detection: inputs whose text is near-identical to others in the same consultation (mass campaigns)
// are grouped into a Campaign, using pg_trgm trigram similarity (GIN-indexed) against BalancePolicy.duplicateThreshold.
import type { Tx } from "../db/client";
import { lockKey, withTransaction } from "../db/transaction";
import { getBalancePolicy } from "../balance/policy";
import { excerpt } from "../balance/service";

/** Very short texts ("I agree") look alike without being a campaign. */
export const MIN_CAMPAIGN_TEXT = 40;
/** New arrivals examined per call; the rest are examined on the next call (queue load or moderation). */
const PROBES_PER_RUN = 200;

interface Probe {
  id: string;
  body: string;
  label: string;
}
interface Match {
  id: string;
  campaignId: string | null;
}

/**
 * Examines the consultation's pending inputs not yet in a campaign and groups each with its near-duplicates.
 * Idempotent; returns how many inputs joined a campaign.
 */
export async function detectCampaigns(consultationId: string): Promise<number> {
  return withTransaction(async (tx) => {
    await lockKey(tx, "campaigns", consultationId);
    const policy = await getBalancePolicy(tx, consultationId);
    // Session-local to this transaction: the % operator (index-assisted) uses this threshold.
    await tx.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(policy.duplicateThreshold)}, true)`;
    let joined = 0;

    const submissions = await tx.$queryRaw<Probe[]>`
      SELECT id, body, title AS label FROM "Submission"
      WHERE "consultationId" = ${consultationId} AND "campaignId" IS NULL AND status = 'PENDING' AND length(body) >= ${MIN_CAMPAIGN_TEXT}
      ORDER BY "submittedAt" ASC NULLS LAST, id ASC LIMIT ${PROBES_PER_RUN}`;
    for (const probe of submissions) {
      const matches = await tx.$queryRaw<Match[]>`
        SELECT id, "campaignId" FROM "Submission"
        WHERE "consultationId" = ${consultationId} AND id <> ${probe.id} AND status <> 'DRAFT' AND body % ${probe.body}
        ORDER BY "campaignId" IS NULL, similarity(body, ${probe.body}) DESC LIMIT 100`;
      joined += await group(tx, consultationId, "SUBMISSION", probe, matches);
    }

    const comments = await tx.$queryRaw<Probe[]>`
      SELECT id, body, body AS label FROM "Comment"
      WHERE "consultationId" = ${consultationId} AND "campaignId" IS NULL AND status = 'PENDING' AND length(body) >= ${MIN_CAMPAIGN_TEXT}
      ORDER BY "createdAt" ASC, id ASC LIMIT ${PROBES_PER_RUN}`;
    for (const probe of comments) {
      const matches = await tx.$queryRaw<Match[]>`
        SELECT id, "campaignId" FROM "Comment"
        WHERE "consultationId" = ${consultationId} AND id <> ${probe.id} AND body % ${probe.body}
        ORDER BY "campaignId" IS NULL, similarity(body, ${probe.body}) DESC LIMIT 100`;
      joined += await group(tx, consultationId, "COMMENT", probe, matches);
    }
    return joined;
  });
}

async function group(tx: Tx, consultationId: string, type: "SUBMISSION" | "COMMENT", probe: Probe, matches: Match[]): Promise<number> {
  if (matches.length === 0) return 0;
  // Join the campaign a match already belongs to (matches with one come first), else start one.
  const existing = matches.find((m) => m.campaignId !== null)?.campaignId;
  const campaignId = existing ?? (await tx.campaign.create({ data: { consultationId, label: excerpt(probe.label, 60) } })).id;
  const ids = [probe.id, ...matches.filter((m) => m.campaignId === null).map((m) => m.id)];
  const { count } =
    type === "SUBMISSION"
      ? await tx.submission.updateMany({ where: { id: { in: ids }, campaignId: null }, data: { campaignId } })
      : await tx.comment.updateMany({ where: { id: { in: ids }, campaignId: null }, data: { campaignId } });
  return count;
}

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
