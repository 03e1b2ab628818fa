// A consultation's balance policy, with the platform defaults when the secretariat has not set one.
import "server-only";
import type { Tx } from "../db/client";
import type { BalancePolicy } from "../db/generated/client";
import { lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { BalancePolicySchema } from "./schema";
import type { Actor } from "../auth/session-roles";

export type { Actor };

/** Advisory-lock namespace: every balance decision for one consultation runs under this lock. */
export const BALANCE_LOCK = "balance";

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
  countVerifiedOnly: false,
  targetAfrican: null,
  targetAsiaPacific: null,
  targetEasternEuropean: null,
  targetLatinAmerican: null,
  targetWesternEuropean: null,
  targetDeveloping: null,
  invitation: "",
};

export async function getBalancePolicy(tx: Tx, consultationId: string): Promise<Policy> {
  const row = await tx.balancePolicy.findUnique({ where: { consultationId } });
  if (!row) return DEFAULT_POLICY;
  const { id: _id, consultationId: _c, updatedAt: _u, ...policy } = row;
  return policy;
}

/** Saves a consultation's policy (secretariat only), recording the previous values in the audit log. */
export async function updateBalancePolicy(actor: Actor | null, consultationId: string, raw: unknown): Promise<Result<Policy>> {
  if (!hasRole(actor, "SECRETARIAT") || !actor) return fail("forbidden", undefined, 403);
  const parsed = BalancePolicySchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const result = await withTransaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { id: true } });
    if (!consultation) return null;
    // Same lock as publishing: a policy change never interleaves with a balance decision.
    await lockKey(tx, BALANCE_LOCK, consultationId);
    const before = await getBalancePolicy(tx, consultationId);
    await tx.balancePolicy.upsert({ where: { consultationId }, update: parsed.data, create: { consultationId, ...parsed.data } });
    const changed = (Object.keys(parsed.data) as (keyof Policy)[]).filter((k) => before[k] !== parsed.data[k]);
    await recordAudit(tx, {
      actorId: actor.id, action: "balance.policy.update", entityType: "BalancePolicy", entityId: consultationId, consultationId,
      details: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, parsed.data[k]])) },
    });
    return parsed.data;
  });
  if (!result) return fail("notFound", undefined, 404);
  return ok(result);
}
