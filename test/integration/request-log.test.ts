import net from 'node:net';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { setLogDestination } from '../../src/logger';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';
import { lockTable, onServer } from '../helpers/locks';

/**
 * One log line per request (src/request-log.ts): request id, caller, operation, cost, duration,
 * status — and nothing of the credentials, the query, its variables or the personal data it
 * carries; none for the health probes.
 */
const lines: Record<string, any>[] = [];
const raw: string[] = [];
setLogDestination(
  new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  }),
);

const t = useTestApp({ NODE_ENV: 'production' });

const RESIDENT = { name: '欧阳建华', phone: '13907101234' };

function requestLine(requestId: string): Record<string, any> {
  const found = lines.filter((line) => line.requestId === requestId && /^request/.test(line.message));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The request's line once it is written (a line for a connection the client cut comes when the server notices). */
async function eventualRequestLine(requestId: string): Promise<Record<string, any>> {
  for (let tries = 0; tries < 100 && !lines.some((line) => line.requestId === requestId); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return requestLine(requestId);
}

describe('request logs (production mode)', () => {
  let key: string;
  let operator: Record<string, string>;

  beforeAll(async () => {
    operator = await t.clientHeaders({ name: '樊城区操作端', roles: ['REGION_OPERATOR'], regionCode: SEED.anjuCommunityCode.slice(0, 6) });
    key = operator.authorization.replace('Bearer ', '');
  });

  it('writes one line per request with its id, caller, operation, cost, duration and status', async () => {
    const res = await t.gql('query StationPage { stations(first: 3) { nodes { code } } }', {}, operator);
    const line = requestLine(res.headers['x-request-id']);
    expect(line).toMatchObject({
      level: 'info',
      message: 'request',
      operation: 'StationPage',
      operationType: 'query',
      cost: 4,
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
    });
    expect(line.caller).toMatch(/^client:[0-9a-f-]{36}$/);
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');

    const anonymous = await t.gql('{ stations(first: 1) { totalCount } }', {}, ANONYMOUS_HEADERS);
    expect(requestLine(anonymous.headers['x-request-id'])).toMatchObject({ caller: 'anonymous', operation: null, res: { status: 200 } });

    const refused = await t.gql('{ stations(first: 100) { nodes { serviceItems(first: 100) { nodes { id } } } } }', {}, ANONYMOUS_HEADERS);
    expect(requestLine(refused.headers['x-request-id'])).toMatchObject({ level: 'warn', res: { status: 400 } });

    const unauthenticated = await t.gql('{ viewer { kind } }', {}, { authorization: 'Bearer yz_thisKeyDoesNotExistAnywhere00000000000000' });
    expect(requestLine(unauthenticated.headers['x-request-id'])).toMatchObject({ level: 'warn', res: { status: 401 } });
  });

  it('never logs keys, idempotency keys, queries, variables or personal data — not even when a write fails unexpectedly', async () => {
    const create = `mutation AddResident($input: CreatePersonInput!) { createPerson(input: $input) { person { id name phone } userErrors { code } } }`;
    const input = { ...RESIDENT, role: 'VOLUNTEER', regionCode: SEED.anjuCommunityCode };
    const created = await t.gql(create, { input }, { ...operator, 'idempotency-key': 'resident-key-0001' });
    expect(created.data.createPerson.person.name).toBe(RESIDENT.name);
    await t.gql(`{ people(filter: { search: "${RESIDENT.name}" }) { nodes { name phone } } }`, {}, operator);

    // A write that fails inside PostgreSQL with the resident's name in the driver's message.
    const connection = t.app.database.orm.em.getConnection();
    await connection.execute(`create function refuse_person() returns trigger language plpgsql as $$
      begin raise exception 'refused person %, phone %', new.name, new.phone; end $$`);
    await connection.execute('create trigger refuse_person before insert on person for each row execute function refuse_person()');
    try {
      const failed = await t.gql(create, { input: { ...input, name: `${RESIDENT.name}二` } }, operator);
      expect(failed.errors![0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(failed.errors)).not.toContain(RESIDENT.name);
      expect(lines.some((line) => line.level === 'error' && line.requestId === failed.headers['x-request-id'])).toBe(true);
    } finally {
      await connection.execute('drop trigger refuse_person on person');
      await connection.execute('drop function refuse_person()');
    }

    const everything = raw.join('\n');
    for (const secret of [key, key.slice(3, 20), 'resident-key-0001', RESIDENT.name, RESIDENT.phone, '1390710', 'AddResident(', 'createPerson(', 'Bearer']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('writes no line for the health probes', async () => {
    for (const [path, requestId] of [
      ['/healthz', 'probe-healthz-0001'],
      ['/readyz', 'probe-readyz-0001'],
    ]) {
      expect((await t.http().get(path).set('x-request-id', requestId)).status).toBe(200);
    }
    // A logged request after them: its line is there, so theirs would be too.
    await t.http().get('/no-such-page').set('x-request-id', 'probe-after-0001');
    expect(requestLine('probe-after-0001')).toMatchObject({ level: 'warn', message: 'request', req: { method: 'GET', path: '/no-such-page' }, res: { status: 404 } });
    expect(lines.filter((line) => /^probe-(healthz|readyz)/.test(line.requestId))).toEqual([]);
  });

  it('redacts credentials and personal data even when code hands them to the logger by mistake', async () => {
    const { logger } = await import('../../src/logger');
    logger.error('mistake', { authorization: `Bearer ${key}`, phone: RESIDENT.phone, secret: 'whsec_abc', idNumber: '420602199001011234' });
    const line = lines[lines.length - 1];
    expect(line).toMatchObject({ message: 'mistake', authorization: '[redacted]', phone: '[redacted]', secret: '[redacted]', idNumber: '[redacted]' });
  });
});

onServer('request logs of a failing request (production mode, one connection)', () => {
  const t = useTestApp({ NODE_ENV: 'production', DB_POOL_MAX: '1', DB_POOL_WAIT_MS: '300', STATEMENT_TIMEOUT_MS: '3000' });

  it('writes a 5xx answer at level error as "request failed"', async () => {
    const lock = await lockTable(t.config.databaseUrl!, 'station');
    try {
      // The first request holds the only connection while it waits on the lock; the second gets 503.
      const holding = t.gql('{ stations(first: 1) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waiting = await t.gql('{ regions(first: 1) { nodes { code } } }', {}, ANONYMOUS_HEADERS);
      expect(waiting.status).toBe(503);
      const line = requestLine(waiting.headers['x-request-id']);
      expect(line).toMatchObject({ level: 'error', message: 'request failed', caller: 'anonymous', req: { method: 'POST', path: '/graphql' }, res: { status: 503 } });
      expect(line).not.toHaveProperty('aborted');
      await lock.release();
      await holding;
    } finally {
      await lock.release();
    }
  });

  it('says "request failed", aborted, when the client closes the connection before the answer', async () => {
    const lock = await lockTable(t.config.databaseUrl!, 'station');
    try {
      await new Promise<void>((resolve) => t.app.httpServer.listen(0, '127.0.0.1', resolve));
      const { port } = t.app.httpServer.address() as net.AddressInfo;
      const arrived = once(t.app.httpServer, 'request');
      const socket = net.connect(port, '127.0.0.1');
      await once(socket, 'connect');
      // A whole request, held on the lock; the client gives up while it waits.
      const body = JSON.stringify({ query: '{ stations(first: 1) { nodes { code } } }' });
      socket.write(
        ['POST /graphql HTTP/1.1', 'host: localhost', 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`, 'x-request-id: aborted-0001', '', body].join(
          '\r\n',
        ),
      );
      await arrived;
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      const line = await eventualRequestLine('aborted-0001');
      expect(line).toMatchObject({ message: 'request failed', aborted: true, req: { method: 'POST', path: '/graphql' } });
      expect(typeof line.durationMs).toBe('number');
    } finally {
      await lock.release();
    }
    // The held request ends once the lock is gone; its line was written when the client left, not again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.filter((line) => line.requestId === 'aborted-0001')).toHaveLength(1);
  });
});
