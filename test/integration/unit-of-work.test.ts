import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLInputType } from 'graphql';
import type { Request } from 'express';
import { createAuthenticator } from '../../src/auth/authenticate';
import { StatementOutsideTransaction } from '../../src/db/failures';
import { buildContext } from '../../src/graphql/context';
import { getSchema } from '../../src/graphql/schema';
import { runUnitOfWork } from '../../src/graphql/unit-of-work';
import { useTestApp } from '../helpers/app';
import { SEED, XIANGYANG_POINT } from '../helpers/fixtures';

/**
 * Every mutation field is one unit of work. The app here has ONE pooled connection, as the
 * embedded database has, and waits half a minute for a free one: a read that bypassed the open
 * transaction would hang for that long, and must throw at once instead.
 */
const t = useTestApp({ NODE_ENV: 'production', DB_POOL_MAX: '1', DB_POOL_WAIT_MS: '30000' });
const schema = getSchema();
const mutations = Object.values(schema.getMutationType()!.getFields());

const STATION_FIELDS = 'id version isHub hub { id }';
const UPDATE = `updateStation(input: $input) { station { ${STATION_FIELDS} } userErrors { field code message } }`;

interface Station {
  id: string;
  version: number;
  isHub: boolean;
  hub: { id: string } | null;
}

/** A district whose stations mostly neither are hubs nor belong to one (枣阳市). */
const ZAOYANG = '420683';

/** Open stations of one district that are neither hubs nor members of one, in code order. */
async function plainStations(count: number, skip = 0): Promise<Station[]> {
  const res = await t.gql(`{ stations(first: 100, filter: { regionCode: "${ZAOYANG}", isHub: false, status: [OPEN] }) { nodes { ${STATION_FIELDS} } } }`);
  expect(res.errors).toBeUndefined();
  const plain = (res.data.stations.nodes as Station[]).filter((station) => !station.hub);
  expect(plain.length).toBeGreaterThanOrEqual(skip + count);
  return plain.slice(skip, skip + count);
}

