import { Problems } from '../../src/graphql/mutation';
import { normaliseOpeningHours } from '../../src/modules/opening-hours/opening-hours';
import { checkPlatformDetails, type DetailInputs, type PlatformDetails } from '../../src/modules/platform/platform-details';
import { PlatformKind } from '../../src/modules/platform/platform.enums';
import type { SeededStation } from '../../seeds/support/seed-db';
import { buildXiangyangDataset, URBAN_DISTRICT_CODES } from '../../seeds/xiangyang.data';
import { XIANGYANG_DEPARTMENTS } from '../../seeds/xiangyang.departments';
import { buildPlatformSeed, PLATFORM_FIGURES, type SeedPlatform } from '../../seeds/xiangyang.platforms';
import { PLATFORM_SEED } from '../helpers/fixtures';

/** The detail sub-input a partner would send for these stored columns. */
function inputsOf(kind: PlatformKind, d: PlatformDetails): DetailInputs {
  switch (kind) {
    case PlatformKind.UNION_CARE_STATION:
      return { unionCare: { amenities: d.careAmenities!, restSeats: d.careRestSeats } };
    case PlatformKind.GIG_WORK_STATION:
      return { gigWork: { jobPostings: d.gigJobPostings!, matchesMade: d.gigMatchesMade!, registeredWorkers: d.gigRegisteredWorkers! } };
    case PlatformKind.GOV_SERVICE_24H:
      return { govService24h: { selfServiceTerminals: d.govSelfServiceTerminals! } };
    case PlatformKind.BUS_SELF_SERVICE:
      return { busSelfService: { busServices: d.busServices!, terminals: d.busTerminals } };
    case PlatformKind.PRICE_DISPUTE_MEDIATION:
      return { priceMediation: { casesReceived: d.mediationCasesReceived!, casesMediated: d.mediationCasesMediated!, mediators: d.mediationMediators! } };
    case PlatformKind.OTHER:
      return { other: { kindName: d.otherKindName! } };
  }
}

