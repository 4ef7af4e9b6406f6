import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { ORGANIZATION_SEED, SEED } from '../helpers/fixtures';

/**
 * Property-based fuzzing of every mutation the schema has (and every query argument), as every
 * role, with malformed strings, IDs, cursors and numbers that still fit the GraphQL types — so they
 * reach the resolvers and services. Whatever comes in:
 * - never HTTP 500 and never INTERNAL_SERVER_ERROR;
 * - a refused mutation (user errors, or a GraphQL error) changes nothing: no change event, no
 *   client, subscription, delivery, key or reference system appears or goes.
 * The mutations are read from the schema, so a new one is fuzzed without anyone listing it.
 * FUZZ_SEED and FUZZ_RUNS choose the seed and the runs per mutation and role (fixed by default,
 * so a failure is reproducible).
 */
const SEED_VALUE = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);

const t = useTestApp({ NODE_ENV: 'production' });
const schema = getSchema();

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const NIL_UUID = '00000000-0000-4000-8000-000000000000';

/** Texts PostgreSQL cannot store: refused at the edge, never a failed statement. */
const UNSTORABLE_STRINGS = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udbff\u0000'];

const NASTY_STRINGS = [
  '',
  '   ',
  "' or 1=1 --",
  "'; drop table station; --",
  '%_\\',
  '襄阳市樊城区王寨街道',
  '😀🚩',
  '\u202e\u0301',
  'null',
  '<script>alert(1)</script>',
  '{"__proto__":{"admin":true}}',
  '-1',
  '1e999',
  'NaN',
  '9'.repeat(40),
  'x'.repeat(10_001),
  '长'.repeat(2_001),
  'http://127.0.0.1:22/',
  'http://169.254.169.254/latest/meta-data/',
  'https://example.cn/hook',
  '2023-02-30',
  '2023-06-01',
  '2026-11-30T08:00:00+08:00',
  '9999-12-31T23:59:59Z',
  '0001-01-01',
  '420606002011',
  '420600',
  SEED.anjuCommunityCode,
  ORGANIZATION_SEED.anjuWarmNewStationCode,
];

/** Plausible texts most of the time (so inputs get past the edge to the services), nasty ones often enough. */
const PLAUSIBLE_STRINGS = ['安居社区红色驿站', '王寨街道', '张建国', '13907101234', '0710-3221234', 'XY-RSJ', 'HBRS-GIG', 'zgh-care', 'G-0001', 'VOLUNTEER', '09:00', '18:00'];
const storableStrings = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
/** Two profiles: hostile inputs (any text may be unstorable) and storable ones, which get further into the services. */
const PROFILES = {
  hostile: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) }, { weight: 4, arbitrary: storableStrings }),
  storable: storableStrings,
} as const;
type Profile = keyof typeof PROFILES;

/** Forged opaque values: global IDs of unknown types, other types, non-existent records; cursors. */
const FORGED_IDS = [
  b64('Station:not-a-uuid'),
  b64(`Station:${NIL_UUID}`),
  b64(`Person:${NIL_UUID}`),
  b64('Region:0'),
  b64('Region:99999999999999999999'),
  b64('Nope:1'),
  b64('Station:'),
  b64(JSON.stringify(['1e999', NIL_UUID])),
  b64(JSON.stringify(['2023-02-30', NIL_UUID])),
  b64(JSON.stringify([{ a: 1 }])),
  '!!!',
  '',
  'A'.repeat(300),
];

const ints = fc.oneof(fc.constantFrom(0, -1, 1, 2, 100, 101, 501, 2_147_483_647, -2_147_483_648), fc.integer());
const floats = fc.oneof(fc.constantFrom(0, -0, 1e308, -1e308, 90.0001, 180.5, 32.04, 112.14, 3.4e38, 1e-320), fc.double({ noNaN: true, noDefaultInfinity: true }));

const SCALAR_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  Int: ints,
  Float: floats,
  Boolean: fc.boolean(),
  // Mostly values the scalar accepts (out of range for the service, often), some it refuses.
  DateTime: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('2026-11-30T08:00:00Z', '2026-11-30T10:00:00+08:00', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2023-12-25T19:30:00+08:00') },
    { weight: 1, arbitrary: fc.constantFrom('2023-02-30T00:00:00Z', 'yesterday', '') },
  ),
  LocalDate: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('2023-06-01', '2026-11-30', '0001-01-01', '9999-12-31', '2024-02-29') },
    { weight: 1, arbitrary: fc.constantFrom('2023-02-29', '2023-13-01', 'today') },
  ),
  JSON: fc.jsonValue({ maxDepth: 2 }),
};

/** Values of a GraphQL input type: well-typed (so they reach the resolvers), with nasty content. */
function valuesOf(type: GraphQLInputType, ids: fc.Arbitrary<string>, profile: Profile, depth = 0): fc.Arbitrary<unknown> {
  const strings = PROFILES[profile];
  if (isNonNullType(type)) return valuesOf(type.ofType, ids, profile, depth);
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = valuesOf(nullable.ofType as GraphQLInputType, ids, profile, depth + 1);
    return fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant([]) });
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name));
  if (isScalarType(named)) {
    if (named.name === 'ID') return ids;
    if (named.name === 'String') return strings;
    return SCALAR_VALUES[named.name] ?? strings;
  }
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(named.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of fields) {
      const value = valuesOf(field.type, ids, profile, depth + 1);
      if (isNonNullType(field.type)) {
        // Required (no default): always given; with a default: given or left out, never null.
        record[field.name] = value;
        if (field.defaultValue === undefined) required.push(field.name);
      } else {
        record[field.name] = fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
      }
    }
    return fc.record(record, { requiredKeys: required });
  }
  return fc.constant(null);
}

