import { useTestApp } from '../helpers/app';
import { YANPING_SEED } from '../helpers/fixtures';
import { checkCreditCode } from '../../src/modules/organization/credit-code';

const t = useTestApp();

type Json = Record<string, any>;

async function gqlOk(query: string, variables?: Record<string, unknown>): Promise<Json> {
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Yanping (南平市延平区), counted through the API as an analyst would: by its region code. */
describe('Yanping in the demo seed', () => {
  it('holds 福建省 › 南平市 › 延平区 with its streets, towns, communities and villages', async () => {
    const data = await gqlOk(`{
      district: region(code: "${YANPING_SEED.districtCode}") { name level stationCount ancestors { code name } children(first: 1) { totalCount } }
      within: regions(first: 1, filter: { withinCode: "${YANPING_SEED.districtCode}" }) { totalCount }
      communities: regions(first: 1, filter: { withinCode: "${YANPING_SEED.districtCode}", level: COMMUNITY }) { totalCount }
      makeng: region(code: "${YANPING_SEED.makengCommunityCode}") { name ancestors { name } }
      wuliting: region(code: "${YANPING_SEED.wulitingCommunityCode}") { name ancestors { name } }
    }`);
    expect(data.district).toMatchObject({ name: '延平区', level: 'DISTRICT', stationCount: YANPING_SEED.stations, children: { totalCount: YANPING_SEED.streets } });
    expect(data.district.ancestors).toEqual([
      { code: YANPING_SEED.provinceCode, name: '福建省' },
      { code: YANPING_SEED.cityCode, name: '南平市' },
    ]);
    expect(data.within.totalCount).toBe(YANPING_SEED.streets + YANPING_SEED.communities);
    expect(data.communities.totalCount).toBe(YANPING_SEED.communities);
    expect(data.makeng).toEqual({ name: '马坑社区', ancestors: [{ name: '福建省' }, { name: '南平市' }, { name: '延平区' }, { name: '四鹤街道' }] });
    expect(data.wuliting).toEqual({ name: '五里亭社区', ancestors: [{ name: '福建省' }, { name: '南平市' }, { name: '延平区' }, { name: '黄墩街道' }] });
  });

  it('has a 民生驿站 in every urban community, open, and a few rural ones in towns', async () => {
    const count = async (filter: Json) => (await gqlOk(`query($filter: StationFilter) { stations(first: 1, filter: $filter) { totalCount } }`, { filter })).stations.totalCount;
    const yanping = { regionCode: YANPING_SEED.districtCode };
    expect(await count(yanping)).toBe(YANPING_SEED.stations);
    expect(await count({ ...yanping, status: ['OPEN'] })).toBe(YANPING_SEED.stations);
    expect(await count({ ...yanping, kind: ['COMMUNITY'] })).toBe(YANPING_SEED.urbanCommunities);
    expect(await count({ ...yanping, kind: ['RURAL'] })).toBe(YANPING_SEED.ruralStations);
    expect(await count({ ...yanping, search: '民生驿站' })).toBe(YANPING_SEED.stations);

    const { station } = await gqlOk(`{ station(code: "${YANPING_SEED.makengStationCode}") {
      name kind status tier address region { code name } location { latitude longitude } } }`);
    expect(station).toMatchObject({
      name: YANPING_SEED.makengStationName,
      kind: 'COMMUNITY',
      status: 'OPEN',
      tier: 'LEADING',
      region: { code: YANPING_SEED.makengCommunityCode, name: '马坑社区' },
    });
    expect(station.address).toMatch(/^福建省南平市延平区四鹤街道/);
    expect(station.location.latitude).toBeCloseTo(26.64, 1);
    expect(station.location.longitude).toBeCloseTo(118.17, 1);
    const wuliting = await gqlOk(`{ station(code: "${YANPING_SEED.wulitingStationCode}") { name region { name } } }`);
    expect(wuliting.station).toEqual({ name: '五里亭社区民生驿站', region: { name: '五里亭社区' } });
  });

  it('has its organizations, credit codes of division 350702, and their co-building agreements with its stations', async () => {
    const organizations: Json[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Json = (
        await gqlOk(
          `query($after: String) { organizations(first: 100, after: $after, filter: { regionCode: "${YANPING_SEED.districtCode}" }) {
          totalCount pageInfo { hasNextPage endCursor } nodes { kind creditCode creditCodeWarning } } }`,
          { after },
        )
      ).organizations;
      organizations.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(organizations).toHaveLength(YANPING_SEED.organizations);
    const coded = organizations.filter((organization) => organization.creditCode !== null);
    expect(coded).toHaveLength(YANPING_SEED.creditCodes);
    for (const organization of coded) {
      expect(checkCreditCode(organization.creditCode).status).toBe('VALID');
      expect(organization.creditCode.slice(2, 8)).toBe(YANPING_SEED.districtCode);
      expect(organization.creditCodeWarning).toBeNull();
    }

    const total = await gqlOk(`{ coBuildings(first: 1, filter: { regionCode: "${YANPING_SEED.districtCode}" }) { totalCount } }`);
    expect(total.coBuildings.totalCount).toBe(YANPING_SEED.coBuildings);
    const makeng = await gqlOk(`{ station(code: "${YANPING_SEED.makengStationCode}") { openedOn
      coBuildings(first: 10) { totalCount nodes { role agreementSignedOn active organization { kind region { code } } } } } }`);
    const { openedOn, coBuildings } = makeng.station;
    expect(coBuildings.totalCount).toBe(YANPING_SEED.makengCoBuilders);
    for (const coBuilding of coBuildings.nodes) {
      expect(coBuilding.agreementSignedOn >= openedOn).toBe(true);
      expect(coBuilding.active).toBe(true);
      expect(coBuilding.organization.region.code).toBe(YANPING_SEED.districtCode);
    }
    expect(coBuildings.nodes.find((coBuilding: Json) => coBuilding.role === 'MANAGER').organization.kind).toBe('PROPERTY_SERVICE');
    expect(coBuildings.nodes.filter((coBuilding: Json) => coBuilding.organization.kind.endsWith('PARTY_ORG'))).toHaveLength(1);
  });
});
