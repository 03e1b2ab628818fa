// The six stakeholder groups, in the order the IGF lists them, and "unclassified" for imported and transcribed
// inputs whose group is not known. Labels live in the message catalogues.
import { StakeholderGroup, Gender } from "../db/generated/enums";

/** The groups a person or organisation declares (sign-up, profile): the six, never "unclassified". */
export const STAKEHOLDER_GROUPS = [
  StakeholderGroup.GOVERNMENT,
  StakeholderGroup.PRIVATE_SECTOR,
  StakeholderGroup.CIVIL_SOCIETY,
  StakeholderGroup.TECHNICAL_COMMUNITY,
  StakeholderGroup.ACADEMIC_COMMUNITY,
  StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION,
] as const;

/** The group of an imported contribution, a transcript turn or a remote message nobody has classified yet. */
export const UNCLASSIFIED = StakeholderGroup.UNCLASSIFIED;

/**
 * Every group an input can carry: the six, then "unclassified". Anything that lists, counts or interleaves inputs
 * by group goes through this list, so unclassified inputs are counted apart and never silently dropped; shares and
 * balance caps are computed over the six only (lib/balance/rules.ts).
 */
export const INPUT_GROUPS = [...STAKEHOLDER_GROUPS, UNCLASSIFIED] as const;

export type DeclaredGroup = (typeof STAKEHOLDER_GROUPS)[number];

export function isClassified(group: StakeholderGroup): group is DeclaredGroup {
  return group !== UNCLASSIFIED;
}

export const GENDERS = [Gender.FEMALE, Gender.MALE, Gender.NON_BINARY, Gender.SELF_DESCRIBED] as const;

export { StakeholderGroup, Gender };
