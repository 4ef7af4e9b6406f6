import type { MessageKey, MessageParams } from '../../i18n/messages';

/**
 * The station's own profile beyond its registry data: the "1+4+N" function zones, the five
 * facilities brought "into the station" (五进), the groups it serves, the mobile party-member
 * service point, and its place in a "1 centre + N stations" hub network. Pure rules only.
 */

/** 功能区 The "1+4+N" function zones of a station. */
export enum FunctionZoneKind {
  PARTY_ACTIVITY_BASE = 'PARTY_ACTIVITY_BASE',
  GRID_WORK = 'GRID_WORK',
  CONVENIENCE_SERVICE = 'CONVENIENCE_SERVICE',
  DEMOCRATIC_CONSULTATION = 'DEMOCRATIC_CONSULTATION',
  CIVILIZATION_PRACTICE = 'CIVILIZATION_PRACTICE',
  ELDERLY_DAY_CARE = 'ELDERLY_DAY_CARE',
  YOUTH_MAKER_SPACE = 'YOUTH_MAKER_SPACE',
  CHILD_CARE = 'CHILD_CARE',
  SOCIAL_ORG_STUDIO = 'SOCIAL_ORG_STUDIO',
  SENIOR_SCHOOL = 'SENIOR_SCHOOL',
  AFTER_SCHOOL_CLASS = 'AFTER_SCHOOL_CLASS',
  OTHER_FEATURED = 'OTHER_FEATURED',
}

/** Which part of "1+4+N" a zone is: the one base, the four standard zones, or a featured one. */
export enum FunctionZoneCategory {
  BASE = 'BASE',
  STANDARD = 'STANDARD',
  FEATURED = 'FEATURED',
}

/** 五进 The five facilities brought into a station. */
export enum FiveIntoFacility {
  GOV_SERVICE_HOTLINE = 'GOV_SERVICE_HOTLINE',
  SELF_SERVICE_TERMINAL = 'SELF_SERVICE_TERMINAL',
  WIRELESS_NETWORK = 'WIRELESS_NETWORK',
  PROFESSIONAL_SOCIAL_ORG = 'PROFESSIONAL_SOCIAL_ORG',
  VOLUNTEER_FORCE = 'VOLUNTEER_FORCE',
}

/** 服务对象 Groups of people a station serves. */
export enum ServedGroup {
  RESIDENTS = 'RESIDENTS',
  VILLAGERS = 'VILLAGERS',
  ELDERLY = 'ELDERLY',
  CHILDREN = 'CHILDREN',
  YOUTH = 'YOUTH',
  DELIVERY_RIDERS = 'DELIVERY_RIDERS',
  COURIERS = 'COURIERS',
  RIDE_HAILING_DRIVERS = 'RIDE_HAILING_DRIVERS',
  DOMESTIC_WORKERS = 'DOMESTIC_WORKERS',
  SANITATION_WORKERS = 'SANITATION_WORKERS',
  OUTDOOR_WORKERS = 'OUTDOOR_WORKERS',
  FLOATING_PARTY_MEMBERS = 'FLOATING_PARTY_MEMBERS',
  ENTERPRISE_EMPLOYEES = 'ENTERPRISE_EMPLOYEES',
  PEOPLE_WITH_DISABILITIES = 'PEOPLE_WITH_DISABILITIES',
  VETERANS = 'VETERANS',
}

export const FUNCTION_ZONE_KINDS: readonly FunctionZoneKind[] = Object.values(FunctionZoneKind);
export const FIVE_INTO_FACILITIES: readonly FiveIntoFacility[] = Object.values(FiveIntoFacility);
export const SERVED_GROUPS: readonly ServedGroup[] = Object.values(ServedGroup);

export const FUNCTION_ZONE_NAMES_ZH: Record<FunctionZoneKind, string> = {
  PARTY_ACTIVITY_BASE: '党员活动基地',
  GRID_WORK: '网格工作区',
  CONVENIENCE_SERVICE: '便民服务区',
  DEMOCRATIC_CONSULTATION: '民主议事区',
  CIVILIZATION_PRACTICE: '新时代文明实践区',
  ELDERLY_DAY_CARE: '老年日间照料中心',
  YOUTH_MAKER_SPACE: '青年创客空间',
  CHILD_CARE: '幼儿托管中心',
  SOCIAL_ORG_STUDIO: '社会组织工作室',
  SENIOR_SCHOOL: '老年学校',
  AFTER_SCHOOL_CLASS: '四点半课堂',
  OTHER_FEATURED: '其他特色功能区',
};

export const FIVE_INTO_NAMES_ZH: Record<FiveIntoFacility, string> = {
  GOV_SERVICE_HOTLINE: '政务服务专线',
  SELF_SERVICE_TERMINAL: '自助服务终端',
  WIRELESS_NETWORK: '无线网络',
  PROFESSIONAL_SOCIAL_ORG: '专业社会组织',
  VOLUNTEER_FORCE: '志愿服务力量',
};

/** The "1" of "1+4+N". */
export const BASE_ZONE = FunctionZoneKind.PARTY_ACTIVITY_BASE;

