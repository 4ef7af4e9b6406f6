import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { getSchema } from '../../src/graphql/schema';

/**
 * The deepest selection the schema allows for a root list, built from the schema itself: every
 * field (fields that need arguments besides paging are left out), every nested connection at
 * `first: 3`, three relations deep. (At `first: 20` a page of 100 regions is hundreds of megabytes of
 * answer and took a jest worker past its heap limit; the statement count does not depend on it.)
 */
const DEPTH = 3;
const NESTED_FIRST = 3;

const isConnection = (type: GraphQLNamedType): type is GraphQLObjectType => isObjectType(type) && type.name.endsWith('Connection');

/** Arguments for a field: `first` on connections, nothing else (fields that need more are left out). */
function argumentsOf(field: GraphQLField<unknown, unknown>, first: string): string | null {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length) return null;
  return isConnection(getNamedType(field.type)) ? `(first: ${first})` : '';
}

function selectionOf(type: GraphQLNamedType, depth: number, skip: readonly string[] = [], alias = ''): string {
  if (isConnection(type)) {
    const node = getNamedType(type.getFields().nodes.type);
    return `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node ${selectionOf(node, depth)} } }`;
  }
  if (isAbstractType(type)) {
    // The interface's own fields once, then each concrete type's other fields, aliased by type (they
    // may differ in nullability between types).
    const shared = isInterfaceType(type) ? type.getFields() : {};
    const parts = getSchema()
      .getPossibleTypes(type)
      .map((concrete) => `... on ${concrete.name} ${selectionOf(concrete, depth, Object.keys(shared), `${concrete.name}_`)}`);
    return `{ __typename ${isInterfaceType(type) ? fieldsOf(type, depth) : ''} ${parts.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  return `{ __typename ${fieldsOf(type, depth, skip, alias)} }`;
}

function fieldsOf(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, skip: readonly string[] = [], alias = ''): string {
  const fields: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (skip.includes(field.name)) continue;
    const args = argumentsOf(field, String(NESTED_FIRST));
    if (args === null) continue;
    const target = getNamedType(field.type);
    if (isLeafType(target)) {
      fields.push(`${alias ? `${alias}${field.name}: ` : ''}${field.name}${args}`);
    } else if (depth < DEPTH) {
      fields.push(`${alias ? `${alias}${field.name}: ` : ''}${field.name}${args} ${selectionOf(target, depth + 1)}`);
    }
  }
  return fields.join(' ');
}

/**
 * Root lists: Query fields returning a connection that need no argument but paging. `filters` adds
 * arguments to a list whose default answer is short (regions: the top of the tree), so that the
 * pages compared really differ in size.
 */
export function rootLists(filters: Record<string, string> = {}): { name: string; document: string }[] {
  const query = getSchema().getQueryType()!;
  return Object.values(query.getFields())
    .filter((field) => isConnection(getNamedType(field.type)) && argumentsOf(field, '$first') !== null)
    .map((field) => {
      const extra = filters[field.name] ? `, ${filters[field.name]}` : '';
      return {
        name: field.name,
        document: `query Deepest($first: Int!) { list: ${field.name}(first: $first${extra}) ${selectionOf(getNamedType(field.type), 0)} }`,
      };
    });
}

