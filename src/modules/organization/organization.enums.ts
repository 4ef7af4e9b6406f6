/** 组织类型 What kind of organization co-builds or serves a station. */
export enum OrganizationKind {
  COMMUNITY_PARTY_ORG = 'COMMUNITY_PARTY_ORG',
  DUAL_REPORTING_PARTY_ORG = 'DUAL_REPORTING_PARTY_ORG',
  RESIDENT_UNIT_PARTY_ORG = 'RESIDENT_UNIT_PARTY_ORG',
  SOCIAL_ORG = 'SOCIAL_ORG',
  VOLUNTEER_ORG = 'VOLUNTEER_ORG',
  PROPERTY_SERVICE = 'PROPERTY_SERVICE',
  ENTERPRISE = 'ENTERPRISE',
  CHAMBER = 'CHAMBER',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  OTHER = 'OTHER',
}

/** Kinds that are party organizations: only these can be a station's managing party organization. */
export const PARTY_ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.COMMUNITY_PARTY_ORG,
  OrganizationKind.DUAL_REPORTING_PARTY_ORG,
  OrganizationKind.RESIDENT_UNIT_PARTY_ORG,
];

/** Why a stored credit code is flagged. */
export enum CreditCodeWarning {
  /** Legal length and alphabet, but the GB 32100-2015 check character does not match (e.g. early Fujian pilot codes). */
  CHECK_CHARACTER_MISMATCH = 'CHECK_CHARACTER_MISMATCH',
}
