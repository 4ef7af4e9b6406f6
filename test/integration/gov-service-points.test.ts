import { useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

const t = useTestApp();

const POINT = `id version ... on GovServicePoint24h { selfServiceTerminals serviceItems(first: 100) { totalCount nodes { code name handlingMode active } } }`;
const ERRORS = `userErrors { field code message }`;
const CREATE = `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { ${POINT} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { ${POINT} } ${ERRORS} } }`;
const POINTS = `{ platforms(first: 100, filter: { kind: [GOV_SERVICE_24H] }) { totalCount nodes { ${POINT} station { region { code } } } } }`;
const COUNT = `{ platforms(first: 1, filter: { kind: [GOV_SERVICE_24H], includeInactive: true }) { totalCount } }`;

async function pointCount(): Promise<number> {
  return (await t.gql(COUNT)).data.platforms.totalCount;
}

async function anjuStationId(): Promise<string> {
  const res = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.anjuCommunityCode}", status: [OPEN] }) { nodes { id } } }`);
  return res.data.stations.nodes[0].id;
}

async function selfServiceCodes(): Promise<string[]> {
  const res = await t.gql(`{ serviceItems(first: 100, filter: { handlingMode: [SELF_SERVICE_TERMINAL] }) { nodes { code } } }`);
  return res.data.serviceItems.nodes.map((item: { code: string }) => item.code);
}

describe('service items handled at 24-hour service points', () => {
  it('lists, for every seeded point, the self-service items of the departments whose jurisdiction contains it', async () => {
    const { data } = await t.gql(POINTS);
    expect(data.platforms.totalCount).toBe(60);
    for (const point of data.platforms.nodes) {
      expect(point.serviceItems.nodes.length).toBeGreaterThan(0);
      expect(point.serviceItems.totalCount).toBe(point.serviceItems.nodes.length);
      expect(point.serviceItems.nodes.every((item: { handlingMode: string; active: boolean }) => item.handlingMode === 'SELF_SERVICE_TERMINAL' && item.active)).toBe(true);
      const codes = point.serviceItems.nodes.map((item: { code: string }) => item.code);
      expect(codes).toEqual([...codes].sort());
    }
    // 樊城区's own catalogue items appear only at points in 樊城区.
    const district = (point: { station: { region: { code: string } } }) => point.station.region.code.slice(0, 6);
    for (const point of data.platforms.nodes.filter((p: { station: { region: { code: string } } }) => district(p) !== SEED.fanchengCode)) {
      expect(point.serviceItems.nodes.some((item: { code: string }) => item.code.startsWith(SEED.fanchengCode))).toBe(false);
    }
  });

  it('creates a point with the items it handles, and replaces them on update with a version bump', async () => {
    const codes = await selfServiceCodes();
    const created = await t.gql(CREATE, {
      input: {
        kind: 'GOV_SERVICE_24H',
        stationId: await anjuStationId(),
        departmentCode: 'FC-ZWJ',
        name: '安居社区24小时政务服务驿站',
        ownerRef: 'FCZWJ-24H-TEST-01',
        govService24h: { selfServiceTerminals: 2, serviceItemCodes: [codes[1], codes[0], codes[1]] },
      },
    });
    expect(created.data.createPlatform.userErrors).toEqual([]);
    const point = created.data.createPlatform.platform;
    expect(point.serviceItems.nodes.map((item: { code: string }) => item.code)).toEqual([codes[0], codes[1]].sort());

    const kept = await t.gql(UPDATE, { input: { id: point.id, version: point.version, govService24h: { selfServiceTerminals: 3 } } });
    expect(kept.data.updatePlatform.platform.serviceItems.nodes).toHaveLength(2);
    const replaced = await t.gql(UPDATE, {
      input: { id: point.id, version: point.version + 1, govService24h: { selfServiceTerminals: 3, serviceItemCodes: [codes[2]] } },
    });
    expect(replaced.data.updatePlatform).toMatchObject({ userErrors: [], platform: { version: point.version + 2, serviceItems: { totalCount: 1, nodes: [{ code: codes[2] }] } } });
  });

  it('refuses unknown and inactive items at their index, and creates nothing', async () => {
    const codes = await selfServiceCodes();
    const inactive = await t.gql(`{ serviceItems(first: 100, filter: { includeInactive: true }) { nodes { code active } } }`);
    const inactiveCode = inactive.data.serviceItems.nodes.find((item: { active: boolean }) => !item.active).code;
    const before = await pointCount();
    const res = await t.gql(CREATE, {
      input: {
        kind: 'GOV_SERVICE_24H',
        stationId: await anjuStationId(),
        departmentCode: 'FC-ZWJ',
        name: '错误事项的政务驿站',
        ownerRef: 'FCZWJ-24H-TEST-02',
        govService24h: { selfServiceTerminals: 1, serviceItemCodes: [codes[0], '420600-XX-9999', inactiveCode] },
      },
    });
    expect(res.data.createPlatform.platform).toBeNull();
    expect(res.data.createPlatform.userErrors).toEqual([
      { field: ['input', 'govService24h', 'serviceItemCodes', '1'], code: 'NOT_FOUND', message: '找不到编码为“420600-XX-9999”的服务事项，请核对事项编码。' },
      expect.objectContaining({ field: ['input', 'govService24h', 'serviceItemCodes', '2'], code: 'INVALID' }),
    ]);
    expect(await pointCount()).toBe(before);
  });

  it('keeps an item that a point handles from being deleted', async () => {
    const { data } = await t.gql(POINTS);
    const code = data.platforms.nodes[0].serviceItems.nodes[0].code;
    const item = await t.gql(`query($code: String!) { serviceItem(code: $code) { id version } }`, { code });
    const res = await t.gql(`mutation($input: DeleteServiceItemInput!) { deleteServiceItem(input: $input) { ${ERRORS} } }`, {
      input: { id: item.data.serviceItem.id, version: item.data.serviceItem.version },
    });
    expect(res.data.deleteServiceItem.userErrors.map((error: { code: string }) => error.code)).toContain('IN_USE');
    expect((await t.gql(`query($code: String!) { serviceItem(code: $code) { code } }`, { code })).data.serviceItem).toEqual({ code });
  });
});
