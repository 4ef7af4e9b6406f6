import { checkCreditCode } from '../../src/modules/organization/credit-code';
import { RegionLevel } from '../../src/modules/region/region-level';
import { parseStationCode } from '../../src/modules/station/station-code';
import { buildXiangyangDataset } from '../../seeds/xiangyang.data';
import { buildSeedOrganizations } from '../../seeds/xiangyang.organizations';
import { buildYanpingDataset, YANPING_EXTENT, YANPING_URBAN_EXTENT, type YanpingDataset } from '../../seeds/yanping.data';
import { buildYanpingCoBuildings, buildYanpingOrganizations, type YanpingCoBuildingStation } from '../../seeds/yanping.organizations';
import { YANPING_SEED } from '../helpers/fixtures';

/** The Yanping registry seed: its places, 民生驿站, organizations and co-building agreements. */
describe('Yanping seed builders', () => {
  let dataset: YanpingDataset;
  const coBuildingStations = (): YanpingCoBuildingStation[] =>
    dataset.stations.map((station) => ({ id: station.id, code: station.code, kind: station.kind, regionCode: station.regionCode, openedOn: station.openedOn! }));

  beforeAll(() => {
    dataset = buildYanpingDataset();
  });

  it('is deterministic: two builds give identical rows', () => {
    expect(JSON.stringify(buildYanpingDataset())).toBe(JSON.stringify(dataset));
    const organizations = buildYanpingOrganizations();
    expect(JSON.stringify(buildYanpingOrganizations())).toBe(JSON.stringify(organizations));
    expect(JSON.stringify(buildYanpingCoBuildings(organizations, coBuildingStations().reverse()))).toBe(
      JSON.stringify(buildYanpingCoBuildings(organizations, coBuildingStations())),
    );
  });

  describe('regions', () => {
    it('holds 福建省, 南平市, 延平区 and all its streets, towns, communities and villages', () => {
      const byLevel = (level: RegionLevel) => dataset.regions.filter((region) => region.level === level);
      expect(byLevel(RegionLevel.PROVINCE).map((r) => [r.code, r.name])).toEqual([['350000', '福建省']]);
      expect(byLevel(RegionLevel.CITY).map((r) => [r.code, r.name])).toEqual([['350700', '南平市']]);
      expect(byLevel(RegionLevel.DISTRICT).map((r) => [r.code, r.name])).toEqual([['350702', '延平区']]);
      expect(byLevel(RegionLevel.STREET)).toHaveLength(YANPING_SEED.streets);
      expect(byLevel(RegionLevel.STREET).filter((r) => r.name.endsWith('街道'))).toHaveLength(YANPING_SEED.urbanStreets);
      expect(byLevel(RegionLevel.COMMUNITY)).toHaveLength(YANPING_SEED.communities);
      expect(dataset.regions).toHaveLength(YANPING_SEED.regions);
    });

    it('has unique codes, consistent parents and paths, and names without the committee suffix', () => {
      const byCode = new Map(dataset.regions.map((region) => [region.code, region]));
      expect(byCode.size).toBe(dataset.regions.length);
      for (const region of dataset.regions) {
        expect(region.code).toMatch(region.depth <= 2 ? /^\d{6}$/ : /^\d{12}$/);
        const parent = region.parentCode === null ? undefined : byCode.get(region.parentCode);
        expect(region.path).toBe(`${parent?.path ?? ''}${region.code}/`);
        if (region.depth > 0) expect(parent?.depth).toBe(region.depth - 1);
      }
      expect(dataset.regions.some((region) => /(居委会|村委会|居民委员会|村民委员会)$/.test(region.name))).toBe(false);
      expect(byCode.get(YANPING_SEED.wulitingCommunityCode)?.path).toBe('350000/350700/350702/350702002000/350702002004/');
      expect(byCode.get(YANPING_SEED.wulitingCommunityCode)?.name).toBe('五里亭社区');
      expect(byCode.get('350702002000')?.name).toBe('黄墩街道');
      expect(byCode.get(YANPING_SEED.makengCommunityCode)?.name).toBe('马坑社区');
      expect(byCode.get('350702004000')?.name).toBe('四鹤街道');
    });

    it('shares no code with the Xiangyang dataset', () => {
      const xiangyang = new Set(buildXiangyangDataset().regions.map((region) => region.code));
      expect(dataset.regions.filter((region) => xiangyang.has(region.code))).toEqual([]);
    });
  });

  describe('民生驿站', () => {
    it('gives every urban 社区 its open COMMUNITY station, and a handful of towns a RURAL one', () => {
      const urbanCommunities = dataset.communities.filter(
        (community) => community.type === 'RESIDENTIAL' && dataset.streets.find((street) => street.code === community.streetCode)?.role === 'URBAN',
      );
      expect(urbanCommunities).toHaveLength(YANPING_SEED.urbanCommunities);
      const stationOf = new Map(dataset.stations.map((station) => [station.regionCode, station]));
      for (const community of urbanCommunities) {
        const station = stationOf.get(community.code);
        expect(station).toMatchObject({ kind: 'COMMUNITY', status: 'OPEN', name: expect.stringMatching(/民生驿站$/) });
        expect(station!.name).toContain(community.name);
      }
      expect(dataset.stations).toHaveLength(YANPING_SEED.stations);
      const rural = dataset.stations.filter((station) => station.kind === 'RURAL');
      expect(rural).toHaveLength(YANPING_SEED.ruralStations);
      // In a town (镇, 1xx), one per town.
      expect(rural.every((station) => /^3507021\d\d/.test(station.regionCode))).toBe(true);
      expect(new Set(rural.map((station) => station.regionCode.slice(0, 9))).size).toBe(rural.length);
      expect(dataset.stations.every((station) => station.status === 'OPEN' && station.openedOn !== null && station.openedOn <= '2023-12-31')).toBe(true);
    });

    it('has 马坑社区民生驿站 and 五里亭社区民生驿站, leading stations in their streets', () => {
      const makeng = dataset.stations.find((station) => station.code === YANPING_SEED.makengStationCode);
      expect(makeng).toMatchObject({ name: YANPING_SEED.makengStationName, regionCode: YANPING_SEED.makengCommunityCode, tier: 'LEADING' });
      expect(makeng!.address).toMatch(/^福建省南平市延平区四鹤街道/);
      const wuliting = dataset.stations.find((station) => station.code === YANPING_SEED.wulitingStationCode);
      expect(wuliting).toMatchObject({ name: '五里亭社区民生驿站', regionCode: YANPING_SEED.wulitingCommunityCode, tier: 'LEADING' });
      expect(wuliting!.address).toMatch(/^福建省南平市延平区黄墩街道/);
    });

    it('issues valid station codes from each community, unique ids and names, and matching sequences', () => {
      for (const station of dataset.stations) {
        expect(parseStationCode(station.code)).toEqual({ regionCode: station.regionCode, sequence: 1 });
      }
      expect(new Set(dataset.stations.map((station) => station.id)).size).toBe(dataset.stations.length);
      expect(new Set(dataset.stations.map((station) => station.name)).size).toBe(dataset.stations.length);
      expect(dataset.sequences).toEqual(dataset.stations.map((station) => ({ regionCode: station.regionCode, lastValue: 1 })));
    });

    it('places urban stations in the urban area and the others in the district, addressed in their street', () => {
      const inside = (extent: typeof YANPING_EXTENT | typeof YANPING_URBAN_EXTENT, station: { lat: number; lng: number }) =>
        station.lat >= extent.minLat && station.lat <= extent.maxLat && station.lng >= extent.minLng && station.lng <= extent.maxLng;
      for (const station of dataset.stations) {
        expect(inside(station.kind === 'COMMUNITY' ? YANPING_URBAN_EXTENT : YANPING_EXTENT, station)).toBe(true);
        const street = dataset.regions.find((region) => region.code === `${station.regionCode.slice(0, 9)}000`)!;
        expect(station.address.startsWith(`福建省南平市延平区${street.name}`)).toBe(true);
      }
      expect(dataset.stations.filter((station) => station.kind === 'RURAL').some((station) => inside(YANPING_URBAN_EXTENT, station))).toBe(false);
    });
  });

  describe('organizations and co-buildings', () => {
    it('has 机关 party organizations, chambers and enterprises, 公益组织 and property companies, with valid 350702 credit codes', () => {
      const organizations = buildYanpingOrganizations();
      expect(organizations).toHaveLength(YANPING_SEED.organizations);
      const kinds = new Set(organizations.map((organization) => organization.kind));
      for (const kind of ['DUAL_REPORTING_PARTY_ORG', 'CHAMBER', 'ENTERPRISE', 'SOCIAL_ORG', 'VOLUNTEER_ORG', 'PROPERTY_SERVICE'] as const) expect(kinds.has(kind)).toBe(true);
      const party = organizations.filter((organization) => organization.kind.endsWith('PARTY_ORG'));
      expect(party).toHaveLength(YANPING_SEED.partyOrganizations);
      expect(party.every((organization) => organization.creditCode === null)).toBe(true);
      const coded = organizations.filter((organization) => organization.creditCode !== null);
      expect(coded).toHaveLength(YANPING_SEED.creditCodes);
      for (const organization of coded) {
        expect(checkCreditCode(organization.creditCode!)).toEqual({ status: 'VALID', code: organization.creditCode });
        expect(organization.creditCode!.slice(2, 8)).toBe('350702');
        expect(organization.creditCodeWarning).toBeNull();
      }
      const xiangyang = buildSeedOrganizations();
      const taken = new Set(xiangyang.flatMap((organization) => [organization.id, organization.name, organization.creditCode ?? organization.id]));
      expect(
        organizations.filter(
          (organization) => taken.has(organization.id) || taken.has(organization.name) || (organization.creditCode !== null && taken.has(organization.creditCode)),
        ),
      ).toEqual([]);
    });

    it('binds every station by a signed agreement: a party organization everywhere, three more partners in town', () => {
      const organizations = buildYanpingOrganizations();
      const coBuildings = buildYanpingCoBuildings(organizations, coBuildingStations());
      expect(coBuildings).toHaveLength(YANPING_SEED.coBuildings);
      expect(new Set(coBuildings.map((coBuilding) => coBuilding.id)).size).toBe(coBuildings.length);
      const kindOf = new Map(organizations.map((organization) => [organization.id, organization.kind]));
      for (const station of dataset.stations) {
        const mine = coBuildings.filter((coBuilding) => coBuilding.stationId === station.id);
        const kinds = mine.map((coBuilding) => kindOf.get(coBuilding.organizationId)!);
        expect(kinds.filter((kind) => kind.endsWith('PARTY_ORG'))).toHaveLength(1);
        expect(mine).toHaveLength(station.kind === 'RURAL' ? 1 : 4);
        if (station.kind === 'COMMUNITY') {
          expect(kinds.filter((kind) => kind === 'CHAMBER' || kind === 'ENTERPRISE')).toHaveLength(1);
          expect(kinds.filter((kind) => kind === 'SOCIAL_ORG' || kind === 'VOLUNTEER_ORG')).toHaveLength(1);
          expect(mine.filter((coBuilding) => coBuilding.role === 'MANAGER').map((coBuilding) => kindOf.get(coBuilding.organizationId))).toEqual(['PROPERTY_SERVICE']);
        }
        for (const coBuilding of mine) {
          expect(coBuilding.agreementSignedOn).not.toBeNull();
          expect(coBuilding.agreementSignedOn! >= station.openedOn!).toBe(true);
          expect(coBuilding.agreementSignedOn! <= '2023-12-31').toBe(true);
          expect(coBuilding.validFrom).toBe(coBuilding.agreementSignedOn);
          expect(coBuilding.commitments.length).toBeGreaterThan(0);
        }
      }
      expect(coBuildings.filter((coBuilding) => coBuilding.stationId === dataset.stations.find((s) => s.code === YANPING_SEED.makengStationCode)!.id)).toHaveLength(
        YANPING_SEED.makengCoBuilders,
      );
      // Taken in turn: every organization co-builds, none far more than the others of its kind.
      const perOrganization = new Map<string, number>();
      for (const coBuilding of coBuildings) perOrganization.set(coBuilding.organizationId, (perOrganization.get(coBuilding.organizationId) ?? 0) + 1);
      expect(perOrganization.size).toBe(organizations.length);
    });
  });
});