async function station(id: string): Promise<Station> {
  const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Station { ${STATION_FIELDS} } } }`, { id });
  return res.data.node;
}

async function changeEvents(): Promise<number> {
  const [row] = await t.app.database.orm.em.getConnection().execute<{ count: string }[]>('select count(*) as count from change_event');
  return Number(row.count);
}

describe('every mutation field is one unit of work', () => {
  it('walks every field of the Mutation type', () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  /** Real IDs by the type an ID argument names (stationId → Station, …; `id` by the mutation's record). */
  let realIds: Record<string, string>;
  beforeAll(async () => {
    const res = await t.gql(`{
      stations(first: 1, filter: { status: [OPEN] }) { nodes { id } } people(first: 1) { nodes { id } } organizations(first: 1) { nodes { id } }
      departments(first: 1) { nodes { id } } platforms(first: 1) { nodes { id } } serviceItems(first: 1) { nodes { id } }
      dutyShifts(first: 1) { nodes { id } } activities(first: 1) { nodes { id } } coBuildings(first: 1) { nodes { id } }
      serviceCircles(first: 1) { nodes { id } } stationServiceItems: serviceItems(first: 1) { nodes { stations(first: 1) { nodes { id } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const first = (key: string) => res.data[key].nodes[0].id as string;
    realIds = {
      Station: first('stations'),
      Person: first('people'),
      Organization: first('organizations'),
      Department: first('departments'),
      Platform: first('platforms'),
      ServiceItem: first('serviceItems'),
      DutyShift: first('dutyShifts'),
      Activity: first('activities'),
      CoBuilding: first('coBuildings'),
      ServiceCircle: first('serviceCircles'),
      StationServiceItem: res.data.stationServiceItems.nodes[0].stations.nodes[0].id,
    };
  });

  /** The record type an ID field names, from its name or, for `id`, from the mutation's. */
  function idFor(mutation: string, field: string): string {
    const byName: Record<string, string> = {
      stationId: 'Station',
      hubId: 'Station',
      personId: 'Person',
      contactCadreId: 'Person',
      organizationId: 'Organization',
      organizerId: 'Organization',
      managingOrganizationId: 'Organization',
      departmentId: 'Department',
      serviceCircleId: 'ServiceCircle',
    };
    const type =
      byName[field] ??
      Object.keys(realIds)
        .sort((a, b) => b.length - a.length)
        .find((name) => mutation.toLowerCase().includes(name.toLowerCase()));
    return realIds[type ?? 'Station'];
  }

  /** The smallest input the schema allows: required fields only, with plausible values (most mutations then refuse it, after reading). */
  function minimal(mutation: string, name: string, type: GraphQLInputType): unknown {
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) return [minimal(mutation, name, inner.ofType as GraphQLInputType)];
    const named = getNamedType(inner);
    if (isEnumType(named)) return named.getValues()[0].value === undefined ? named.getValues()[0].name : named.getValues()[0].name;
    if (isInputObjectType(named)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(named.getFields())) {
        if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = minimal(mutation, field.name, field.type);
      }
      if (named.name === 'GeoPointInput') Object.assign(value, XIANGYANG_POINT);
      return value;
    }
    switch (named.name) {
      case 'ID':
        return idFor(mutation, name);
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2026-11-30T08:00:00+08:00';
      case 'LocalDate':
        return '2023-06-01';
      default:
        return /regionCode/.test(name) ? SEED.anjuCommunityCode : /url/i.test(name) ? 'https://example.cn/hook' : '单元测试';
    }
  }

  function documentFor(field: GraphQLField<unknown, unknown>): string {
    const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const returned = getNamedType(field.type);
    const selection = isObjectType(returned) && returned.getFields().userErrors ? '{ __typename userErrors { code } }' : '{ __typename }';
    return `mutation Probe(${variables}) { ${field.name}(${args}) ${selection} }`;
  }

  it.each(mutations.map((field) => [field.name, field] as const))(
    '%s: on one pooled connection, every statement runs inside its one transaction, and it answers at once',
    async (_name, field) => {
      const variables = Object.fromEntries(field.args.map((arg) => [arg.name, minimal(field.name, arg.name, arg.type)]));
      let res: Awaited<ReturnType<typeof t.gql>> | undefined;
      const started = Date.now();
      const statements = await t.captureStatements(async () => {
        res = await t.gql(documentFor(field), variables);
      });
      const context = `${field.name} ${JSON.stringify(variables).slice(0, 200)} → ${JSON.stringify(res!.errors ?? res!.data).slice(0, 300)}`;
      expect([Date.now() - started < 5_000, context]).toEqual([true, context]);
      for (const error of res!.errors ?? []) expect([error.extensions?.code, context]).not.toEqual(['INTERNAL_SERVER_ERROR', context]);
      // After the caller is looked up: BEGIN, the unit's statements, then COMMIT or ROLLBACK, and nothing after.
      const begin = statements.findIndex((sql) => /^begin/i.test(sql));
      expect([begin >= 0, context]).toEqual([true, context]);
      const end = statements.length - 1;
      expect([/^(commit|rollback)/i.test(statements[end]), context]).toEqual([true, context]);
      // Savepoints inside the unit are its own; no second transaction begins or ends.
      expect(statements.slice(begin + 1, end).filter((sql) => /^(begin|commit|rollback)\b(?!\s+to\b)/i.test(sql))).toEqual([]);
    },
  );
});

