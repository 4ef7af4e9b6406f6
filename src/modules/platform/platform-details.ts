import { UserErrorCode } from '../../graphql/errors';
import type { Problems, RecordKind } from '../../graphql/mutation';
import { BUS_SERVICES, BusService, CARE_AMENITIES, CareAmenity, PlatformKind, PLATFORM_KIND_NAMES_ZH } from './platform.enums';

/**
 * The kind-specific figures of a platform, as stored: one typed column each, null for the
 * columns of other kinds. The same names are used by the entity, the read records and the seed.
 */
export interface PlatformDetails {
  careAmenities: CareAmenity[] | null;
  careRestSeats: number | null;
  gigJobPostings: number | null;
  gigMatchesMade: number | null;
  gigRegisteredWorkers: number | null;
  govSelfServiceTerminals: number | null;
  busServices: BusService[] | null;
  busTerminals: number | null;
  mediationCasesReceived: number | null;
  mediationCasesMediated: number | null;
  mediationMediators: number | null;
  otherKindName: string | null;
}

export const EMPTY_DETAILS: Readonly<PlatformDetails> = {
  careAmenities: null,
  careRestSeats: null,
  gigJobPostings: null,
  gigMatchesMade: null,
  gigRegisteredWorkers: null,
  govSelfServiceTerminals: null,
  busServices: null,
  busTerminals: null,
  mediationCasesReceived: null,
  mediationCasesMediated: null,
  mediationMediators: null,
  otherKindName: null,
};

/** The detail sub-inputs of create/updatePlatform, as plain data. */
export interface UnionCareDetailsInput {
  amenities: CareAmenity[];
  restSeats?: number | null;
}
export interface GigWorkDetailsInput {
  jobPostings: number;
  matchesMade: number;
  registeredWorkers: number;
}
export interface GovService24hDetailsInput {
  selfServiceTerminals: number;
  /** Catalogue codes of the items it handles; given: replaces the list. Linked by the service, not a column. */
  serviceItemCodes?: string[] | null;
}
export interface BusSelfServiceDetailsInput {
  busServices: BusService[];
  terminals?: number | null;
}
export interface PriceMediationDetailsInput {
  casesReceived: number;
  casesMediated: number;
  mediators: number;
}
export interface OtherDetailsInput {
  kindName: string;
}

export interface DetailInputs {
  unionCare?: UnionCareDetailsInput | null;
  gigWork?: GigWorkDetailsInput | null;
  govService24h?: GovService24hDetailsInput | null;
  busSelfService?: BusSelfServiceDetailsInput | null;
  priceMediation?: PriceMediationDetailsInput | null;
  other?: OtherDetailsInput | null;
}

export type DetailField = keyof DetailInputs;

/** Which sub-input carries the details of each kind. */
export const DETAIL_FIELD: Record<PlatformKind, DetailField> = {
  UNION_CARE_STATION: 'unionCare',
  GIG_WORK_STATION: 'gigWork',
  GOV_SERVICE_24H: 'govService24h',
  BUS_SELF_SERVICE: 'busSelfService',
  PRICE_DISPUTE_MEDIATION: 'priceMediation',
  OTHER: 'other',
};

const DETAIL_FIELDS = Object.values(DETAIL_FIELD);
const KIND_OF_FIELD = Object.fromEntries(Object.entries(DETAIL_FIELD).map(([kind, field]) => [field, kind])) as Record<DetailField, PlatformKind>;

/** Sane upper bounds that catch typing mistakes (an extra zero) without limiting real stations. */
export const LIMITS = {
  restSeats: 500,
  cumulativeCount: 1_000_000,
  terminals: 50,
  mediators: 100,
  kindName: 30,
} as const;

interface CountRule {
  label: RecordKind;
  min: number;
  max: number;
}

const COUNT_RULES = {
  restSeats: { label: { zh: '休息座位数', en: 'number of rest seats' }, min: 0, max: LIMITS.restSeats },
  jobPostings: { label: { zh: '发布岗位数', en: 'number of job openings posted' }, min: 0, max: LIMITS.cumulativeCount },
  matchesMade: { label: { zh: '撮合成功数', en: 'number of openings filled' }, min: 0, max: LIMITS.cumulativeCount },
  registeredWorkers: { label: { zh: '登记求职人数', en: 'number of registered job seekers' }, min: 0, max: LIMITS.cumulativeCount },
  selfServiceTerminals: { label: { zh: '自助服务终端数', en: 'number of self-service terminals' }, min: 1, max: LIMITS.terminals },
  terminals: { label: { zh: '自助终端数', en: 'number of terminals' }, min: 0, max: LIMITS.terminals },
  casesReceived: { label: { zh: '受理案件数', en: 'number of cases received' }, min: 0, max: LIMITS.cumulativeCount },
  casesMediated: { label: { zh: '调解成功案件数', en: 'number of cases mediated' }, min: 0, max: LIMITS.cumulativeCount },
  mediators: { label: { zh: '调解员人数', en: 'number of mediators' }, min: 1, max: LIMITS.mediators },
} satisfies Record<string, CountRule>;

function checkCount(problems: Problems, path: string, rule: CountRule, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    problems.add(path, UserErrorCode.INVALID, 'PLATFORM_COUNT_RANGE', { labelZh: rule.label.zh, label: rule.label.en, min: rule.min, max: rule.max, value });
    return null;
  }
  return value;
}

/** Distinct values in the enum's own order, so stored lists compare and display consistently. */
function canonicalList<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  const given = new Set(values);
  return order.filter((value) => given.has(value));
}

