import { Client } from 'pg';
import { useTestApp } from '../helpers/app';
import { ENV } from '../helpers/test-database';
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
    const results = await Promise.all(Array.from({ length: 6 }, () => t.gql(CREATE, { input: input('并发重试驿站') }, { 'idempotency-key': 'concurrent-retry' })));
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

/**
 * The stored response commits in the same transaction as the mutation's effect: a failure to
 * store it, or a connection lost mid-request (as when the process dies), leaves neither — the
 * key is free again and a retry with it runs once.
 */
describe('Idempotency-Key: effect and stored response commit together (production mode)', () => {
  const p = useTestApp({ NODE_ENV: 'production' });
  const totalOf = async () => (await p.gql(TOTAL)).data.stations.totalCount as number;
  const keyRows = async (key: string) =>
    (await p.app.database.orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from idempotency_key where key = ?', [key]))[0].n;

  it('creates nothing and frees the key when storing the response fails, so the retry runs once', async () => {
    const connection = p.app.database.orm.em.getConnection();
    await connection.execute(`create function refuse_response() returns trigger language plpgsql as $$
      begin if new.key = 'store-fails' and new.response is not null then raise exception 'storage refused'; end if; return new; end $$`);
    await connection.execute('create trigger refuse_response before update on idempotency_key for each row execute function refuse_response()');
    const before = await totalOf();
    try {
      const failed = await p.gql(CREATE, { input: input('存储失败驿站') }, { 'idempotency-key': 'store-fails' });
      expect(failed.status).toBe(500);
      expect(failed.errors![0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: failed.headers['x-request-id'] });
      expect(failed.data ?? null).toBeNull();
      expect(await totalOf()).toBe(before);
      expect(await keyRows('store-fails')).toBe(0);
    } finally {
      await connection.execute('drop trigger refuse_response on idempotency_key');
      await connection.execute('drop function refuse_response()');
    }
    const retried = await p.gql(CREATE, { input: input('存储失败驿站') }, { 'idempotency-key': 'store-fails' });
    expect(retried.data.createStation.userErrors).toEqual([]);
    const replayed = await p.gql(CREATE, { input: input('存储失败驿站') }, { 'idempotency-key': 'store-fails' });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.data).toEqual(retried.data);
    expect(await totalOf()).toBe(before + 1);
  });

  it('frees the key when the request fails unexpectedly inside the mutation', async () => {
    const connection = p.app.database.orm.em.getConnection();
    await connection.execute(`create function refuse_station() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`);
    await connection.execute('create trigger refuse_station before insert on station for each row execute function refuse_station()');
    try {
      const failed = await p.gql(CREATE, { input: input('内部错误驿站') }, { 'idempotency-key': 'internal-fails' });
      expect(failed.errors![0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await keyRows('internal-fails')).toBe(0);
    } finally {
      await connection.execute('drop trigger refuse_station on station');
      await connection.execute('drop function refuse_station()');
    }
    const retried = await p.gql(CREATE, { input: input('内部错误驿站') }, { 'idempotency-key': 'internal-fails' });
    expect(retried.data.createStation.userErrors).toEqual([]);
  });

  (process.env[ENV.mode] === 'server' ? it : it.skip)(
    'leaves neither effect nor key when the connection dies mid-request, and a repeat waiting on it then runs it once',
    async () => {
      const url = p.config.databaseUrl!;
      const blocker = new Client({ connectionString: url });
      await blocker.connect();
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        const before = await totalOf();
        // The keyed request claims its key, then waits on this lock inside its transaction.
        await blocker.query('begin');
        await blocker.query('lock table station in access exclusive mode');
        const first = p.gql(CREATE, { input: input('断线驿站') }, { 'idempotency-key': 'dies-midway' });
        let pid: number | undefined;
        for (let i = 0; i < 50 && !pid; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const { rows } = await admin.query<{ pid: number }>(
            `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
          );
          pid = rows[0]?.pid;
        }
        expect(pid).toBeDefined();
        // As if the API process died: its connection (and open transaction) is gone.
        await admin.query('select pg_terminate_backend($1)', [pid]);
        const died = await first;
        expect(died.errors![0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
        await blocker.query('rollback');
        expect(await totalOf()).toBe(before);
        expect(await keyRows('dies-midway')).toBe(0);

        // A repeat that arrives while a first attempt holds the key waits for it, then replays.
        await blocker.query('begin');
        await blocker.query('lock table station in access exclusive mode');
        const attempt = p.gql(CREATE, { input: input('断线驿站') }, { 'idempotency-key': 'dies-midway' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const repeat = p.gql(CREATE, { input: input('断线驿站') }, { 'idempotency-key': 'dies-midway' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        await blocker.query('rollback');
        const [done, replayed] = await Promise.all([attempt, repeat]);
        expect(done.data.createStation.userErrors).toEqual([]);
        expect(replayed.headers['idempotent-replayed']).toBe('true');
        expect(replayed.data).toEqual(done.data);
        expect(await totalOf()).toBe(before + 1);
      } finally {
        await blocker.query('rollback').catch(() => undefined);
        await blocker.end();
        await admin.end();
      }
    },
  );
});