describe('a document with several mutations behaves as if they were sent one by one', () => {
  it('sees what the mutation before it committed: a station made a hub, then another joined to it', async () => {
    const [x, y] = await plainStations(2);
    const res = await t.gql(`mutation($a: UpdateStationInput!, $b: UpdateStationInput!) { a: ${UPDATE.replace('$input', '$a')} b: ${UPDATE.replace('$input', '$b')} }`, {
      a: { id: x.id, version: x.version, isHub: true },
      b: { id: y.id, version: y.version, hubId: x.id },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.a).toEqual({ station: { id: x.id, version: x.version + 1, isHub: true, hub: null }, userErrors: [] });
    expect(res.data.b).toEqual({ station: { id: y.id, version: y.version + 1, isHub: false, hub: { id: x.id } }, userErrors: [] });
  });

  it('keeps what an earlier mutation did when a later one fails, and nothing of the failed one', async () => {
    const [x, y] = await plainStations(2, 2);
    const events = await changeEvents();
    const res = await t.gql(
      `mutation($a: UpdateStationInput!, $b: UpdateStationInput!) { a: ${UPDATE.replace('$input', '$a')} b: ${UPDATE.replace('$input', '$b')} }`,
      // b names a hub that is not one, after a name change it would also make.
      { a: { id: x.id, version: x.version, name: '单元测试驿站甲' }, b: { id: y.id, version: y.version, name: '单元测试驿站乙', hubId: x.id } },
    );
    expect(res.data.a.userErrors).toEqual([]);
    expect(res.data.b).toMatchObject({ station: null, userErrors: [{ field: ['input', 'hubId'], code: 'INVALID' }] });
    expect(await station(x.id)).toMatchObject({ version: x.version + 1 });
    expect(await station(y.id)).toMatchObject({ version: y.version, hub: null });
    expect(await changeEvents()).toBe(events + 1);
  });

  it('works the same inside an idempotent request: each mutation a savepoint, the request one transaction', async () => {
    const [x, y] = await plainStations(2, 4);
    const document = `mutation($a: UpdateStationInput!, $b: UpdateStationInput!, $c: UpdateStationInput!) {
      a: ${UPDATE.replace('$input', '$a')} b: ${UPDATE.replace('$input', '$b')} c: ${UPDATE.replace('$input', '$c')} }`;
    // c fails (stale version) and leaves a and b as they committed.
    const variables = {
      a: { id: x.id, version: x.version, isHub: true },
      b: { id: y.id, version: y.version, hubId: x.id },
      c: { id: y.id, version: y.version, name: '过期版本' },
    };
    const res = await t.gql(document, variables, { 'idempotency-key': `unit-of-work-${x.id}` });
    expect(res.errors).toBeUndefined();
    expect(res.data.a.userErrors).toEqual([]);
    expect(res.data.b).toMatchObject({ station: { hub: { id: x.id } }, userErrors: [] });
    expect(res.data.c.userErrors[0].code).toBe('CONFLICT');
    expect(await station(y.id)).toMatchObject({ version: y.version + 1, hub: { id: x.id } });
    const replay = await t.gql(document, variables, { 'idempotency-key': `unit-of-work-${x.id}` });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.data).toEqual(res.data);
  });
});

describe('a statement outside the open transaction', () => {
  function context() {
    const req = { headers: {}, ip: '127.0.0.1', socket: {} } as unknown as Request;
    return buildContext(t.app.database.orm, req, createAuthenticator(null), t.config);
  }

  it('throws at once, instead of waiting for the connection the transaction holds', async () => {
    const ctx = context();
    const [x] = await plainStations(1);
    const localId = Buffer.from(x.id, 'base64url').toString('utf8').split(':')[1];
    // A reader, a loader and an EntityManager made before the unit began.
    const { db, loaders, em } = ctx;
    for (const outside of [() => db.one('select 1'), () => loaders.stationById.load(localId), () => em.findOne('Station', { id: localId })]) {
      const started = Date.now();
      const inside = runUnitOfWork(ctx, 'probe', async () => {
        // The unit's own reads work.
        expect(await ctx.db.one<{ one: number }>('select 1 as one')).toEqual({ one: 1 });
        expect((await ctx.loaders.stationById.load(localId))?.dbId).toBe(localId);
        await outside();
      });
      await expect(inside).rejects.toThrow(/outside the open transaction|inside a mutation's unit of work/);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(ctx.unit).toBeNull();
    }
    // Afterwards the request reads again, with loaders that know nothing from before.
    expect(await ctx.db.one<{ one: number }>('select 1 as one')).toEqual({ one: 1 });
    expect(ctx.loaders).not.toBe(loaders);
  });

  it('is the typed error, for a reader made before the transaction', async () => {
    const ctx = context();
    const outside = ctx.db;
    await expect(runUnitOfWork(ctx, 'probe', () => outside.all('select 1'))).rejects.toBeInstanceOf(StatementOutsideTransaction);
  });
});
