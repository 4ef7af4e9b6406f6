import net from 'node:net';
import { Client } from 'pg';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createApiClient } from '../../src/modules/api-client/api-client.service';
import { toGlobalId } from '../../src/graphql/relay';
import { ANONYMOUS_HEADERS, useTestApp, UNSPENDABLE_BUDGETS } from '../helpers/app';
import { lockTable, onServer } from '../helpers/locks';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import request from 'supertest';

/**
 * Time budgets and a database that is slow, full or gone, against the production-mode app: the
 * caller gets TIMEOUT or SERVICE_UNAVAILABLE with the request id — never SQL, a stack or driver
 * text — and PostgreSQL really stops the statement.
 * Locks held from a second session need a real server: PGlite runs every connection on one backend.
 */

/** Global IDs of a duty shift and a station, read straight from the database (no request budget spent). */
async function firstIds(url: string): Promise<[string, string]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const shift = await client.query<{ id: string }>('select id from duty_shift order by id limit 1');
    const station = await client.query<{ id: string }>('select id from station order by id limit 1');
    return [toGlobalId('DutyShift', shift.rows[0].id), toGlobalId('Station', station.rows[0].id)];
  } finally {
    await client.end();
  }
}

async function activeQueriesOn(url: string, pattern: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `select count(*)::int as count from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and query like $1`,
      [pattern],
    );
    return rows[0].count;
  } finally {
    await client.end();
  }
}

onServer('statement time-out (production mode)', () => {
  const t = useTestApp({ NODE_ENV: 'production', STATEMENT_TIMEOUT_MS: '300' });

  it('answers TIMEOUT with the request id when a statement runs too long, and PostgreSQL has cancelled it', async () => {
    const url = t.config.databaseUrl!;
    const lock = await lockTable(url, 'station');
    try {
      const started = Date.now();
      const res = await t.gql('{ stations(first: 5) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(res.status).toBe(200);
      const [error] = res.errors!;
      expect(error.extensions).toMatchObject({ code: 'TIMEOUT', requestId: res.headers['x-request-id'] });
      expect(error.message).toContain(res.headers['x-request-id']);
      expect(JSON.stringify(res.errors)).not.toMatch(/select|from station|SQLSTATE|canceling/i);
      // The cancelled statement is not still waiting in PostgreSQL after its caller gave up.
      expect(await activeQueriesOn(url, '%from station s%')).toBe(0);
    } finally {
      await lock.release();
    }
    const after = await t.gql('{ stations(first: 1) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
    expect(after.errors).toBeUndefined();
  });
});

onServer('request time budget (production mode)', () => {
  const t = useTestApp({ NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '200', STATEMENT_TIMEOUT_MS: '5000' });

  it('sends no statement once the request has used its time budget', async () => {
    const url = t.config.databaseUrl!;
    const [shiftId, stationId] = await firstIds(url);
    const lock = await lockTable(url, 'duty_shift');
    const released = new Promise<void>((resolve) => setTimeout(() => void lock.release().then(resolve), 500));
    // Reads are planned (one statement per root field), so the second statement must follow the
    // first within one field: node(ids) reads the shift, then the station, one statement each.
    const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on DutyShift { kind } ... on Station { code } } }`, { ids: [shiftId, stationId] });
    await released;
    // The shift's statement waited on the lock past the 200 ms budget; the station's, due after it,
    // was refused before it was sent (nodes is non-null, so the answer has no data).
    expect(res.data).toBeNull();
    const codes = res.errors!.map((error) => error.extensions?.code);
    expect(codes).toContain('TIMEOUT');
    expect(res.errors![0].path).toEqual(['nodes']);
    expect(res.errors![0].message).toMatch(/200/);
  });
});

onServer('a full connection pool (production mode)', () => {
  const t = useTestApp({ NODE_ENV: 'production', DB_POOL_MAX: '1', DB_POOL_WAIT_MS: '300', STATEMENT_TIMEOUT_MS: '3000' });

  it('answers SERVICE_UNAVAILABLE (HTTP 503) to a request that cannot get a connection in time', async () => {
    const lock = await lockTable(t.config.databaseUrl!, 'station');
    try {
      // The first request holds the only connection while it waits on the lock.
      const holding = t.gql('{ stations(first: 1) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waiting = await t.gql('{ regions(first: 1) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
      expect(waiting.status).toBe(503);
      expect(waiting.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: waiting.headers['x-request-id'] });
      expect(waiting.headers['retry-after']).toBe('5');
      await lock.release();
      await holding;
    } finally {
      await lock.release();
    }
  });
});

/** A TCP relay in front of the database that can be cut, as a network or database outage would. */
async function startRelay(target: URL): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((socket) => {
    if (cut) return socket.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(socket).add(upstream);
    socket.pipe(upstream).pipe(socket);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a database outage (production mode)', () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let app: App;
  let key: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    relay = await startRelay(new URL(database.url));
    const config = {
      ...loadConfig({ NODE_ENV: 'production', DATABASE_URL: relay.url, WEBHOOK_ENABLED: 'false', DB_POOL_WAIT_MS: '2000', RATE_LIMIT_BUDGETS: UNSPENDABLE_BUDGETS }),
      dbPoolMax: database.poolMax,
    };
    app = await createApp(config);
    ({ key } = await createApiClient(app.database.orm.em.fork(), { name: '停机测试', roles: ['ANALYST'] }));
  });

  afterAll(async () => {
    await app.close().catch(() => undefined);
    await relay.close();
    await database.drop();
  });

  it('answers SERVICE_UNAVAILABLE with the request id and no SQL, for an API key and anonymously, and recovers when the database is back', async () => {
    const post = (headers: Record<string, string>) =>
      request(app.app)
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...headers })
        .send({ query: '{ stations(first: 2) { nodes { code } } }' });
    expect((await post({ authorization: `Bearer ${key}` })).status).toBe(200);

    relay.cut();
    for (const headers of [{ authorization: `Bearer ${key}` }, {}] as Record<string, string>[]) {
      const res = await post(headers);
      expect(res.status).toBe(503);
      const [error] = res.body.errors;
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: res.headers['x-request-id'] });
      expect(error.message).toContain(res.headers['x-request-id']);
      const body = JSON.stringify(res.body);
      expect(body).not.toMatch(/select|api_client|key_hash|Context creation failed|ECONNREFUSED|Connection terminated|stack/i);
    }

    relay.restore();
    expect((await post({ authorization: `Bearer ${key}` })).status).toBe(200);
  });
});
