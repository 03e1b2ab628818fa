// A consultation's balance policy, with the platform defaults when the secretariat has not set one.
import type { Tx } from "../db/client";
import type { BalancePolicy } from "../db/generated/client";

export type Policy = Omit<BalancePolicy, "id" | "consultationId" | "updatedAt">;

export const DEFAULT_POLICY: Policy = {
  maxPerContributor: 3,
  maxGroupShare: 0.4,
  minSample: 10,
  minGroups: 3,
  commentMaxPerContributor: 50,
  commentMaxGroupShare: 0.4,
  commentMinSample: 10,
  commentRateLimit: 20,
  commentRateWindowMinutes: 10,
  duplicateThreshold: 0.8,
};

export async function getBalancePolicy(tx: Tx, consultationId: string): Promise<Policy> {
  const row = await tx.balancePolicy.findUnique({ where: { consultationId } });
  if (!row) return DEFAULT_POLICY;
  const { id: _id, consultationId: _c, updatedAt: _u, ...policy } = row;
  return policy;
}
