import { Writable } from 'node:stream';
import { setLogDestination } from '../../src/logger';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';

/**
 * One log line per request (pino-http): request id, caller, operation, cost, duration, status —
 * and nothing of the credentials, the query, its variables or the personal data it carries.
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

  it('redacts credentials and personal data even when code hands them to the logger by mistake', async () => {
    const { logger } = await import('../../src/logger');
    logger.error('mistake', { authorization: `Bearer ${key}`, phone: RESIDENT.phone, secret: 'whsec_abc', idNumber: '420602199001011234' });
    const line = lines[lines.length - 1];
    expect(line).toMatchObject({ message: 'mistake', authorization: '[redacted]', phone: '[redacted]', secret: '[redacted]', idNumber: '[redacted]' });
  });
});
