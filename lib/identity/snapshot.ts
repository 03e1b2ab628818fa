// The one place that resolves who an input is from (group, verification, cap key) when it is written: the web form,
// the API and comments call resolveIdentity; imports use IMPORTED_VERIFICATION. Rules in ./rules.ts. Acting on behalf of
// an organisation takes an approved membership (lib/organisations approvedMembership); without one, the participant
// acts as themselves.
import "server-only";
import type { Tx } from "../db/client";
import type { OnBehalfOf } from "../db/generated/enums";
import { approvedMembership, approvedMembershipsOf, type ApprovedMembership } from "../organisations/service";
import { identityOf, type ActingOrganisation, type ContributorIdentity, type DeclaredIdentity } from "./rules";

export type { ContributorIdentity };

function acting(m: ApprovedMembership): ActingOrganisation {
  const o = m.organisation;
  return { id: o.id, name: o.name, stakeholderGroup: o.stakeholderGroup, verified: o.verification === "VERIFIED", approvedVia: m.approvedVia };
}

/**
 * The organisation the participant may act for: the one asked for (or, when none is named, the affiliation in their
 * profile, else their only approved membership), and only through an approved membership (lib/organisations).
 */
async function actingOrganisation(tx: Tx, userId: string, organisationId: string | null | undefined, profileOrganisationId: string | null): Promise<ActingOrganisation | null> {
  if (organisationId) {
    const m = await approvedMembership(tx, userId, organisationId);
    return m ? acting(m) : null;
  }
  if (profileOrganisationId) {
    const m = await approvedMembership(tx, userId, profileOrganisationId);
    if (m) return acting(m);
  }
  const all = await approvedMembershipsOf(tx, userId);
  return all.length === 1 && all[0] ? acting(all[0]) : null;
}

/**
 * The identity snapshot of `userId` writing now, on behalf of themselves or of an organisation. Read inside the
 * transaction that writes the input, so the snapshot is the state the rules were checked against. Null: no such user.
 */
export async function resolveIdentity(tx: Tx, userId: string, onBehalfOf: OnBehalfOf, organisationId?: string | null): Promise<ContributorIdentity | null> {
  return (await resolveWriter(tx, userId, onBehalfOf, organisationId))?.identity ?? null;
}

/**
 * resolveIdentity, whether the writer's address is confirmed, and the account fields the moderation queue's grouping
 * takes (lib/moderation/accounts.ts), from one read of the user (the contribute form's).
 */
export async function resolveWriter(
  tx: Tx, userId: string, onBehalfOf: OnBehalfOf, organisationId?: string | null,
): Promise<{ identity: ContributorIdentity; emailVerified: boolean; account: { email: string; emailVerifiedAt: Date | null; organisationId: string | null } } | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, stakeholderGroup: true, groupVerifiedAt: true, country: true, gender: true, organisationId: true, emailVerifiedAt: true, email: true,
    },
  });
  if (!user) return null;
  const declared: DeclaredIdentity = user;
  const organisation = onBehalfOf === "ORGANISATION" ? await actingOrganisation(tx, userId, organisationId, user.organisationId) : null;
  return {
    identity: identityOf(declared, onBehalfOf, organisation), emailVerified: user.emailVerifiedAt !== null,
    account: { email: user.email, emailVerifiedAt: user.emailVerifiedAt, organisationId: user.organisationId },
  };
}
