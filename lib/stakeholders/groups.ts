// The six stakeholder groups, in the order the IGF lists them. Labels live in the message catalogues.
import { StakeholderGroup, Gender } from "../db/generated/enums";

export const STAKEHOLDER_GROUPS = [
  StakeholderGroup.GOVERNMENT,
  StakeholderGroup.PRIVATE_SECTOR,
  StakeholderGroup.CIVIL_SOCIETY,
  StakeholderGroup.TECHNICAL_COMMUNITY,
  StakeholderGroup.ACADEMIC_COMMUNITY,
  StakeholderGroup.INTERGOVERNMENTAL_ORGANISATION,
] as const;

export const GENDERS = [Gender.FEMALE, Gender.MALE, Gender.NON_BINARY, Gender.SELF_DESCRIBED] as const;

export { StakeholderGroup, Gender };
