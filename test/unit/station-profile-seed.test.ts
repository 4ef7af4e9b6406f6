import { OpeningWindowKind, windowsAt } from '../../src/modules/opening-hours/opening-hours';
import { fiveIntoComplete, FunctionZoneKind, meetsOnePlusFour, ServedGroup } from '../../src/modules/station/station-profile';
import type { SeededStation } from '../../seeds/support/seed-db';
import { buildXiangyangDataset, URBAN_DISTRICT_CODES } from '../../seeds/xiangyang.data';
import { buildStationProfiles, EVENING_POST_DISTRICT, type StationProfileSeed } from '../../seeds/xiangyang.station-profile';
import { SEED, STATION_PROFILE } from '../helpers/fixtures';

/** The station-profile seed step's pure assignment, on the stations the registry step writes. */
describe('Xiangyang station profiles', () => {
  let stations: SeededStation[];
  let profiles: StationProfileSeed[];
  let byId: Map<string, SeededStation>;
  const profileOf = (station: SeededStation) => profiles[stations.indexOf(station)];
  const ofKind = (kind: string) => stations.filter((station) => station.kind === kind);
  const street = (station: SeededStation) => station.regionPath.split('/')[3];
  const district = (station: SeededStation) => station.regionPath.split('/')[2];

  beforeAll(() => {
    const dataset = buildXiangyangDataset();
    const paths = new Map(dataset.regions.map((region) => [region.code, region.path]));
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
    profiles = buildStationProfiles(stations);
    byId = new Map(stations.map((station) => [station.id, station]));
  });

  it('is deterministic and independent of the order stations are read in', () => {
    expect(JSON.stringify(buildStationProfiles(stations))).toBe(JSON.stringify(profiles));
    const reversed = buildStationProfiles([...stations].reverse()).reverse();
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(profiles));
    expect(profiles.map((profile) => profile.id)).toEqual(stations.map((station) => station.id));
  });

  it('puts a mobile party-member service point in all 57 暖新 stations and a few two-new ones', () => {
    const hosting = stations.filter((station) => profileOf(station).hostsMobilePartyMemberServicePoint);
    expect(ofKind('WARM_NEW')).toHaveLength(SEED.warmNew);
    expect(hosting.filter((station) => station.kind === 'WARM_NEW')).toHaveLength(STATION_PROFILE.warmNewMobilePoints);
    expect(hosting).toHaveLength(STATION_PROFILE.mobilePoints);
    expect(new Set(hosting.map((station) => station.kind))).toEqual(new Set(['WARM_NEW', 'NEW_ECONOMY']));
  });

  it('opens every 暖新 station round the clock, every day', () => {
    for (const station of ofKind('WARM_NEW')) {
      const windows = profileOf(station).openingHours!.windows;
      expect(windows).toHaveLength(7);
      expect(windows.every((window) => window.opens === '00:00' && window.closes === '24:00')).toBe(true);
    }
  });

  it('publishes schedules for open and suspended stations, with staggered, extended and evening-post windows', () => {
    const published = stations.filter((station) => profileOf(station).openingHours);
    expect(published).toHaveLength(STATION_PROFILE.withOpeningHours);
    for (const station of published) expect(station.kind === 'WARM_NEW' || ['OPEN', 'SUSPENDED'].includes(station.status)).toBe(true);
    const withKind = (kind: OpeningWindowKind) => published.filter((station) => profileOf(station).openingHours!.windows.some((window) => window.kind === kind));
    expect(withKind(OpeningWindowKind.STAGGERED).length).toBeGreaterThan(published.length / 3);
    expect(withKind(OpeningWindowKind.EXTENDED).length).toBeGreaterThan(published.length / 6);
    const evening = withKind(OpeningWindowKind.EVENING_POST);
    expect(evening).toHaveLength(STATION_PROFILE.eveningPost);
    expect(evening.every((station) => district(station) === EVENING_POST_DISTRICT && station.status === 'OPEN' && station.kind !== 'WARM_NEW')).toBe(true);
    const fanchengOpen = stations.filter((s) => district(s) === EVENING_POST_DISTRICT && s.status === 'OPEN' && s.kind !== 'WARM_NEW');
    expect(evening).toHaveLength(fanchengOpen.length);
  });

  it('leaves only the 24-hour stations open on a Tuesday at 03:00, and the evening posts with them at 20:00', () => {
    const openAt = (iso: string) => stations.filter((station) => windowsAt(profileOf(station).openingHours, new Date(iso)).length > 0);
    expect(openAt('2024-01-02T03:00:00+08:00').map((s) => s.kind)).toEqual(Array(SEED.warmNew).fill('WARM_NEW'));
    expect(openAt('2024-01-02T20:00:00+08:00')).toHaveLength(SEED.warmNew + STATION_PROFILE.eveningPost);
  });

  it('lays out zones by tier: BASIC 1+2, STANDARD 1+4, LEADING 1+4+2..3 featured', () => {
    for (const station of stations) {
      const zones = profileOf(station).functionZones;
      expect(zones[0].kind).toBe(FunctionZoneKind.PARTY_ACTIVITY_BASE);
      if (station.tier === 'BASIC') expect(zones).toHaveLength(3);
      if (station.tier === 'STANDARD') expect(zones).toHaveLength(5);
      if (station.tier === 'LEADING') expect(zones.length === 7 || zones.length === 8).toBe(true);
      expect(meetsOnePlusFour(zones)).toBe(station.tier !== 'BASIC');
      for (const zone of zones) if (zone.kind === FunctionZoneKind.OTHER_FEATURED) expect(zone.name).not.toBe('其他特色功能区');
    }
    expect(stations.filter((station) => meetsOnePlusFour(profileOf(station).functionZones))).toHaveLength(STATION_PROFILE.onePlusFour);
  });

  it('gives STANDARD and LEADING stations complete 五进 and BASIC ones two to four facilities', () => {
    for (const station of stations) {
      const facilities = profileOf(station).fiveIntoFacilities;
      if (station.tier === 'BASIC') expect(facilities.length >= 2 && facilities.length <= 4).toBe(true);
      else expect(fiveIntoComplete(facilities)).toBe(true);
    }
    expect(stations.filter((station) => fiveIntoComplete(profileOf(station).fiveIntoFacilities))).toHaveLength(STATION_PROFILE.fiveIntoComplete);
  });

  it('serves the groups each kind of station is built for', () => {
    const serves = (station: SeededStation, ...groups: ServedGroup[]) => groups.every((group) => profileOf(station).groupsServed.includes(group));
    for (const station of ofKind('WARM_NEW')) {
      expect(serves(station, ServedGroup.DELIVERY_RIDERS, ServedGroup.COURIERS, ServedGroup.RIDE_HAILING_DRIVERS, ServedGroup.DOMESTIC_WORKERS)).toBe(true);
    }
    for (const station of ofKind('RURAL')) expect(serves(station, ServedGroup.VILLAGERS, ServedGroup.ELDERLY, ServedGroup.CHILDREN)).toBe(true);
    for (const station of ofKind('NEW_ECONOMY')) expect(serves(station, ServedGroup.YOUTH, ServedGroup.ENTERPRISE_EMPLOYEES)).toBe(true);
    for (const station of ofKind('COMMUNITY')) expect(serves(station, ServedGroup.RESIDENTS, ServedGroup.ELDERLY, ServedGroup.CHILDREN)).toBe(true);
    expect(stations.filter((station) => serves(station, ServedGroup.VILLAGERS))).toHaveLength(ofKind('RURAL').length);
  });

  it('makes the first open LEADING (else STANDARD) station of each urban street its hub, with the rest of the street as members', () => {
    const hubs = stations.filter((station) => profileOf(station).isHub);
    expect(hubs).toHaveLength(STATION_PROFILE.hubs);
    expect(profiles.filter((profile) => profile.hubId)).toHaveLength(STATION_PROFILE.hubMembers);
    const streets = new Set(hubs.map(street));
    expect(streets.size).toBe(hubs.length);
    for (const hub of hubs) {
      expect(URBAN_DISTRICT_CODES).toContain(district(hub));
      expect(profileOf(hub).hubId).toBeNull();
      const open = stations.filter((s) => street(s) === street(hub) && s.status === 'OPEN').sort((a, b) => a.code.localeCompare(b.code));
      expect(hub).toBe(open.find((s) => s.tier === 'LEADING') ?? open.find((s) => s.tier === 'STANDARD'));
    }
    for (const station of stations) {
      const hubId = profileOf(station).hubId;
      if (!hubId) {
        expect(profileOf(station).isHub || !streets.has(street(station))).toBe(true);
        continue;
      }
      const hub = byId.get(hubId)!;
      expect(profileOf(hub).isHub).toBe(true);
      expect(street(hub)).toBe(street(station));
    }
    const wangzhai = hubs.find((hub) => hub.code === STATION_PROFILE.wangzhaiHubCode)!;
    expect(profiles.filter((profile) => profile.hubId === wangzhai.id)).toHaveLength(STATION_PROFILE.wangzhaiHubMembers);
    const anju = stations.find((station) => station.code === STATION_PROFILE.anjuStationCode)!;
    expect(profileOf(anju).hubId).toBe(wangzhai.id);
    expect(district(hubs.find((hub) => hub.code === STATION_PROFILE.xiangchengHubCode)!)).toBe('420602');
  });
});
