// The one place that resolves who an input is from (group, verification, cap key) when it is written: the web form,
// the API and comments call resolveIdentity; imports use IMPORTED_VERIFICATION. Rules in ./rules.ts.
import "server-only";
import type { Tx } from "../db/client";
import type { OnBehalfOf } from "../db/generated/enums";
import { identityOf, type ActingOrganisation, type ContributorIdentity, type DeclaredIdentity } from "./rules";

export type { ContributorIdentity };

async function actingOrganisation(tx: Tx, user: { organisation: { id: string; name: string; stakeholderGroup: ActingOrganisation["stakeholderGroup"] } | null }): Promise<ActingOrganisation | null> {
  // Until organisations have approved memberships, the affiliation in the profile is the one a participant acts for.
  void tx;
  return user.organisation ? { ...user.organisation, verified: false, approvedVia: null } : null;
}

/**
 * The identity snapshot of `userId` writing now, on behalf of themselves or of an organisation. Read inside the
 * transaction that writes the input, so the snapshot is the state the rules were checked against. Null: no such user.
 */
export async function resolveIdentity(tx: Tx, userId: string, onBehalfOf: OnBehalfOf, organisationId?: string | null): Promise<ContributorIdentity | null> {
  void organisationId;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, stakeholderGroup: true, groupVerifiedAt: true, country: true, gender: true,
      organisation: { select: { id: true, name: true, stakeholderGroup: true } },
    },
  });
  if (!user) return null;
  const declared: DeclaredIdentity = user;
  const organisation = onBehalfOf === "ORGANISATION" ? await actingOrganisation(tx, user) : null;
  return identityOf(declared, onBehalfOf, organisation);
}
