import { useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';

const t = useTestApp();

const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id code } userErrors { field code message } } }`;
const TOTAL = `{ stations(first: 1, filter: { includeArchived: true }) { totalCount } }`;

const input = (name: string) => ({
  name,
  regionCode: SEED.anjuCommunityCode,
  tier: 'BASIC',
  kind: 'COMMUNITY',
  address: '湖北省襄阳市樊城区王寨街道安居路1号',
  location: { ...XIANGYANG_POINT },
});

async function total(): Promise<number> {
  return (await t.gql(TOTAL)).data.stations.totalCount;
}

describe('Idempotency-Key', () => {
  it('runs a mutation once and replays its first response for a repeat with the same key and body', async () => {
    const before = await total();
    const first = await t.gql(CREATE, { input: input('幂等测试驿站') }, { 'idempotency-key': 'sync-2023-12-31-0001' });
    const again = await t.gql(CREATE, { input: input('幂等测试驿站') }, { 'idempotency-key': 'sync-2023-12-31-0001' });
    expect(first.data.createStation.userErrors).toEqual([]);
    expect(again.data).toEqual(first.data);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await total()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422) and changes nothing', async () => {
    await t.gql(CREATE, { input: input('幂等驿站甲') }, { 'idempotency-key': 'key-reused' });
    const before = await total();
    const res = await t.gql(CREATE, { input: input('幂等驿站乙') }, { 'idempotency-key': 'key-reused' });
    expect(res.status).toBe(422);
    expect(res.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await total()).toBe(before);
  });

  it('keeps keys per caller: another client may use the same key for its own request', async () => {
    const other = await t.clientHeaders({ name: '另一管理端', roles: ['ADMIN'] });
    const before = await total();
    await t.gql(CREATE, { input: input('客户端甲的驿站') }, { 'idempotency-key': 'shared-key' });
    const res = await t.gql(CREATE, { input: input('客户端乙的驿站') }, { ...other, 'idempotency-key': 'shared-key' });
    expect(res.data.createStation.userErrors).toEqual([]);
    expect(await total()).toBe(before + 2);
  });

  it('creates one record when the same keyed request is retried concurrently', async () => {
    const before = await total();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(CREATE, { input: input('并发重试驿站') }, { 'idempotency-key': 'concurrent-retry' })),
    );
    expect(await total()).toBe(before + 1);
    const codes = new Set<string>();
    for (const res of results) {
      if (res.status === 409) expect(res.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      else codes.add(res.data.createStation.station.code);
    }
    expect(codes.size).toBe(1);
  });

  it('ignores the header on queries, runs mutations without it as usual, and refuses a malformed key', async () => {
    const query = await t.gql(TOTAL, {}, { 'idempotency-key': 'query-key' });
    expect(query.data.stations.totalCount).toBeGreaterThan(0);
    const before = await total();
    await t.gql(CREATE, { input: input('无键驿站') });
    await t.gql(CREATE, { input: input('无键驿站') });
    expect(await total()).toBe(before + 2);
    const bad = await t.gql(CREATE, { input: input('坏键驿站') }, { 'idempotency-key': 'x'.repeat(201) });
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await total()).toBe(before + 2);
  });

  it('stores a user-error result too: the repeat replays the same user errors', async () => {
    const invalid = { ...input(''), name: '  ' };
    const first = await t.gql(CREATE, { input: invalid }, { 'idempotency-key': 'invalid-once' });
    const again = await t.gql(CREATE, { input: invalid }, { 'idempotency-key': 'invalid-once' });
    expect(first.data.createStation.userErrors[0].code).toBe('REQUIRED');
    expect(again.data).toEqual(first.data);
  });
});
