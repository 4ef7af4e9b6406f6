import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';

/**
 * The deepest selection the schema allows for a root field, built from the schema itself: every
 * field (fields that need arguments besides paging are left out), every nested connection at
 * `first: 20`, three relations deep.
 */
const DEPTH = 3;
const NESTED_FIRST = 20;

const isConnection = (type: GraphQLNamedType): type is GraphQLObjectType => isObjectType(type) && type.name.endsWith('Connection');

/** Arguments for a field: `first` on connections, nothing else (fields that need more are left out). */
function argumentsOf(field: GraphQLField<unknown, unknown>, first: string): string | null {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length) return null;
  return isConnection(getNamedType(field.type)) ? `(first: ${first})` : '';
}

function selectionOf(type: GraphQLNamedType, depth: number, skip: readonly string[] = [], alias = '', aliased?: ReadonlySet<string>): string {
  if (isConnection(type)) {
    const node = getNamedType(type.getFields().nodes.type);
    return `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node ${selectionOf(node, depth)} } }`;
  }
  if (isAbstractType(type)) {
    // The interface's own fields once, then each concrete type's other fields; a field whose type
    // differs between the concrete types (nullability, say) is aliased by type, so the fragments merge.
    const shared = isInterfaceType(type) ? type.getFields() : {};
    const possible = getSchema().getPossibleTypes(type);
    const typesByField = new Map<string, Set<string>>();
    for (const concrete of possible) {
      for (const field of Object.values(concrete.getFields())) typesByField.set(field.name, (typesByField.get(field.name) ?? new Set()).add(String(field.type)));
    }
    const conflicting = new Set([...typesByField].filter(([, types]) => types.size > 1).map(([name]) => name));
    const parts = possible.map((concrete) => `... on ${concrete.name} ${selectionOf(concrete, depth, Object.keys(shared), `${concrete.name}_`, conflicting)}`);
    return `{ __typename ${isInterfaceType(type) ? fieldsOf(type, depth) : ''} ${parts.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  return `{ __typename ${fieldsOf(type, depth, skip, alias, aliased)} }`;
}

function fieldsOf(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, skip: readonly string[] = [], alias = '', aliased?: ReadonlySet<string>): string {
  const fields: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (skip.includes(field.name)) continue;
    const args = argumentsOf(field, String(NESTED_FIRST));
    if (args === null) continue;
    const target = getNamedType(field.type);
    // Relations are aliased by type too: GraphQL's validation compares every pair of same-named
    // fields across the fragments of an abstract type, subselections and all, and gives up on a
    // document this large (Node's dozens of types, each three relations deep) when they share names.
    const responseKey = alias && (!aliased || aliased.has(field.name) || !isLeafType(target)) ? `${alias}${field.name}: ` : '';
    if (isLeafType(target)) {
      fields.push(`${responseKey}${field.name}${args}`);
    } else if (depth < DEPTH) {
      fields.push(`${responseKey}${field.name}${args} ${selectionOf(target, depth + 1)}`);
    }
  }
  return fields.join(' ');
}

/**
 * Root lists: Query fields returning a connection that need no argument but paging. `filters` adds
 * arguments to a list whose default answer is short (regions: the top of the tree), so that the
 * pages compared really differ in size. (Such documents are far past the server's default shape,
 * field and cost limits: the app that runs them lifts those.)
 */
export function rootLists(filters: Record<string, string> = {}): { name: string; document: string }[] {
  const query = getSchema().getQueryType()!;
  return Object.values(query.getFields())
    .filter((field) => isConnection(getNamedType(field.type)) && argumentsOf(field, '$first') !== null)
    .map((field) => {
      const extra = filters[field.name] ? `, ${filters[field.name]}` : '';
      return { name: field.name, document: `query Deepest($first: Int!) { list: ${field.name}(first: $first${extra}) ${selectionOf(getNamedType(field.type), 0)} }` };
    });
}

/** A record type: the Node interface, or a type that implements it. */
function isRecordType(type: GraphQLNamedType): boolean {
  if (isInterfaceType(type) && type.name === 'Node') return true;
  return (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((candidate) => candidate.name === 'Node');
}

/**
 * Single-record roots: Query fields returning one record (a type that implements Node, or Node
 * itself), each with the deepest selection the schema allows for it (as for root lists). Their
 * arguments name a record, which the schema cannot: `documentFor` takes them, and for a root of
 * an abstract type the type of that record (`on`): the selection is that type's, since the whole
 * of Node three deep is past what graphql-js validates (its budget for comparing overlapping
 * fields), and the other types' parts of a selection read nothing for this record.
 */
export function singleRecordRoots(): { name: string; documentFor: (args: string, on?: string) => string }[] {
  const schema = getSchema();
  return Object.values(schema.getQueryType()!.getFields())
    .filter((field) => !isListType(isNonNullType(field.type) ? field.type.ofType : field.type) && isRecordType(getNamedType(field.type)))
    .map((field) => ({
      name: field.name,
      documentFor: (args: string, on?: string) => {
        const selection = on ? `{ __typename ... on ${on} ${selectionOf(schema.getType(on)!, 0)} }` : selectionOf(getNamedType(field.type), 0);
        return `query Deepest { one: ${field.name}(${args}) ${selection} }`;
      },
    }));
}
