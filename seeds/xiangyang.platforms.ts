import { OpeningWindowKind, Weekday, type OpeningHours, type OpeningWindow } from '../src/modules/opening-hours/opening-hours';
import { EMPTY_DETAILS, type PlatformDetails } from '../src/modules/platform/platform-details';
import { BusService, CareAmenity, PlatformKind } from '../src/modules/platform/platform.enums';
import { createRng, seedUuid, type Rng } from './support/deterministic';
import { insertBatches, loadSeededStations, type SeedDb, type SeededStation } from './support/seed-db';
import { seedDepartmentId } from './xiangyang.departments';

/**
 * The platforms (整合平台) partner departments have merged into Xiangyang's stations: union care
 * stations of the trade union at most open community stations and every 暖新 station, gig-work
 * stations of the human-resources bureau, 24-hour government service points in the urban
 * districts, bus self-service points, price-dispute mediation points, and a few others (legal
 * service and disability service points). Pure and deterministic: the same stations in give the
 * same rows out.
 */

export interface SeedPlatform {
  id: string;
  kind: PlatformKind;
  stationId: string;
  /** Code of the station, for checks; not a column. */
  stationCode: string;
  departmentCode: string;
  name: string;
  ownerRef: string;
  openingHours: OpeningHours;
  active: boolean;
  details: PlatformDetails;
  createdAt: string;
}

/** The figures the builder produces from the Xiangyang seed's stations. */
export const PLATFORM_FIGURES = {
  /** Open community stations that also host a union care station (plus every 暖新 station). */
  unionCareAtCommunityStations: 600,
  gigWork: 100,
  govService24h: 60,
  busSelfService: 40,
  priceMediation: 30,
  legalService: 12,
  disabilityService: 8,
  /** Every this-many-th platform of a kind has withdrawn (deactivated, never deleted). */
  inactiveEvery: 40,
} as const;

/** Gig-work stations per county-level division: more where the job seekers are. */
const GIG_WORK_PER_DISTRICT: Readonly<Record<string, number>> = {
  '420602': 14,
  '420606': 20,
  '420607': 14,
  '420624': 7,
  '420625': 8,
  '420626': 5,
  '420682': 8,
  '420683': 14,
  '420684': 10,
};

/** 24-hour points per urban district: run by the district's 政数局, some by the city bureau. */
const GOV_24H_PER_DISTRICT: Readonly<Record<string, { owner: string; prefix: string; count: number; cityCount: number }>> = {
  '420602': { owner: 'XC-ZWJ', prefix: 'XCZWJ-24H', count: 12, cityCount: 4 },
  '420606': { owner: 'FC-ZWJ', prefix: 'FCZWJ-24H', count: 20, cityCount: 6 },
  '420607': { owner: 'XZ-ZWJ', prefix: 'XZZWJ-24H', count: 14, cityCount: 4 },
};

const BUS_PER_DISTRICT: Readonly<Record<string, number>> = { '420602': 12, '420606': 18, '420607': 10 };

const MEDIATION_PER_DISTRICT: Readonly<Record<string, number>> = {
  '420602': 4,
  '420606': 6,
  '420607': 4,
  '420624': 2,
  '420625': 3,
  '420626': 2,
  '420682': 3,
  '420683': 4,
  '420684': 2,
};

const LEGAL_PER_DISTRICT: Readonly<Record<string, number>> = { '420602': 3, '420606': 4, '420607': 2, '420683': 2, '420684': 1 };
const DISABILITY_PER_DISTRICT: Readonly<Record<string, number>> = { '420602': 2, '420606': 3, '420607': 2, '420682': 1 };

const RNG_LABEL = 'xiangyang-platforms';
const EVERY_DAY: readonly Weekday[] = Object.values(Weekday);
const WORKDAYS: readonly Weekday[] = EVERY_DAY.slice(0, 5);

