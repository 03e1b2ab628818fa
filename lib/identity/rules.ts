// Stakeholder identity, pure: which group an input counts under, whether it was verified and by what, and how often a
// participant may change their declared group. Shared by every path that writes an input (lib/identity/snapshot.ts).
import type { Gender, GroupVerification, OnBehalfOf, StakeholderGroup } from "../db/generated/enums";
import { placeOf, type UnRegion } from "../geo/countries";

/** A participant may change their declared group once in this many days, unless the secretariat approves a claim. */
export const GROUP_CHANGE_DAYS = 30;
const DAY = 86_400_000;

/** The participant as they declared themselves. `groupVerifiedAt`: when the secretariat verified that group (or null). */
export interface DeclaredIdentity {
  id: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  groupVerifiedAt: Date | null;
  country: string;
  gender: Gender | null;
}

/**
 * The organisation a participant acts on behalf of, as far as the rules care: only an approved membership makes one
 * (lib/organisations approvedMembership). `verified`: the secretariat verified the organisation; `approvedVia`: how
 * the membership was approved (DOMAIN: the member's verified address is on one of its domains).
 */
export interface ActingOrganisation {
  id: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  verified: boolean;
  approvedVia: "MANAGER" | "SECRETARIAT" | "DOMAIN" | null;
}

/** What an input remembers about who sent it, taken once when it is sent and never rewritten by later profile edits. */
export interface ContributorIdentity {
  /** who the per-contributor cap counts against: "org:<id>" for an approved member acting for it, else "user:<id>" */
  contributorKey: string;
  contributorName: string;
  organisationId: string | null;
  organisationName: string | null;
  onBehalfOf: OnBehalfOf;
  stakeholderGroup: StakeholderGroup;
  groupVerified: boolean;
  groupVerifiedBy: GroupVerification;
  country: string;
  region: UnRegion;
  developing: boolean;
  gender: Gender | null;
}

/**
 * The group comes from the organisation when an approved member acts on behalf of a verified one (verified by
 * ORGANISATION, or DOMAIN when the membership was approved through the domain rule); otherwise from the participant's
 * own declaration, verified by SECRETARIAT when their claim was approved. An approved member of an unverified
 * organisation still counts against the organisation's cap, under their own (declared or verified) group.
 */
export function identityOf(user: DeclaredIdentity, onBehalfOf: OnBehalfOf, organisation: ActingOrganisation | null): ContributorIdentity {
  const org = onBehalfOf === "ORGANISATION" ? organisation : null;
  const own = user.groupVerifiedAt !== null;
  const fromOrg = org?.verified === true;
  return {
    contributorKey: org ? `org:${org.id}` : `user:${user.id}`,
    contributorName: user.name,
    organisationId: org?.id ?? null,
    organisationName: org?.name ?? null,
    onBehalfOf: org ? "ORGANISATION" : "SELF",
    stakeholderGroup: fromOrg && org ? org.stakeholderGroup : user.stakeholderGroup,
    groupVerified: fromOrg || own,
    groupVerifiedBy: fromOrg ? (org?.approvedVia === "DOMAIN" ? "DOMAIN" : "ORGANISATION") : own ? "SECRETARIAT" : "NONE",
    ...placeOf(user.country),
    gender: user.gender,
  };
}

/** Inputs the secretariat imports (letters, e-mails) were not verified on the platform, whatever they say. */
export const IMPORTED_VERIFICATION = { groupVerified: false, groupVerifiedBy: "NONE" } as const satisfies { groupVerified: boolean; groupVerifiedBy: GroupVerification };

/** When the participant may next change their declared group themselves (null: now). */
export function nextGroupChangeAt(groupChangedAt: Date | null, now: Date): Date | null {
  if (!groupChangedAt) return null;
  const next = new Date(groupChangedAt.getTime() + GROUP_CHANGE_DAYS * DAY);
  return next > now ? next : null;
}
