import { normaliseOpeningHours, OpeningWindowKind, Weekday, WEEKDAYS, type OpeningHours, type OpeningWindow } from '../src/modules/opening-hours/opening-hours';
import {
  BASE_ZONE,
  FIVE_INTO_FACILITIES,
  FiveIntoFacility,
  FunctionZoneKind,
  normaliseFunctionZones,
  ServedGroup,
  SERVED_GROUPS,
  STANDARD_ZONES,
  type FunctionZone,
} from '../src/modules/station/station-profile';
import { createRng, type Rng } from './support/deterministic';
import { loadSeededStations, type SeedDb, type SeededStation } from './support/seed-db';
import { URBAN_DISTRICT_CODES } from './xiangyang.data';

/**
 * Seed step 'xiangyang-station-profile': every seeded station's own profile — opening hours,
 * "1+4+N" function zones, 五进 facilities, groups served, the mobile party-member service point
 * (at all 57 暖新 stations, as the source article says) and the "1 centre + N stations" hubs of
 * the three urban districts. Pure assignment in buildStationProfiles; one multi-row UPDATE per
 * 500 stations writes it.
 */

export const STATION_PROFILE_SEED_NAME = 'xiangyang-station-profile';

/** 樊城区: its open stations keep the 七点半岗哨 evening post. */
export const EVENING_POST_DISTRICT = '420606';
export const EVENING_POST = { opens: '19:30', closes: '21:30' } as const;

export interface StationProfileSeed {
  id: string;
  openingHours: OpeningHours | null;
  functionZones: FunctionZone[];
  fiveIntoFacilities: FiveIntoFacility[];
  groupsServed: ServedGroup[];
  hostsMobilePartyMemberServicePoint: boolean;
  isHub: boolean;
  hubId: string | null;
}

const WORKDAYS: readonly Weekday[] = WEEKDAYS.slice(0, 5);
const WEEKEND: readonly Weekday[] = WEEKDAYS.slice(5);
const LABEL = 'xiangyang:station-profile';

/** Featured ("N") zones a leading station of each kind draws from. */
const FEATURED_BY_KIND: Record<string, readonly { kind: FunctionZoneKind; name?: string }[]> = {
  COMMUNITY: [
    { kind: FunctionZoneKind.ELDERLY_DAY_CARE },
    { kind: FunctionZoneKind.AFTER_SCHOOL_CLASS },
    { kind: FunctionZoneKind.SENIOR_SCHOOL },
    { kind: FunctionZoneKind.CHILD_CARE },
    { kind: FunctionZoneKind.SOCIAL_ORG_STUDIO },
    { kind: FunctionZoneKind.OTHER_FEATURED, name: '邻里食堂' },
  ],
  RURAL: [
    { kind: FunctionZoneKind.ELDERLY_DAY_CARE },
    { kind: FunctionZoneKind.SENIOR_SCHOOL },
    { kind: FunctionZoneKind.AFTER_SCHOOL_CLASS },
    { kind: FunctionZoneKind.OTHER_FEATURED, name: '农技服务站' },
  ],
  NEW_ECONOMY: [
    { kind: FunctionZoneKind.YOUTH_MAKER_SPACE },
    { kind: FunctionZoneKind.SOCIAL_ORG_STUDIO },
    { kind: FunctionZoneKind.CHILD_CARE },
    { kind: FunctionZoneKind.OTHER_FEATURED, name: '职工书屋' },
  ],
  WARM_NEW: [
    { kind: FunctionZoneKind.OTHER_FEATURED, name: '骑手之家' },
    { kind: FunctionZoneKind.OTHER_FEATURED, name: '爱心歇脚点' },
    { kind: FunctionZoneKind.SOCIAL_ORG_STUDIO },
    { kind: FunctionZoneKind.YOUTH_MAKER_SPACE },
  ],
};

/** Groups every station of a kind serves, and those some of them add (with the share that do). */
const GROUPS_BY_KIND: Record<string, { always: readonly ServedGroup[]; sometimes: readonly [ServedGroup, number][] }> = {
  COMMUNITY: {
    always: [ServedGroup.RESIDENTS, ServedGroup.ELDERLY, ServedGroup.CHILDREN],
    sometimes: [
      [ServedGroup.VETERANS, 0.3],
      [ServedGroup.PEOPLE_WITH_DISABILITIES, 0.3],
      [ServedGroup.YOUTH, 0.2],
      [ServedGroup.SANITATION_WORKERS, 0.15],
      [ServedGroup.FLOATING_PARTY_MEMBERS, 0.1],
    ],
  },
  RURAL: {
    always: [ServedGroup.VILLAGERS, ServedGroup.ELDERLY, ServedGroup.CHILDREN],
    sometimes: [
      [ServedGroup.FLOATING_PARTY_MEMBERS, 0.3],
      [ServedGroup.VETERANS, 0.2],
      [ServedGroup.PEOPLE_WITH_DISABILITIES, 0.2],
    ],
  },
  NEW_ECONOMY: {
    always: [ServedGroup.YOUTH, ServedGroup.ENTERPRISE_EMPLOYEES],
    sometimes: [
      [ServedGroup.FLOATING_PARTY_MEMBERS, 0.5],
      [ServedGroup.COURIERS, 0.15],
    ],
  },
  WARM_NEW: {
    always: [ServedGroup.DELIVERY_RIDERS, ServedGroup.COURIERS, ServedGroup.RIDE_HAILING_DRIVERS, ServedGroup.DOMESTIC_WORKERS],
    sometimes: [
      [ServedGroup.OUTDOOR_WORKERS, 0.5],
      [ServedGroup.SANITATION_WORKERS, 0.4],
      [ServedGroup.FLOATING_PARTY_MEMBERS, 0.3],
    ],
  },
};