function schedule(parts: { days: readonly Weekday[]; opens: string; closes: string; kind?: OpeningWindowKind }[], note: string | null): OpeningHours {
  const windows: OpeningWindow[] = [];
  for (const day of EVERY_DAY) {
    for (const part of parts) {
      if (part.days.includes(day)) windows.push({ weekday: day, opens: part.opens, closes: part.closes, kind: part.kind ?? OpeningWindowKind.REGULAR });
    }
  }
  windows.sort((a, b) => EVERY_DAY.indexOf(a.weekday) - EVERY_DAY.indexOf(b.weekday) || a.opens.localeCompare(b.opens));
  return { windows, note };
}

const HOURS = {
  unionCare: schedule([{ days: EVERY_DAY, opens: '08:00', closes: '20:00' }], '户外劳动者可随时进站歇脚、饮水、充电'),
  unionCareWarmNew: schedule(
    [
      { days: EVERY_DAY, opens: '06:30', closes: '09:00', kind: OpeningWindowKind.STAGGERED },
      { days: EVERY_DAY, opens: '09:00', closes: '18:00' },
      { days: EVERY_DAY, opens: '18:00', closes: '22:00', kind: OpeningWindowKind.EXTENDED },
    ],
    '外卖、快递小哥早晚高峰错时延时开放',
  ),
  gigWork: schedule(
    [
      { days: EVERY_DAY, opens: '06:30', closes: '08:30', kind: OpeningWindowKind.STAGGERED },
      { days: WORKDAYS, opens: '08:30', closes: '12:00' },
      { days: WORKDAYS, opens: '14:30', closes: '17:30' },
    ],
    '清晨零工对接，工作日全天登记求职、发布岗位',
  ),
  govService24h: schedule([{ days: EVERY_DAY, opens: '00:00', closes: '24:00' }], '自助服务区全天候开放，节假日不休'),
  bus: schedule([{ days: EVERY_DAY, opens: '08:00', closes: '18:00' }], null),
  mediation: schedule(
    [
      { days: WORKDAYS, opens: '08:30', closes: '12:00' },
      { days: WORKDAYS, opens: '14:30', closes: '17:30' },
    ],
    '法定节假日休息，可拨打12315反映价格争议',
  ),
  other: schedule([{ days: WORKDAYS, opens: '09:00', closes: '17:00' }], null),
};

interface Placement {
  station: SeededStation;
  kind: PlatformKind;
  departmentCode: string;
  refPrefix: string;
  name: string;
  hours: OpeningHours;
  details: PlatformDetails;
}

const districtOf = (station: SeededStation) => station.regionCode.slice(0, 6);
/** The street code is the fourth segment of a community's path (province/city/district/street/community). */
const streetOf = (station: SeededStation) => station.regionPath.split('/')[3];
const isOpenCommunity = (station: SeededStation) => station.status === 'OPEN' && station.kind === 'COMMUNITY';

/**
 * Picks `count` stations of a district that match, new-economy clusters first when `preferKinds`
 * says so, skipping stations that already host a platform of the kind. Deterministic shuffle.
 */
function pick(
  rng: Rng,
  stations: readonly SeededStation[],
  district: string,
  count: number,
  eligible: (station: SeededStation) => boolean,
  taken: Set<string>,
  preferKinds: readonly string[] = [],
): SeededStation[] {
  const candidates = rng.shuffle(stations.filter((station) => districtOf(station) === district && eligible(station) && !taken.has(station.id)));
  candidates.sort((a, b) => Number(preferKinds.includes(b.kind)) - Number(preferKinds.includes(a.kind)));
  if (candidates.length < count) throw new Error(`District ${district} has ${candidates.length} stations for ${count} platforms`);
  const chosen = candidates.slice(0, count);
  for (const station of chosen) taken.add(station.id);
  return chosen;
}