/**
 * Checks the detail sub-inputs of a mutation for a platform of `kind`: only the kind's own
 * sub-input may be given (another kind's is a user error), and on create it is required.
 * Returns the stored columns for the kind (all other kinds' columns null), or `undefined`
 * when no details were given (update) or the input has problems (added to `problems`).
 */
export function checkPlatformDetails(problems: Problems, kind: PlatformKind, inputs: DetailInputs, required: boolean): PlatformDetails | undefined {
  const own = DETAIL_FIELD[kind];
  for (const field of DETAIL_FIELDS) {
    if (field !== own && inputs[field] != null) {
      const other = KIND_OF_FIELD[field];
      problems.add(field, UserErrorCode.INVALID, 'PLATFORM_DETAILS_WRONG_KIND', {
        field,
        ownField: own,
        kind,
        kindZh: PLATFORM_KIND_NAMES_ZH[kind],
        otherKind: other,
        otherKindZh: PLATFORM_KIND_NAMES_ZH[other],
      });
    }
  }
  const given = inputs[own];
  if (given == null) {
    if (required) problems.add(own, UserErrorCode.REQUIRED, 'PLATFORM_DETAILS_REQUIRED', { field: own, kind, kindZh: PLATFORM_KIND_NAMES_ZH[kind] });
    return undefined;
  }
  const before = problems.errors.length;
  const details = { ...EMPTY_DETAILS };
  const at = (name: string) => `${own}.${name}`;
  switch (kind) {
    case PlatformKind.UNION_CARE_STATION: {
      const input = given as UnionCareDetailsInput;
      const amenities = canonicalList(input.amenities, CARE_AMENITIES);
      if (!amenities.length) problems.add(at('amenities'), UserErrorCode.REQUIRED, 'PLATFORM_AMENITIES_REQUIRED');
      const seats = checkCount(problems, at('restSeats'), COUNT_RULES.restSeats, input.restSeats);
      if (seats !== null && amenities.length && seats > 0 !== amenities.includes(CareAmenity.REST_SEATS)) {
        problems.add(at('restSeats'), UserErrorCode.INVALID, seats > 0 ? 'PLATFORM_REST_SEATS_WITHOUT_AMENITY' : 'PLATFORM_REST_SEATS_ZERO', { seats });
      }
      Object.assign(details, { careAmenities: amenities, careRestSeats: seats });
      break;
    }
    case PlatformKind.GIG_WORK_STATION: {
      const input = given as GigWorkDetailsInput;
      const postings = checkCount(problems, at('jobPostings'), COUNT_RULES.jobPostings, input.jobPostings);
      const matches = checkCount(problems, at('matchesMade'), COUNT_RULES.matchesMade, input.matchesMade);
      const workers = checkCount(problems, at('registeredWorkers'), COUNT_RULES.registeredWorkers, input.registeredWorkers);
      if (postings !== null && matches !== null && matches > postings) {
        problems.add(at('matchesMade'), UserErrorCode.INVALID, 'PLATFORM_MATCHES_OVER_POSTINGS', { matches, postings });
      }
      Object.assign(details, { gigJobPostings: postings, gigMatchesMade: matches, gigRegisteredWorkers: workers });
      break;
    }
    case PlatformKind.GOV_SERVICE_24H: {
      const input = given as GovService24hDetailsInput;
      details.govSelfServiceTerminals = checkCount(problems, at('selfServiceTerminals'), COUNT_RULES.selfServiceTerminals, input.selfServiceTerminals);
      break;
    }
    case PlatformKind.BUS_SELF_SERVICE: {
      const input = given as BusSelfServiceDetailsInput;
      const services = canonicalList(input.busServices, BUS_SERVICES);
      if (!services.length) problems.add(at('busServices'), UserErrorCode.REQUIRED, 'PLATFORM_BUS_SERVICES_REQUIRED');
      Object.assign(details, { busServices: services, busTerminals: checkCount(problems, at('terminals'), COUNT_RULES.terminals, input.terminals) });
      break;
    }
    case PlatformKind.PRICE_DISPUTE_MEDIATION: {
      const input = given as PriceMediationDetailsInput;
      const received = checkCount(problems, at('casesReceived'), COUNT_RULES.casesReceived, input.casesReceived);
      const mediated = checkCount(problems, at('casesMediated'), COUNT_RULES.casesMediated, input.casesMediated);
      const mediators = checkCount(problems, at('mediators'), COUNT_RULES.mediators, input.mediators);
      if (received !== null && mediated !== null && mediated > received) {
        problems.add(at('casesMediated'), UserErrorCode.INVALID, 'PLATFORM_MEDIATED_OVER_RECEIVED', { mediated, received });
      }
      Object.assign(details, { mediationCasesReceived: received, mediationCasesMediated: mediated, mediationMediators: mediators });
      break;
    }
    case PlatformKind.OTHER: {
      const input = given as OtherDetailsInput;
      const name = input.kindName.trim();
      if (!name) problems.add(at('kindName'), UserErrorCode.REQUIRED, 'PLATFORM_KIND_NAME_REQUIRED');
      else if ([...name].length > LIMITS.kindName) problems.add(at('kindName'), UserErrorCode.TOO_LONG, 'PLATFORM_KIND_NAME_TOO_LONG', { max: LIMITS.kindName });
      details.otherKindName = name;
      break;
    }
  }
  return problems.errors.length > before ? undefined : details;
}
