import {
  parse,
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
import { estimateCost } from '../../src/graphql/query-cost';

/**
 * The deepest selection the schema allows for a root list, built from the schema itself: every
 * field (fields that need arguments besides paging are left out), every nested connection at
 * `first: 3`, three relations deep. (At `first: 20` a page of 100 regions is hundreds of megabytes of
 * answer and took a jest worker past its heap limit; the statement count does not depend on it.)
 */
const DEPTH = 3;
/** The current build's depth (3, or less where the server's own field limit refuses depth 3). */
let maxDepth = DEPTH;
const NESTED_FIRST = 3;

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
    const responseKey = alias && (!aliased || aliased.has(field.name)) ? `${alias}${field.name}: ` : '';
    if (isLeafType(target)) {
      fields.push(`${responseKey}${field.name}${args}`);
    } else if (depth < maxDepth) {
      fields.push(`${responseKey}${field.name}${args} ${selectionOf(target, depth + 1)}`);
    }
  }
  return fields.join(' ');
}

/**
 * Root lists: Query fields returning a connection that need no argument but paging. `filters` adds
 * arguments to a list whose default answer is short (regions: the top of the tree), so that the
 * pages compared really differ in size. A list whose depth-3 document the server itself refuses
 * (more than its limit of evaluated fields: audit events reach any record through `record`) is
 * built at the deepest depth the server accepts, and says so in `depth`.
 */
export function rootLists(filters: Record<string, string> = {}): { name: string; document: string; depth: number }[] {
  const schema = getSchema();
  const query = schema.getQueryType()!;
  return Object.values(query.getFields())
    .filter((field) => isConnection(getNamedType(field.type)) && argumentsOf(field, '$first') !== null)
    .map((field) => {
      const extra = filters[field.name] ? `, ${filters[field.name]}` : '';
      for (maxDepth = DEPTH; ; maxDepth -= 1) {
        const document = `query Deepest($first: Int!) { list: ${field.name}(first: $first${extra}) ${selectionOf(getNamedType(field.type), 0)} }`;
        const estimate = estimateCost(schema, parse(document), 'Deepest', { first: 100 });
        if (!('breach' in estimate) || maxDepth === 1) return { name: field.name, document, depth: maxDepth };
      }
    });
}
