import { useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * Lost-update prevention: updates carry the version they read; a stale version is a CONFLICT.
 * Twenty writers queue for the embedded database's one connection; on a busy machine the queue
 * outlasts the default 5 s pool wait (SERVICE_UNAVAILABLE), which is not what this file tests.
 */
const t = useTestApp({ DB_POOL_WAIT_MS: '30000' });

const READ = `query($id: ID!) { station(id: $id) { id name version } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { name version } userErrors { field code message } } }`;
const TAGS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'.split('');

async function aStation(): Promise<{ id: string; name: string; version: number }> {
  const res = await t.gql(`{ stations(first: 1, filter: { regionCode: "${SEED.anjuCommunityCode}" }) { nodes { id name version } } }`);
  return res.data.stations.nodes[0];
}

it('lets exactly one of twenty writers of one version win; the others are told the current version', async () => {
  const station = await aStation();
  const results = await Promise.all(TAGS.map((tag) => t.gql(UPDATE, { input: { id: station.id, version: station.version, name: `驿站${tag}` } })));
  const winners = results.filter((res) => res.data.updateStation.station);
  expect(winners).toHaveLength(1);
  for (const res of results.filter((r) => !r.data.updateStation.station)) {
    expect(res.data.updateStation.userErrors).toEqual([
      {
        field: ['input', 'version'],
        code: 'CONFLICT',
        message: `该驿站已被他人修改（您读取的是第 ${station.version} 版，当前为第 ${station.version + 1} 版），请刷新后重新修改。`,
      },
    ]);
  }
  expect((await t.gql(READ, { id: station.id })).data.station).toEqual({ id: station.id, name: winners[0].data.updateStation.station.name, version: station.version + 1 });
});

it('loses no update when twenty writers re-read and retry on CONFLICT', async () => {
  const station = await aStation();
  const base = '并发';
  await t.gql(UPDATE, { input: { id: station.id, version: station.version, name: base } });
  await Promise.all(
    TAGS.map(async (tag) => {
      for (;;) {
        const { data } = await t.gql(READ, { id: station.id });
        const res = await t.gql(UPDATE, { input: { id: station.id, version: data.station.version, name: `${data.station.name}${tag}` } });
        if (res.data.updateStation.station) return;
        expect(res.data.updateStation.userErrors[0].code).toBe('CONFLICT');
      }
    }),
  );
  const final = (await t.gql(READ, { id: station.id })).data.station;
  expect(final.version).toBe(station.version + 1 + TAGS.length);
  expect([...final.name.slice(base.length)].sort()).toEqual([...TAGS].sort());
}, 120_000);
