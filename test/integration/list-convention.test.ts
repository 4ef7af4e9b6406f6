import { getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/graphql/relay';
import { useTestApp } from '../helpers/app';

/**
 * One convention for lists (issue 5 of 8, item 3), checked on the schema itself so a list added
 * tomorrow is held to it without anyone listing it here: every to-many relation is a Relay
 * connection with first/after/last/before, every root list also takes a filter input and an
 * orderBy, and every root list pages at 20 by default and refuses more than 100.
 */
const schema = getSchema();

/**
 * Lists of records that stay plain lists, each for a reason a reviewer can check. Lists of values
 * (opening windows, function zones, the field changes of one audit event, user errors) are not
 * records (their items are not nodes) and need no entry; nor do mutation payloads, which hand back
 * the records the mutation wrote.
 */
const PLAIN_LISTS: Record<string, string> = {
  'Query.nodes': 'the records of the IDs asked for, in their order',
  'Region.ancestors': 'a path of at most four regions up to the province',
  'Query.onDuty': 'the shifts covering one instant at one station',
  'Station.onDuty': 'the shifts covering one instant at the station',
};

/** Root lists without an orderBy, each for a reason: they are short. */
const FIXED_ORDER: Record<string, string> = {
  externalRefSystems: 'the handful of partner systems registered for references, by code',
  webhookSubscriptions: "a partner client's few subscriptions, oldest first",
};

const unwrap = (type: GraphQLOutputType): GraphQLOutputType => (isNonNullType(type) ? type.ofType : type);
const isConnectionType = (type: GraphQLNamedType) => isObjectType(type) && type.name.endsWith('Connection');
const isRecordType = (type: GraphQLNamedType) => (isObjectType(type) || isInterfaceType(type)) && (type.name === 'Node' || type.getInterfaces().some((i) => i.name === 'Node'));

function everyField(): [string, GraphQLField<unknown, unknown>][] {
  const fields: [string, GraphQLField<unknown, unknown>][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) fields.push([`${type.name}.${field.name}`, field]);
  }
  return fields;
}

const rootConnections = Object.values(schema.getQueryType()!.getFields()).filter((field) => isConnectionType(getNamedType(field.type)));

describe('lists follow one convention (walked from the schema)', () => {
  it('every list of records is a connection, unless it has a stated reason not to be', () => {
    const plain = everyField()
      .filter(([, field]) => isListType(unwrap(field.type)) && isRecordType(getNamedType(field.type)))
      .map(([name]) => name)
      .filter((name) => !/Connection\.nodes$/.test(name) && !/^\w+Payload\./.test(name));
    expect(plain.filter((name) => !PLAIN_LISTS[name])).toEqual([]);
    // …and the reasons are not stale.
    expect(Object.keys(PLAIN_LISTS).filter((name) => !plain.includes(name))).toEqual([]);
  });

  it('every connection field takes first/after and last/before', () => {
    const connections = everyField().filter(([, field]) => isConnectionType(getNamedType(field.type)));
    expect(connections.length).toBeGreaterThan(20);
    const missing = connections
      .map(([name, field]) => [name, ['first', 'after', 'last', 'before'].filter((arg) => !field.args.some((a) => a.name === arg))] as const)
      .filter(([, args]) => args.length > 0)
      .map(([name, args]) => `${name} lacks ${args.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('every root list takes a filter input and an orderBy input', () => {
    const lacking = rootConnections
      .filter((field) => !field.args.some((arg) => arg.name === 'filter') || (!FIXED_ORDER[field.name] && !field.args.some((arg) => arg.name === 'orderBy')))
      .map((field) => field.name);
    expect(lacking).toEqual([]);
    for (const field of rootConnections) {
      const filter = field.args.find((arg) => arg.name === 'filter');
      expect(`${field.name}: ${getNamedType(filter!.type).name}`).toMatch(/Filter$/);
    }
  });
});

describe('page sizes', () => {
  const t = useTestApp();

  it.each(rootConnections.map((field) => [field.name]))('%s pages at 20 by default and refuses more than 100', async (name) => {
    const page = await t.gql(`{ list: ${name} { pageInfo { hasNextPage } nodes { __typename } } }`);
    expect(page.errors).toBeUndefined();
    const { nodes, pageInfo } = page.data.list;
    expect(nodes.length).toBeLessThanOrEqual(DEFAULT_PAGE_SIZE);
    // A full default page says so; a short one is the whole list.
    if (pageInfo.hasNextPage) expect(nodes).toHaveLength(DEFAULT_PAGE_SIZE);
    const tooMany = await t.gql(`{ list: ${name}(first: ${MAX_PAGE_SIZE + 1}) { nodes { __typename } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await t.gql(`{ list: ${name}(last: ${MAX_PAGE_SIZE + 1}) { nodes { __typename } } }`);
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
