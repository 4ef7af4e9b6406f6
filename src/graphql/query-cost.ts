import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DEFAULT_PAGE_SIZE } from './relay';

/**
 * What a query may cost, decided from the document before anything runs.
 *
 * The cost of a selection is the number of records it can make the server read:
 * - a field holding one record (a relation, a payload) costs 1 plus its selection;
 * - a page — a field with `first`/`last`: connections, paged lists, the change feed — costs its
 *   page size times the selection of one item: `first`/`last` when given, the default page size
 *   (20) when not; page sizes multiply through nesting, so 100 stations × 100 items × 100 stations
 *   costs about 1,000,000;
 * - a list of records without paging costs its length (the number of `ids` for `nodes(ids:)`,
 *   else the default page size) times (1 + the selection of one record);
 * - lists of plain values inside a record (user errors, opening windows) cost 1 plus their selection;
 * - scalars, enums, `totalCount` and `pageInfo` cost 0;
 * - a mutation field costs MUTATION_COST on top of its payload: a write does more than a read;
 * - introspection (`__schema`, `__type`) costs nothing: GraphiQL's documentation needs it;
 * - an aggregate (stationStats, circleCoverage, planProgress: figures grouped and counted in the
 *   database) costs AGGREGATE_COST plus its selection: it reads every row its filter matches
 *   (through the indexes, in one statement), about the work of a full page of records, and hands
 *   back small values — its groups are a list of plain values, its record lists pages as above.
 * A field may declare its own cost with type-graphql's `complexity` option; that wins.
 */
export const MUTATION_COST = 10;

/** What counting and grouping the rows of a filter costs, before its selection (see above). */
export const AGGREGATE_COST = 100;

/** The `complexity` option of an aggregate field. */
export const aggregateComplexity: ComplexityEstimator = ({ childComplexity }) => AGGREGATE_COST + childComplexity;

/** The limit a document broke, with the maximum allowed and what the document has. */
export interface LimitBreach {
  limit: 'cost' | 'fields' | 'depth' | 'aliases' | 'rootFields' | 'directives' | 'tokens' | 'repeatedField';
  maximum: number;
  actual: number | null;
}

function isRecordType(type: GraphQLNamedType): boolean {
  if (isInterfaceType(type) && type.name === 'Node') return true;
  return (isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().some((candidate) => candidate.name === 'Node');
}

function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

/** The page size asked for with first/last, if the field pages. */
function requestedPageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  if (!field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return null;
  const requested = [args.first, args.last].find((value): value is number => typeof value === 'number');
  return requested !== undefined ? Math.max(0, requested) : DEFAULT_PAGE_SIZE;
}

/** Our estimator: see the rules above. */
const recordsEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  if (type.name === 'Mutation') return MUTATION_COST + childComplexity;
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  // Inside a connection, edges and nodes are multiplied by the connection field; pageInfo is free.
  if (isConnectionType(type)) return field.name === 'nodes' ? 1 + childComplexity : childComplexity;
  const isList = isListType(getNullableType(field.type));
  const pageSize = requestedPageSize(field, args);
  if (pageSize !== null) return isList ? pageSize * (1 + childComplexity) : 1 + pageSize * childComplexity;
  if (!isList) return 1 + childComplexity;
  if (!isRecordType(named)) return 1 + childComplexity;
  const ids = Object.entries(args).find(([name, value]) => Array.isArray(value) && /ids$/i.test(name))?.[1];
  return (Array.isArray(ids) ? ids.length : DEFAULT_PAGE_SIZE) * (1 + childComplexity);
};

/**
 * The estimated cost of the operation, or a breach when it expands past `maxFields` fields
 * (fragments included: the estimate gives up there; QUERY_MAX_FIELDS).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  maxFields: number,
): { cost: number } | { breach: LimitBreach } {
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables: variables ?? {},
      maxQueryNodes: maxFields,
      estimators: [fieldExtensionsEstimator(), recordsEstimator],
    });
    return { cost };
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      return { breach: { limit: 'fields', maximum: maxFields, actual: null } };
    }
    // Variables that do not fit the operation: execution refuses them before any resolver runs.
    return { cost: 0 };
  }
}

/** Limits on the shape of a document, independent of the caller. */
export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
}