function careDetails(rng: Rng): PlatformDetails {
  const odds: [CareAmenity, number][] = [
    [CareAmenity.DRINKING_WATER, 1],
    [CareAmenity.PHONE_CHARGING, 1],
    [CareAmenity.REST_SEATS, 0.9],
    [CareAmenity.MICROWAVE, 0.7],
    [CareAmenity.TOILET, 0.6],
    [CareAmenity.MEDICINE_KIT, 0.8],
    [CareAmenity.AIR_CONDITIONING, 0.65],
    [CareAmenity.WIFI, 0.75],
    [CareAmenity.READING_CORNER, 0.3],
    [CareAmenity.UMBRELLA_LENDING, 0.5],
  ];
  const chosen = new Set(odds.filter(([, odd]) => rng.chance(odd)).map(([amenity]) => amenity));
  const amenities = Object.values(CareAmenity).filter((amenity) => chosen.has(amenity));
  return { ...EMPTY_DETAILS, careAmenities: amenities, careRestSeats: chosen.has(CareAmenity.REST_SEATS) ? rng.int(4, 16) : 0 };
}

function gigDetails(rng: Rng): PlatformDetails {
  const postings = rng.int(60, 600);
  return {
    ...EMPTY_DETAILS,
    gigJobPostings: postings,
    gigMatchesMade: Math.round(postings * rng.float(0.35, 0.8)),
    gigRegisteredWorkers: rng.int(80, 900),
  };
}

function busDetails(rng: Rng): PlatformDetails {
  const chosen = new Set<BusService>([BusService.CARD_TOP_UP, BusService.ROUTE_INQUIRY]);
  if (rng.chance(0.5)) chosen.add(BusService.CARD_ISSUE);
  if (rng.chance(0.4)) chosen.add(BusService.SENIOR_CARD);
  if (rng.chance(0.3)) chosen.add(BusService.LOST_AND_FOUND);
  return {
    ...EMPTY_DETAILS,
    busServices: Object.values(BusService).filter((service) => chosen.has(service)),
    busTerminals: rng.chance(0.1) ? null : rng.int(1, 3),
  };
}

function mediationDetails(rng: Rng): PlatformDetails {
  const received = rng.int(5, 120);
  return {
    ...EMPTY_DETAILS,
    mediationCasesReceived: received,
    mediationCasesMediated: Math.floor(received * rng.float(0.7, 0.98)),
    mediationMediators: rng.int(1, 4),
  };
}

/** A registration date in 2023 (the third year of the action plan), at 09:00 China time. */
function createdIn2023(rng: Rng): string {
  const day = new Date(Date.UTC(2023, 0, 1) + rng.int(0, 363) * 86_400_000).toISOString().slice(0, 10);
  return `${day}T09:00:00+08:00`;
}

/**
 * Builds the platforms for the seeded stations. `regionNames` maps street and community codes to
 * their names. Throws when the stations cannot carry the planned figures.
 */