describe('Xiangyang platform seed', () => {
  let stations: SeededStation[];
  let platforms: SeedPlatform[];
  let build: () => SeedPlatform[];
  const stationOf = (platform: SeedPlatform) => stations.find((station) => station.id === platform.stationId)!;
  const ofKind = (kind: PlatformKind) => platforms.filter((platform) => platform.kind === kind);
  const countBy = (items: SeedPlatform[], key: (platform: SeedPlatform) => string) =>
    items.reduce<Record<string, number>>((counts, platform) => ({ ...counts, [key(platform)]: (counts[key(platform)] ?? 0) + 1 }), {});

  beforeAll(() => {
    const dataset = buildXiangyangDataset();
    const paths = new Map(dataset.regions.map((region) => [region.code, region.path]));
    const names = new Map(dataset.regions.map((region) => [region.code, region.name]));
    // As loadSeededStations reads them back: archived stations are not there.
    stations = dataset.stations.map((station, index) => ({
      id: station.id,
      code: station.code,
      kind: station.kind,
      status: station.status,
      tier: station.tier,
      regionId: index + 1,
      regionCode: station.regionCode,
      regionPath: paths.get(station.regionCode)!,
      lat: station.lat,
      lng: station.lng,
    }));
    build = () => buildPlatformSeed(stations, names);
    platforms = build();
  });

  it('is deterministic, whatever order the stations come in', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(platforms));
    const names = new Map(buildXiangyangDataset().regions.map((region) => [region.code, region.name]));
    expect(JSON.stringify(buildPlatformSeed([...stations].reverse(), names))).toBe(JSON.stringify(platforms));
  });

  it('has the planned number of platforms of every kind, owned by the right departments', () => {
    expect(platforms).toHaveLength(PLATFORM_SEED.total);
    expect(countBy(platforms, (p) => p.kind)).toEqual(PLATFORM_SEED.byKind);
    expect(countBy(platforms, (p) => `${p.kind} ${p.departmentCode}`)).toEqual({
      'UNION_CARE_STATION XY-ZGH': 57 + PLATFORM_FIGURES.unionCareAtCommunityStations,
      'GIG_WORK_STATION XY-RSJ': 100,
      'GOV_SERVICE_24H XC-ZWJ': 12,
      'GOV_SERVICE_24H FC-ZWJ': 20,
      'GOV_SERVICE_24H XZ-ZWJ': 14,
      'GOV_SERVICE_24H XY-ZWJ': 14,
      'BUS_SELF_SERVICE XY-GJJT': 40,
      'PRICE_DISPUTE_MEDIATION XY-SCJ': 20,
      'PRICE_DISPUTE_MEDIATION XY-FGW': 10,
      'OTHER XY-SFJ': 12,
      'OTHER XY-CL': 8,
    });
    const seededDepartments = new Set(XIANGYANG_DEPARTMENTS.map((department) => department.code));
    expect(platforms.every((platform) => seededDepartments.has(platform.departmentCode))).toBe(true);
    expect(countBy(ofKind(PlatformKind.OTHER), (p) => p.details.otherKindName!)).toEqual({ 法律服务站: 12, 助残服务点: 8 });
  });

  it('puts a union care station in every 暖新 station and otherwise only in open community stations', () => {
    const care = ofKind(PlatformKind.UNION_CARE_STATION);
    const warmNew = stations.filter((station) => station.kind === 'WARM_NEW');
    expect(warmNew).toHaveLength(57);
    for (const station of warmNew) expect(care.some((platform) => platform.stationId === station.id)).toBe(true);
    for (const platform of care) {
      const station = stationOf(platform);
      expect(station.kind === 'WARM_NEW' || (station.kind === 'COMMUNITY' && station.status === 'OPEN')).toBe(true);
    }
    const openCommunity = stations.filter((station) => station.kind === 'COMMUNITY' && station.status === 'OPEN').length;
    // "Most" open community stations: more than half of them.
    expect(PLATFORM_FIGURES.unionCareAtCommunityStations / openCommunity).toBeGreaterThan(0.5);
  });

  it('keeps 24-hour and bus points in the urban districts, each district’s points owned by its own bureau or the city’s', () => {
    const owners: Record<string, string> = { '420602': 'XC-ZWJ', '420606': 'FC-ZWJ', '420607': 'XZ-ZWJ' };
    for (const platform of ofKind(PlatformKind.GOV_SERVICE_24H)) {
      const district = stationOf(platform).regionCode.slice(0, 6);
      expect(URBAN_DISTRICT_CODES).toContain(district);
      expect([owners[district], 'XY-ZWJ']).toContain(platform.departmentCode);
    }
    for (const platform of ofKind(PlatformKind.BUS_SELF_SERVICE)) expect(URBAN_DISTRICT_CODES).toContain(stationOf(platform).regionCode.slice(0, 6));
    expect(new Set(ofKind(PlatformKind.GIG_WORK_STATION).map((p) => stationOf(p).regionCode.slice(0, 6))).size).toBe(9);
  });

  it('never uses a closed station, and gives a station at most one platform of each kind', () => {
    expect(platforms.some((platform) => stationOf(platform).status === 'CLOSED')).toBe(false);
    const pairs = platforms.map((platform) => `${platform.stationId} ${platform.kind}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('numbers owner references per department, unique within it, like ZGH-AX-0001', () => {
    const refs = platforms.map((platform) => `${platform.departmentCode} ${platform.ownerRef}`);
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(platforms.map((platform) => platform.id)).size).toBe(platforms.length);
    for (const platform of platforms) expect(platform.ownerRef).toMatch(/^[A-Z]+(-[A-Z0-9]+)+-\d{4}$/);
    expect(platforms.find((platform) => platform.ownerRef === 'ZGH-AX-0001')?.kind).toBe(PlatformKind.UNION_CARE_STATION);
    expect(
      ofKind(PlatformKind.GIG_WORK_STATION)
        .map((p) => p.ownerRef)
        .sort()
        .slice(-1),
    ).toEqual(['RSJ-LG-0100']);
  });

  it('has details and opening hours that the mutations themselves would accept', () => {
    for (const platform of platforms) {
      const problems = new Problems('zh');
      expect(checkPlatformDetails(problems, platform.kind, inputsOf(platform.kind, platform.details), true)).toEqual(platform.details);
      expect(problems.errors).toEqual([]);
      const { hours, problems: hourProblems } = normaliseOpeningHours(platform.openingHours);
      expect(hourProblems).toEqual([]);
      expect(hours).toEqual(platform.openingHours);
    }
  });

  it('adds up to believable figures: matches within postings, mediated within received, a few withdrawn', () => {
    const sum = (kind: PlatformKind, field: keyof PlatformDetails) => ofKind(kind).reduce((total, p) => total + Number(p.details[field] ?? 0), 0);
    const postings = sum(PlatformKind.GIG_WORK_STATION, 'gigJobPostings');
    const matches = sum(PlatformKind.GIG_WORK_STATION, 'gigMatchesMade');
    expect(matches / postings).toBeGreaterThan(0.35);
    expect(matches / postings).toBeLessThan(0.8);
    const received = sum(PlatformKind.PRICE_DISPUTE_MEDIATION, 'mediationCasesReceived');
    const mediated = sum(PlatformKind.PRICE_DISPUTE_MEDIATION, 'mediationCasesMediated');
    expect(mediated / received).toBeGreaterThan(0.7);
    expect(mediated).toBeLessThan(received);
    expect({ postings, matches, received, mediated }).toEqual(PLATFORM_SEED.sums);
    expect(platforms.filter((platform) => !platform.active)).toHaveLength(PLATFORM_SEED.total - PLATFORM_SEED.active);
    for (const platform of ofKind(PlatformKind.GOV_SERVICE_24H)) expect(platform.openingHours.windows).toHaveLength(7);
  });
});
