// The per-contributor cap: which contributions count against it, and how many a participant has left before writing.
// One rule for the form ("2 of 3 left") and for submitContribution, which checks it again in the writing transaction.
import "server-only";
import type { Tx } from "../db/client";
import type { SubmissionStatus } from "../db/generated/enums";
import { getBalancePolicy } from "../balance/policy";
import { resolveIdentity } from "../identity/snapshot";

/**
 * An unsent draft, a withdrawn contribution and one the secretariat rejected or hid do not count: the secretariat's
 * decision must never lock the author (or their organisation) out of the round. Pending, held, published and
 * changes-requested ones do.
 */
export const NOT_COUNTED: SubmissionStatus[] = ["DRAFT", "WITHDRAWN", "REJECTED", "HIDDEN"];

export interface CapCount {
  /** "user:<id>" or "org:<id>" */
  contributorKey: string;
  used: number;
  left: number;
}

export interface CapStatus {
  cap: number;
  /** writing as themselves */
  self: CapCount;
  /** writing on behalf of the organisation they are an approved member of, if any */
  organisation: (CapCount & { name: string }) | null;
}

async function countFor(tx: Tx, consultationId: string, contributorKey: string, cap: number): Promise<CapCount> {
  const used = await tx.submission.count({ where: { consultationId, contributorKey, status: { notIn: NOT_COUNTED } } });
  return { contributorKey, used, left: Math.max(0, cap - used) };
}

/** How many contributions the participant has left in this consultation, as themselves and for their organisation. */
export async function capStatusFor(tx: Tx, userId: string, consultationId: string): Promise<CapStatus | null> {
  const [policy, self, org] = await Promise.all([
    getBalancePolicy(tx, consultationId),
    resolveIdentity(tx, userId, "SELF"),
    resolveIdentity(tx, userId, "ORGANISATION"),
  ]);
  if (!self) return null;
  const cap = policy.maxPerContributor;
  const organisation = org && org.onBehalfOf === "ORGANISATION" ? { ...(await countFor(tx, consultationId, org.contributorKey, cap)), name: org.organisationName ?? "" } : null;
  return { cap, self: await countFor(tx, consultationId, self.contributorKey, cap), organisation };
}