export function buildPlatformSeed(stations: readonly SeededStation[], regionNames: ReadonlyMap<string, string>): SeedPlatform[] {
  const usable = [...stations].filter((station) => station.status !== 'CLOSED').sort((a, b) => a.code.localeCompare(b.code));
  const community = (station: SeededStation) => regionNames.get(station.regionCode) ?? station.code;
  const street = (station: SeededStation) => regionNames.get(streetOf(station)) ?? '';
  const placements: Placement[] = [];
  const districts = [...new Set(usable.map(districtOf))].sort();

  // Union care stations: every 暖新 station, and most open community stations.
  {
    const rng = createRng(`${RNG_LABEL}:union-care`);
    const warmNew = usable.filter((station) => station.kind === 'WARM_NEW');
    const openCommunity = rng.shuffle(usable.filter(isOpenCommunity)).slice(0, PLATFORM_FIGURES.unionCareAtCommunityStations);
    for (const station of [...warmNew, ...openCommunity]) {
      placements.push({
        station,
        kind: PlatformKind.UNION_CARE_STATION,
        departmentCode: 'XY-ZGH',
        refPrefix: 'ZGH-AX',
        name: `${community(station)}${station.kind === 'WARM_NEW' ? '暖新' : ''}工会爱心驿站`,
        hours: station.kind === 'WARM_NEW' ? HOURS.unionCareWarmNew : HOURS.unionCare,
        details: careDetails(rng),
      });
    }
  }

  // Gig-work stations: new-economy clusters first, then open community stations.
  {
    const rng = createRng(`${RNG_LABEL}:gig-work`);
    const taken = new Set<string>();
    for (const district of districts) {
      const eligible = (station: SeededStation) => station.status === 'OPEN' && (station.kind === 'NEW_ECONOMY' || station.kind === 'COMMUNITY');
      for (const station of pick(rng, usable, district, GIG_WORK_PER_DISTRICT[district] ?? 0, eligible, taken, ['NEW_ECONOMY'])) {
        placements.push({
          station,
          kind: PlatformKind.GIG_WORK_STATION,
          departmentCode: 'XY-RSJ',
          refPrefix: 'RSJ-LG',
          name: `${street(station)}${community(station)}零工驿站`,
          hours: HOURS.gigWork,
          details: gigDetails(rng),
        });
      }
    }
  }

  // 24-hour government service points in the three urban districts.
  {
    const rng = createRng(`${RNG_LABEL}:gov-24h`);
    const taken = new Set<string>();
    for (const [district, plan] of Object.entries(GOV_24H_PER_DISTRICT)) {
      const chosen = pick(rng, usable, district, plan.count + plan.cityCount, (station) => station.status === 'OPEN' && station.kind !== 'RURAL', taken);
      chosen.forEach((station, index) => {
        const byCity = index >= plan.count;
        placements.push({
          station,
          kind: PlatformKind.GOV_SERVICE_24H,
          departmentCode: byCity ? 'XY-ZWJ' : plan.owner,
          refPrefix: byCity ? 'ZWJ-24H' : plan.prefix,
          name: `${community(station)}24小时政务服务驿站`,
          hours: HOURS.govService24h,
          details: { ...EMPTY_DETAILS, govSelfServiceTerminals: byCity ? rng.int(2, 6) : rng.int(1, 4) },
        });
      });
    }
  }

  // Bus self-service points along the urban bus network.
  {
    const rng = createRng(`${RNG_LABEL}:bus`);
    const taken = new Set<string>();
    for (const [district, count] of Object.entries(BUS_PER_DISTRICT)) {
      for (const station of pick(rng, usable, district, count, (s) => s.status === 'OPEN' && s.kind === 'COMMUNITY', taken)) {
        placements.push({
          station,
          kind: PlatformKind.BUS_SELF_SERVICE,
          departmentCode: 'XY-GJJT',
          refPrefix: 'GJJT-ZZ',
          name: `${community(station)}公交自助服务站`,
          hours: HOURS.bus,
          details: busDetails(rng),
        });
      }
    }
  }

  // Price-dispute mediation points: two in three run by market regulation, the rest by the price bureau.
  {
    const rng = createRng(`${RNG_LABEL}:mediation`);
    const taken = new Set<string>();
    let n = 0;
    for (const district of districts) {
      for (const station of pick(rng, usable, district, MEDIATION_PER_DISTRICT[district] ?? 0, (s) => s.status === 'OPEN' && s.kind !== 'RURAL', taken)) {
        const bySamr = n++ % 3 !== 2;
        placements.push({
          station,
          kind: PlatformKind.PRICE_DISPUTE_MEDIATION,
          departmentCode: bySamr ? 'XY-SCJ' : 'XY-FGW',
          refPrefix: bySamr ? 'SCJ-JT' : 'FGW-JT',
          name: `${community(station)}价格争议调解站`,
          hours: HOURS.mediation,
          details: mediationDetails(rng),
        });
      }
    }
  }

  // Others: legal service points of the justice bureau, disability service points of the federation.
  {
    const rng = createRng(`${RNG_LABEL}:other`);
    const others = [
      { perDistrict: LEGAL_PER_DISTRICT, departmentCode: 'XY-SFJ', refPrefix: 'SFJ-FL', kindName: '法律服务站' },
      { perDistrict: DISABILITY_PER_DISTRICT, departmentCode: 'XY-CL', refPrefix: 'CL-ZC', kindName: '助残服务点' },
    ];
    const taken = new Set<string>();
    for (const other of others) {
      for (const [district, count] of Object.entries(other.perDistrict)) {
        for (const station of pick(rng, usable, district, count, (s) => s.status === 'OPEN' && s.kind === 'COMMUNITY', taken)) {
          placements.push({
            station,
            kind: PlatformKind.OTHER,
            departmentCode: other.departmentCode,
            refPrefix: other.refPrefix,
            name: `${community(station)}${other.kindName}`,
            hours: HOURS.other,
            details: { ...EMPTY_DETAILS, otherKindName: other.kindName },
          });
        }
      }
    }
  }

  // Owner references number each department's platforms in station-code order.
  placements.sort((a, b) => a.refPrefix.localeCompare(b.refPrefix) || a.station.code.localeCompare(b.station.code));
  const sequence = new Map<string, number>();
  const datesRng = createRng(`${RNG_LABEL}:dates`);
  return placements.map((placement) => {
    const n = (sequence.get(placement.refPrefix) ?? 0) + 1;
    sequence.set(placement.refPrefix, n);
    const ownerRef = `${placement.refPrefix}-${String(n).padStart(4, '0')}`;
    return {
      id: seedUuid('platform', `${placement.departmentCode}:${ownerRef}`),
      kind: placement.kind,
      stationId: placement.station.id,
      stationCode: placement.station.code,
      departmentCode: placement.departmentCode,
      name: placement.name,
      ownerRef,
      openingHours: placement.hours,
      active: n % PLATFORM_FIGURES.inactiveEvery !== 0,
      details: placement.details,
      createdAt: createdIn2023(datesRng),
    };
  });
}