/** What each role calls with. */
type Roles = Record<string, Record<string, string>>;

function argumentsDocument(operation: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(field.type);
  let selection = '';
  if (isObjectType(returned)) {
    const fields = returned.getFields();
    selection = fields.userErrors ? '{ __typename userErrors { field code message } }' : '{ __typename }';
  } else if (!isScalarType(returned) && !isEnumType(returned)) {
    selection = '{ __typename }';
  }
  return `${operation} Fuzz(${variables}) { ${field.name}(${args}) ${selection} }`;
}

/** Everything a refused mutation must leave as it was. */
async function fingerprint(): Promise<string> {
  const rows = await t.app.database.orm.em.getConnection().execute<Record<string, unknown>[]>(
    `select (select count(*) from change_event) as events, (select max(seq) from change_event) as last_event,
            (select count(*) from api_client) as clients, (select count(*) from webhook_subscription) as subscriptions,
            (select count(*) from webhook_delivery) as deliveries, (select count(*) from idempotency_key) as keys,
            (select count(*) from external_ref_system) as systems, (select count(*) from external_ref) as refs`,
  );
  return JSON.stringify(rows[0]);
}

describe('fuzzing every mutation and query argument as every role (production mode)', () => {
  let roles: Roles;
  let ids: fc.Arbitrary<string>;

  beforeAll(async () => {
    roles = {
      anonymous: ANONYMOUS_HEADERS,
      analyst: await t.clientHeaders({ name: '模糊测试-分析', roles: ['ANALYST'] }),
      partner: await t.clientHeaders({ name: '模糊测试-部门', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' }),
      operator: await t.clientHeaders({ name: '模糊测试-街道', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode }),
      admin: await t.clientHeaders({ name: '模糊测试-管理', roles: ['ADMIN'] }),
    };
    // Real IDs of every kind of record, so some inputs name existing records (of the right type or not).
    const sample = await t.gql(`{
      stations(first: 3) { nodes { id } } people(first: 3) { nodes { id } } organizations(first: 3) { nodes { id } }
      departments(first: 3) { nodes { id } } platforms(first: 3) { nodes { id } } serviceItems(first: 3) { nodes { id } }
      regions(first: 2) { nodes { id } } dutyShifts(first: 2) { nodes { id } } activities(first: 2) { nodes { id } }
      coBuildings(first: 2) { nodes { id } }
    }`);
    expect(sample.errors).toBeUndefined();
    const real = Object.values(sample.data).flatMap((connection: any) => connection.nodes.map((node: { id: string }) => node.id));
    expect(real.length).toBeGreaterThan(20);
    ids = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: fc.constantFrom(...FORGED_IDS) }, { weight: 1, arbitrary: PROFILES.hostile });
  });

  const mutations = Object.values(schema.getMutationType()!.getFields());

  it.each(mutations.map((field) => [field.name, field] as const))('%s: no server error whatever the input, and a refusal changes nothing', async (_name, field) => {
    const document = argumentsDocument('mutation', field);
    // How many inputs got past the GraphQL types to the resolver: the fuzzing must reach the services.
    let reached = 0;
    for (const [role, headers, profile] of Object.entries(roles).flatMap(([role, headers]) => (['hostile', 'storable'] as const).map((p) => [role, headers, p] as const))) {
      const inputs = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valuesOf(arg.type, ids, profile)])));
      await fc.assert(
        fc.asyncProperty(inputs, async (variables) => {
          const before = await fingerprint();
          const res = await t.gql(document, variables, headers);
          const context = `${role} ${field.name} ${JSON.stringify(variables).slice(0, 300)} → ${res.status} ${String(JSON.stringify(res.errors ?? res.data)).slice(0, 300)}`;
          expect([res.status, context]).not.toEqual([500, context]);
          for (const error of res.errors ?? []) expect([error.extensions?.code, context]).not.toEqual(['INTERNAL_SERVER_ERROR', context]);
          const payload = res.data?.[field.name];
          if (payload || res.errors?.some((error) => error.path)) reached++;
          else if (process.env.FUZZ_DEBUG) process.stdout.write(`${context}\n`);
          const refused = !!res.errors?.length || !payload || (Array.isArray(payload.userErrors) && payload.userErrors.length > 0);
          if (refused) expect([await fingerprint(), context]).toEqual([before, context]);
        }),
        { seed: SEED_VALUE, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect(reached).toBeGreaterThan(0);
  });

  const queries = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);

  it.each(queries.map((field) => [field.name, field] as const))('query %s: no server error whatever the arguments', async (_name, field) => {
    const document = argumentsDocument('query', field);
    const args = fc.record(
      Object.fromEntries(
        field.args.map((arg) => {
          const cursor = /^(after|before)$/.test(arg.name);
          const value = cursor ? fc.oneof(fc.constantFrom(...FORGED_IDS), PROFILES.hostile) : valuesOf(arg.type, ids, 'hostile');
          return [arg.name, isNonNullType(arg.type) ? value : fc.oneof(value, fc.constant(null))];
        }),
      ),
    );
    for (const [role, headers] of Object.entries(roles)) {
      await fc.assert(
        fc.asyncProperty(args, async (variables) => {
          const res = await t.gql(document, variables, headers);
          const context = `${role} ${field.name} ${JSON.stringify(variables).slice(0, 300)} → ${res.status} ${String(JSON.stringify(res.errors)).slice(0, 300)}`;
          expect([res.status, context]).not.toEqual([500, context]);
          for (const error of res.errors ?? []) expect([error.extensions?.code, context]).not.toEqual(['INTERNAL_SERVER_ERROR', context]);
        }),
        { seed: SEED_VALUE, numRuns: RUNS, endOnFailure: true },
      );
    }
  });
});
