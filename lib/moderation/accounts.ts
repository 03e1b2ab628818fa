// Accounts that may be one actor: the keys an input records about its author when it is written (their verified
// e-mail domain, their approved organisation), so that the moderation queue can group and filter inputs whose authors
// share them with index lookups only (lib/moderation/queue.ts). Never computed on a read (docs/decisions/0019).
import "server-only";
import type { Tx } from "../db/client";
import { approvedMembership, approvedMembershipsOf } from "../organisations/service";
import { groupingDomainOf } from "../organisations/slug";

export interface AccountLinks {
  /** the domain of the author's verified address; null when unverified or a webmail provider's (anybody has one) */
  accountDomain: string | null;
  /** the organisation the author is an approved member of: the one they act for, else their profile's, else the first */
  accountOrganisationId: string | null;
}

export const NO_ACCOUNT_LINKS: AccountLinks = { accountDomain: null, accountOrganisationId: null };

export { groupingDomainOf };

/**
 * The author's links as they are now, read in the transaction that writes the input. `actingOrganisationId`: the
 * organisation the input is sent on behalf of (already checked to be an approved membership), if any.
 */
export async function accountLinksOf(
  tx: Tx, userId: string, actingOrganisationId: string | null,
  /** the account as the caller has just read it in this transaction (saves reading it again on the contribute path) */
  read?: { email: string; emailVerifiedAt: Date | null; organisationId: string | null },
): Promise<AccountLinks> {
  const user = read ?? (await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true, organisationId: true } }));
  if (!user) return NO_ACCOUNT_LINKS;
  const accountDomain = groupingDomainOf(user.email, user.emailVerifiedAt !== null);
  if (actingOrganisationId) return { accountDomain, accountOrganisationId: actingOrganisationId };
  if (user.organisationId && (await approvedMembership(tx, userId, user.organisationId))) return { accountDomain, accountOrganisationId: user.organisationId };
  const [first] = await approvedMembershipsOf(tx, userId);
  return { accountDomain, accountOrganisationId: first?.organisation.id ?? null };
}