/** District code of a seeded station (its community path: province/city/district/street/community/). */
const districtOf = (station: SeededStation) => station.regionPath.split('/')[2];
const streetOf = (station: SeededStation) => station.regionPath.split('/')[3];

/** The profile of every station, in the order given; deterministic for the same stations. */
export function buildStationProfiles(stations: readonly SeededStation[]): StationProfileSeed[] {
  const sorted = [...stations].sort((a, b) => a.code.localeCompare(b.code));
  const hours = createRng(`${LABEL}:hours`);
  const zones = createRng(`${LABEL}:zones`);
  const facilities = createRng(`${LABEL}:facilities`);
  const groups = createRng(`${LABEL}:groups`);
  const hubs = assignHubs(sorted);
  const profiles = new Map(
    sorted.map((station) => [
      station.id,
      {
        id: station.id,
        openingHours: openingHoursFor(station, hours),
        functionZones: zonesFor(station, zones),
        fiveIntoFacilities: facilitiesFor(station, facilities),
        groupsServed: groupsFor(station, groups),
        // All 57 暖新 stations host a 流动党员服务站 (source article), as do the leading stations of the two-new clusters.
        hostsMobilePartyMemberServicePoint: station.kind === 'WARM_NEW' || (station.kind === 'NEW_ECONOMY' && station.tier === 'LEADING'),
        isHub: hubs.hubIds.has(station.id),
        hubId: hubs.hubOf.get(station.id) ?? null,
      } satisfies StationProfileSeed,
    ]),
  );
  return stations.map((station) => profiles.get(station.id)!);
}

/**
 * In each street of the urban districts the first (by code) open LEADING station, else the first
 * open STANDARD one, is the street's 党群服务中心; every other station of the street belongs to it.
 */
function assignHubs(sorted: readonly SeededStation[]): { hubIds: Set<string>; hubOf: Map<string, string> } {
  const byStreet = new Map<string, SeededStation[]>();
  for (const station of sorted) {
    if (!URBAN_DISTRICT_CODES.includes(districtOf(station))) continue;
    const street = streetOf(station);
    byStreet.set(street, [...(byStreet.get(street) ?? []), station]);
  }
  const hubIds = new Set<string>();
  const hubOf = new Map<string, string>();
  for (const members of byStreet.values()) {
    const open = members.filter((station) => station.status === 'OPEN');
    const hub = open.find((station) => station.tier === 'LEADING') ?? open.find((station) => station.tier === 'STANDARD');
    if (!hub) continue;
    hubIds.add(hub.id);
    for (const member of members) if (member !== hub) hubOf.set(member.id, hub.id);
  }
  return { hubIds, hubOf };
}

function openingHoursFor(station: SeededStation, rng: Rng): OpeningHours | null {
  // Draw for every station so that one station's schedule does not shift the others'.
  const morning = rng.pick(['08:00', '08:30']);
  const afternoon = rng.pick(['14:00', '14:30']);
  const closing = rng.pick(['17:30', '18:00']);
  const staggered = rng.pick(['NONE', 'NONE', 'LUNCH', 'WEEKEND', 'BOTH'] as const);
  const extended = rng.chance(0.3);
  const noted = rng.chance(0.25);

  if (station.kind === 'WARM_NEW') {
    return checked({
      windows: WEEKDAYS.map((weekday) => window(weekday, '00:00', '24:00', OpeningWindowKind.REGULAR)),
      note: '全天候开放：歇脚、饮水、充电、热饭，骑手、快递员随到随用',
    });
  }
  if (station.status !== 'OPEN' && station.status !== 'SUSPENDED') return null;

  const windows: OpeningWindow[] = [];
  for (const weekday of WORKDAYS) {
    windows.push(window(weekday, morning, '12:00', OpeningWindowKind.REGULAR));
    if (staggered === 'LUNCH' || staggered === 'BOTH') windows.push(window(weekday, '12:00', afternoon, OpeningWindowKind.STAGGERED));
    windows.push(window(weekday, afternoon, closing, OpeningWindowKind.REGULAR));
    // 延时服务 ends at 19:30, where the evening post takes over.
    if (extended) windows.push(window(weekday, closing, '19:30', OpeningWindowKind.EXTENDED));
  }
  if (staggered === 'WEEKEND' || staggered === 'BOTH') {
    for (const weekday of WEEKEND) {
      windows.push(window(weekday, '09:00', '12:00', OpeningWindowKind.STAGGERED));
      windows.push(window(weekday, '14:30', '17:00', OpeningWindowKind.STAGGERED));
    }
  }
  if (station.status === 'OPEN' && districtOf(station) === EVENING_POST_DISTRICT) {
    for (const weekday of WEEKDAYS) windows.push(window(weekday, EVENING_POST.opens, EVENING_POST.closes, OpeningWindowKind.EVENING_POST));
  }
  return checked({ windows, note: noted ? '法定节假日开放时间另行公告' : null });
}