/**
 * How often one response key may be selected in one selection set, inline fragments and spreads
 * flattened. graphql-js's check that such selections can be merged compares them pairwise: 700
 * copies of `region { code }` — 2,800 tokens — cost it a quarter of a second of CPU.
 */
export const MAX_REPEATS_OF_ONE_FIELD = 10;

/**
 * The most times any response key is selected in one (flattened) selection set of the document,
 * counted per type condition: `... on GigWorkStation { name } ... on UnionCareStation { name }`
 * are one each, since only one of them applies to an object. Each fragment is flattened once and
 * its counts reused, so spreading a fragment many times (or a fragment bomb) costs no more than
 * reading the document.
 */
function maxRepeats(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  const flattened = new Map<string, Map<string, number>>();
  /** Counts keyed by "type condition|response key"; '' is the selection set's own type. */
  const flatten = (selectionSet: SelectionSetNode, typeCondition: string, inProgress: Set<string>): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (key: string, count: number) => counts.set(key, Math.min(Number.MAX_SAFE_INTEGER, (counts.get(key) ?? 0) + count));
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) add(`${typeCondition}|${selection.alias?.value ?? selection.name.value}`, 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value ?? typeCondition;
        for (const [key, count] of flatten(selection.selectionSet, condition, inProgress)) add(key, count);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || inProgress.has(name)) continue;
        let fragmentCounts = flattened.get(name);
        if (!fragmentCounts) {
          fragmentCounts = flatten(fragment.selectionSet, fragment.typeCondition.name.value, new Set([...inProgress, name]));
          flattened.set(name, fragmentCounts);
        }
        for (const [key, count] of fragmentCounts) add(key, count);
      }
    }
    return counts;
  };
  let worst = 0;
  visit(document, {
    SelectionSet(node) {
      for (const count of flatten(node, '', new Set()).values()) worst = Math.max(worst, count);
    },
  });
  return worst;
}

/** Top-level fields of an operation, fragments at the top expanded (each fragment once per spread). */
function countRootFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, context, seen);
    else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet, context, new Set([...seen, selection.name.value]));
    }
  }
  return count;
}

/**
 * Depth, aliases, top-level fields and directives of every operation in the document (GraphQL
 * Armor's counters; fragments followed). Returns the first limit broken, or null.
 */
export function checkDocumentLimits(schema: GraphQLSchema, document: DocumentNode, limits: DocumentLimits): LimitBreach | null {
  const counts = { depth: 0, aliases: 0, directives: 0, rootFields: 0 };
  const keepMax = (key: keyof typeof counts) => (_context: ValidationContext | null, accepted: { n: number }) => {
    counts[key] = Math.max(counts[key], accepted.n);
  };
  // The Armor rules only count here (their own limit set out of reach); we compare and word the refusal.
  const counting = { n: Number.MAX_SAFE_INTEGER, propagateOnRejection: false };
  const rootFields = (context: ValidationContext) => ({
    OperationDefinition(operation: { selectionSet: SelectionSetNode }) {
      counts.rootFields = Math.max(counts.rootFields, countRootFields(operation.selectionSet, context, new Set()));
    },
  });
  validate(schema, document, [
    maxDepthRule({ ...counting, ignoreIntrospection: true, flattenFragments: true, onAccept: [keepMax('depth')] }),
    maxAliasesRule({ ...counting, onAccept: [keepMax('aliases')] }),
    maxDirectivesRule({ ...counting, onAccept: [keepMax('directives')] }),
    rootFields,
  ]);
  const checks: [LimitBreach['limit'], number, number][] = [
    ['aliases', limits.maxAliases, counts.aliases],
    ['rootFields', limits.maxRootFields, counts.rootFields],
    ['directives', limits.maxDirectives, counts.directives],
    ['depth', limits.maxDepth, counts.depth],
    ['repeatedField', MAX_REPEATS_OF_ONE_FIELD, maxRepeats(document)],
  ];
  for (const [limit, maximum, actual] of checks) {
    if (actual > maximum) return { limit, maximum, actual };
  }
  return null;
}
