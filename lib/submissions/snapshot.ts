// What a contribution remembers about its contributor at submission time, so later profile edits never rewrite it.
import type { Gender, OnBehalfOf, StakeholderGroup } from "../db/generated/enums";
import { placeOf, type UnRegion } from "../geo/countries";

export interface ContributorProfile {
  id: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  country: string;
  gender: Gender | null;
  organisation: { id: string; name: string } | null;
}

export interface ContributorSnapshot {
  contributorKey: string;
  contributorName: string;
  organisationId: string | null;
  organisationName: string | null;
  onBehalfOf: OnBehalfOf;
  stakeholderGroup: StakeholderGroup;
  country: string;
  region: UnRegion;
  developing: boolean;
  gender: Gender | null;
}

/** The cap counts per organisation when someone writes on its behalf, else per person. */
export function snapshotOf(user: ContributorProfile, onBehalfOf: OnBehalfOf): ContributorSnapshot {
  const org = onBehalfOf === "ORGANISATION" ? user.organisation : null;
  return {
    contributorKey: org ? `org:${org.id}` : `user:${user.id}`,
    contributorName: user.name,
    organisationId: org?.id ?? null,
    organisationName: org?.name ?? null,
    onBehalfOf: org ? "ORGANISATION" : "SELF",
    stakeholderGroup: user.stakeholderGroup,
    ...placeOf(user.country),
    gender: user.gender,
  };
}