function window(weekday: Weekday, opens: string, closes: string, kind: OpeningWindowKind): OpeningWindow {
  return { weekday, opens, closes, kind };
}

/** Seeds go through the same rules as the API: a schedule it would refuse is a bug here. */
function checked(hours: OpeningHours): OpeningHours {
  const { hours: normalised, problems } = normaliseOpeningHours(hours);
  if (!normalised) throw new Error(`Seed opening hours are invalid: ${JSON.stringify(problems)}`);
  return normalised;
}

/** BASIC: the base and two standard zones; STANDARD: "1+4"; LEADING: "1+4" and two or three featured zones. */
function zonesFor(station: SeededStation, rng: Rng): FunctionZone[] {
  const area = (min: number, max: number) => (rng.chance(0.15) ? null : rng.int(min, max));
  const drafts: { kind: FunctionZoneKind; name?: string; areaSquareMetres: number | null }[] = [{ kind: BASE_ZONE, areaSquareMetres: area(40, 160) }];
  const standard = station.tier === 'BASIC' ? rng.shuffle(STANDARD_ZONES).slice(0, 2) : STANDARD_ZONES;
  for (const kind of standard) drafts.push({ kind, areaSquareMetres: area(15, 80) });
  if (station.tier === 'LEADING') {
    for (const featured of rng.shuffle(FEATURED_BY_KIND[station.kind]).slice(0, rng.int(2, 3))) {
      drafts.push({ ...featured, areaSquareMetres: area(30, 200) });
    }
  }
  const { zones, problems } = normaliseFunctionZones(drafts);
  if (!zones) throw new Error(`Seed function zones are invalid: ${JSON.stringify(problems)}`);
  return zones;
}

/** STANDARD and LEADING stations have all five; a BASIC one two to four of them. */
function facilitiesFor(station: SeededStation, rng: Rng): FiveIntoFacility[] {
  const some = rng.shuffle(FIVE_INTO_FACILITIES).slice(0, rng.int(2, 4));
  const chosen = station.tier === 'BASIC' ? some : FIVE_INTO_FACILITIES;
  return FIVE_INTO_FACILITIES.filter((facility) => chosen.includes(facility));
}

function groupsFor(station: SeededStation, rng: Rng): ServedGroup[] {
  const plan = GROUPS_BY_KIND[station.kind];
  const chosen = new Set<ServedGroup>(plan.always);
  for (const [group, share] of plan.sometimes) if (rng.chance(share)) chosen.add(group);
  return SERVED_GROUPS.filter((group) => chosen.has(group));
}

const BATCH_ROWS = 500;

/** Seed step: fills in every seeded station's profile. */
export async function seedStationProfiles(db: SeedDb): Promise<Record<string, number>> {
  const stations = await loadSeededStations(db);
  const profiles = buildStationProfiles(stations);
  const tuple = '(?::uuid, ?::jsonb, ?::jsonb, ?::text[], ?::text[], ?::boolean, ?::boolean, ?::uuid)';
  for (let start = 0; start < profiles.length; start += BATCH_ROWS) {
    const batch = profiles.slice(start, start + BATCH_ROWS);
    await db.execute(
      `update station s set opening_hours = v.opening_hours, function_zones = v.function_zones,
         five_into_facilities = v.five_into_facilities, groups_served = v.groups_served,
         hosts_mobile_party_member_service_point = v.mobile_point, is_hub = v.is_hub, hub_id = v.hub_id
       from (values ${batch.map(() => tuple).join(', ')})
         as v(id, opening_hours, function_zones, five_into_facilities, groups_served, mobile_point, is_hub, hub_id)
       where s.id = v.id`,
      batch.flatMap((profile) => [
        profile.id,
        profile.openingHours === null ? null : JSON.stringify(profile.openingHours),
        JSON.stringify(profile.functionZones),
        `{${profile.fiveIntoFacilities.join(',')}}`,
        `{${profile.groupsServed.join(',')}}`,
        profile.hostsMobilePartyMemberServicePoint,
        profile.isHub,
        profile.hubId,
      ]),
    );
  }
  return {
    stationProfiles: profiles.length,
    hubs: profiles.filter((profile) => profile.isHub).length,
    mobilePartyMemberServicePoints: profiles.filter((profile) => profile.hostsMobilePartyMemberServicePoint).length,
  };
}