/**
 * A PostgreSQL array literal for a text[] column: SeedDb expands a JS array binding into a list of
 * parameters, so arrays go as text. The values are enum names (capitals and underscores), which
 * need no quoting.
 */
function textArray(values: readonly string[] | null): string | null {
  return values ? `{${values.join(',')}}` : null;
}

/** Seed step: the platforms, read onto the stations and departments seeded before. */
export async function seedPlatforms(db: SeedDb): Promise<Record<string, number>> {
  const stations = await loadSeededStations(db);
  const names = (await db.execute(`select code, name from region where level in ('STREET', 'COMMUNITY')`)) as { code: string; name: string }[];
  const platforms = buildPlatformSeed(stations, new Map(names.map((row) => [row.code, row.name])));
  const rows = platforms.map((platform) => [
    platform.id,
    platform.kind,
    platform.stationId,
    seedDepartmentId(platform.departmentCode),
    platform.name,
    platform.ownerRef,
    JSON.stringify(platform.openingHours),
    platform.active,
    textArray(platform.details.careAmenities),
    platform.details.careRestSeats,
    platform.details.gigJobPostings,
    platform.details.gigMatchesMade,
    platform.details.gigRegisteredWorkers,
    platform.details.govSelfServiceTerminals,
    textArray(platform.details.busServices),
    platform.details.busTerminals,
    platform.details.mediationCasesReceived,
    platform.details.mediationCasesMediated,
    platform.details.mediationMediators,
    platform.details.otherKindName,
    platform.createdAt,
    platform.createdAt,
  ]);
  await insertBatches(
    db,
    'platform',
    [
      'id',
      'kind',
      'station_id',
      'department_id',
      'name',
      'owner_ref',
      'opening_hours',
      'active',
      'care_amenities',
      'care_rest_seats',
      'gig_job_postings',
      'gig_matches_made',
      'gig_registered_workers',
      'gov_self_service_terminals',
      'bus_services',
      'bus_terminals',
      'mediation_cases_received',
      'mediation_cases_mediated',
      'mediation_mediators',
      'other_kind_name',
      'created_at',
      'updated_at',
    ],
    rows,
  );
  return { platforms: rows.length };
}