/** The "4" of "1+4+N". */
export const STANDARD_ZONES: readonly FunctionZoneKind[] = [
  FunctionZoneKind.GRID_WORK,
  FunctionZoneKind.CONVENIENCE_SERVICE,
  FunctionZoneKind.DEMOCRATIC_CONSULTATION,
  FunctionZoneKind.CIVILIZATION_PRACTICE,
];

/** The "N": featured zones a station adds to suit its neighbourhood. */
export const FEATURED_ZONES: readonly FunctionZoneKind[] = FUNCTION_ZONE_KINDS.filter((kind) => kind !== BASE_ZONE && !STANDARD_ZONES.includes(kind));

export function zoneCategory(kind: FunctionZoneKind): FunctionZoneCategory {
  if (kind === BASE_ZONE) return FunctionZoneCategory.BASE;
  return STANDARD_ZONES.includes(kind) ? FunctionZoneCategory.STANDARD : FunctionZoneCategory.FEATURED;
}

/** One function zone as stored (jsonb element) and returned. The name is always filled in. */
export interface FunctionZone {
  kind: FunctionZoneKind;
  name: string;
  areaSquareMetres: number | null;
}

export const ZONE_NAME_MAX = 30;
export const MAX_FUNCTION_ZONES = 30;
/** No station room is larger than this; a bigger figure is a typo (e.g. square decimetres). */
export const ZONE_AREA_MAX = 100_000;

export interface ProfileProblem {
  /** Path below the list input, e.g. "2.name". */
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

/**
 * Checks and normalises a whole function-zone list: a name defaults to the zone's Chinese name
 * and is required for OTHER_FEATURED; an area must be positive; a kind may appear once, except
 * OTHER_FEATURED, which may appear several times under different names. Returned in "1+4+N" order.
 */
export function normaliseFunctionZones(input: readonly { kind: FunctionZoneKind; name?: string | null; areaSquareMetres?: number | null }[]): {
  zones: FunctionZone[] | null;
  problems: ProfileProblem[];
} {
  const problems: ProfileProblem[] = [];
  if (input.length > MAX_FUNCTION_ZONES) problems.push({ field: '', key: 'FUNCTION_ZONES_TOO_MANY', params: { max: MAX_FUNCTION_ZONES } });
  const seen = new Set<string>();
  const zones = input.map((zone, index) => {
    const given = zone.name?.trim() || null;
    const kindZh = FUNCTION_ZONE_NAMES_ZH[zone.kind];
    if (!given && zone.kind === FunctionZoneKind.OTHER_FEATURED) {
      problems.push({ field: `${index}.name`, key: 'FUNCTION_ZONE_NAME_REQUIRED' });
    } else if (given && [...given].length > ZONE_NAME_MAX) {
      problems.push({ field: `${index}.name`, key: 'FUNCTION_ZONE_NAME_TOO_LONG', params: { max: ZONE_NAME_MAX } });
    }
    const area = zone.areaSquareMetres ?? null;
    if (area !== null && !(Number.isFinite(area) && area > 0 && area <= ZONE_AREA_MAX)) {
      problems.push({ field: `${index}.areaSquareMetres`, key: 'FUNCTION_ZONE_AREA_INVALID', params: { value: area, max: ZONE_AREA_MAX } });
    }
    const name = given ?? kindZh;
    const key = zone.kind === FunctionZoneKind.OTHER_FEATURED ? `${zone.kind}:${name}` : zone.kind;
    if (seen.has(key)) {
      problems.push({
        field: `${index}.kind`,
        key: zone.kind === FunctionZoneKind.OTHER_FEATURED ? 'FUNCTION_ZONE_NAME_DUPLICATE' : 'FUNCTION_ZONE_DUPLICATE',
        params: { kind: zone.kind, kindZh, name },
      });
    }
    seen.add(key);
    return { kind: zone.kind, name, areaSquareMetres: area === null ? null : Math.round(area * 10) / 10 };
  });
  if (problems.length) return { zones: null, problems };
  const order = (zone: FunctionZone) => FUNCTION_ZONE_KINDS.indexOf(zone.kind);
  return { zones: zones.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name)), problems };
}

/** "1+4": the party-activity base and all four standard zones are there. */
export function meetsOnePlusFour(zones: readonly Pick<FunctionZone, 'kind'>[]): boolean {
  const kinds = new Set(zones.map((zone) => zone.kind));
  return kinds.has(BASE_ZONE) && STANDARD_ZONES.every((kind) => kinds.has(kind));
}

/** 五进 complete: all five facilities are in the station. */
export function fiveIntoComplete(facilities: readonly FiveIntoFacility[]): boolean {
  return FIVE_INTO_FACILITIES.every((facility) => facilities.includes(facility));
}

/** A set of enum values, deduplicated and in declaration order, so equal sets store equally. */
export function enumSet<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  const given = new Set(values);
  return order.filter((value) => given.has(value));
}

/**
 * The path of the district (county-level division) a region lies in: the first three
 * segments of its path, e.g. '420000/420600/420606/' for any community of 樊城区.
 */
export function districtPathOf(regionPath: string): string | null {
  const segments = regionPath.split('/').filter(Boolean);
  return segments.length >= 3 ? `${segments.slice(0, 3).join('/')}/` : null;
}
