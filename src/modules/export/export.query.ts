import {
  coerceInputValue,
  execute,
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Principal } from '../../auth/principal';
import { checkSelectionVisibility, mayRead, visibilityError, visibilityOf } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { localizeErrors } from '../../graphql/errors';
import { checkInputs } from '../../graphql/input-guard';
import { createLoaders } from '../../graphql/loaders';
import { badInputOf, MAX_PAGE_SIZE } from '../../graphql/relay';
import { translate, type MessageKey } from '../../i18n/messages';
import type { Locale } from '../../i18n/locale';
import type { ExportColumn, ExportList } from './export.lists';

/** The list's read, planned and checked like any GraphQL request, ready to run page by page. */
export interface ExportQuery {
  document: DocumentNode;
  /** The columns the caller may read, in file order. */
  columns: ExportColumn[];
  /** `filter` and `orderBy`, coerced by the list's own input types. */
  variables: Record<string, unknown>;
}

/** A refused export parameter: BAD_USER_INPUT naming the parameter (HTTP 400), in the caller's language. */
function parameterError(locale: Locale, key: MessageKey, parameter: string, detail = ''): GraphQLError {
  const error = badInputOf(key, { parameter, detail }, parameter);
  localizeErrors([error], locale);
  return error;
}

function listField(schema: GraphQLSchema, list: ExportList): GraphQLField<unknown, unknown> {
  const field = schema.getQueryType()?.getFields()[list.field];
  if (!field) throw new Error(`Export of ${list.field}: no such query field`);
  return field;
}

/**
 * The columns whose every field on the way (and the type it leads to) the caller may read, by the
 * declarations on the fields — the same ones a GraphQL selection is checked against. Personal data
 * stays in: its resolver shows it whole, masked or null by the caller and the record.
 */
function readableColumns(schema: GraphQLSchema, list: ExportList, principal: Principal): ExportColumn[] {
  const connection = getNamedType(listField(schema, list).type);
  const node = isObjectType(connection) ? getNamedType(connection.getFields().nodes?.type) : undefined;
  if (!node) throw new Error(`Export of ${list.field}: not a connection`);
  return list.columns.filter((column) => {
    let type = node;
    for (const name of column.path) {
      if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`Export of ${list.field}: ${column.path.join('.')} goes through a leaf`);
      const field = type.getFields()[name];
      if (!field) throw new Error(`Export of ${list.field}: no field ${type.name}.${name}`);
      if (!mayRead(principal, visibilityOf(field))) return false;
      type = getNamedType(field.type);
      if ((isObjectType(type) || isInterfaceType(type)) && !mayRead(principal, visibilityOf(type))) return false;
    }
    return true;
  });
}

/** The column paths as one selection set: `region { code name }` for region.code and region.name. */
function selectionOf(paths: readonly (readonly string[])[]): string {
  const children = new Map<string, (readonly string[])[]>();
  for (const [head, ...rest] of paths) {
    const list = children.get(head) ?? [];
    if (rest.length) list.push(rest);
    children.set(head, list);
  }
  return [...children].map(([name, rest]) => (rest.length ? `${name} { ${selectionOf(rest)} }` : name)).join(' ');
}

/** A query parameter's raw text as the input type expects it; coercion then checks it. */
function fromText(values: string[], type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return values.flatMap((value) => value.split(',')).map((value) => fromText([value.trim()], nullable.ofType as GraphQLInputType));
  const text = values[values.length - 1];
  const named = getNamedType(nullable);
  if (named.name === 'Int' || named.name === 'Float') return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  if (named.name === 'Boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/**
 * Maps query parameters onto the list's arguments: `orderBy.field` and `orderBy.direction` onto
 * `orderBy`, anything else onto `filter` (`near.latitude` onto its `near` field); repeated or
 * comma-separated values make a list. Then coerces them with the GraphQL input types, so a bad
 * value is refused exactly as the API would refuse it.
 */
function argumentsOf(schema: GraphQLSchema, list: ExportList, params: URLSearchParams, locale: Locale): Record<string, unknown> {
  const args = listField(schema, list).args;
  const raw: Record<string, Record<string, unknown>> = {};
  for (const name of new Set(params.keys())) {
    const [head, ...rest] = name.split('.');
    const [argName, path] = head === 'orderBy' ? ['orderBy', rest] : ['filter', [head, ...rest]];
    const arg = args.find((candidate) => candidate.name === argName);
    let type = arg && getNamedType(arg.type);
    let target = (raw[argName] ??= {});
    for (const [index, key] of path.entries()) {
      const field = type && isInputObjectType(type) ? type.getFields()[key] : undefined;
      if (!field) throw parameterError(locale, 'EXPORT_PARAMETER_UNKNOWN', name);
      if (index === path.length - 1) {
        target[key] = fromText(params.getAll(name), field.type);
      } else {
        type = getNamedType(field.type);
        target = (target[key] ??= {}) as Record<string, unknown>;
      }
    }
  }
  const variables: Record<string, unknown> = {};
  for (const [argName, value] of Object.entries(raw)) {
    const arg = args.find((candidate) => candidate.name === argName)!;
    variables[argName] = coerceInputValue(value, arg.type, (path, _invalid, error) => {
      const parameter = argName === 'orderBy' ? ['orderBy', ...path].join('.') : path.filter((step) => typeof step === 'string').join('.') || argName;
      throw parameterError(locale, 'EXPORT_PARAMETER_INVALID', parameter, error.message);
    });
  }
  return variables;
}

/**
 * The export of `list` for the caller: its readable columns as the selection of the list's own
 * GraphQL query, and the query parameters as its arguments. Refuses (FORBIDDEN) when the caller may
 * not read the list at all, and (BAD_USER_INPUT) any parameter the list does not take as given.
 */
export function planExport(schema: GraphQLSchema, list: ExportList, params: URLSearchParams, principal: Principal, locale: Locale): ExportQuery {
  const columns = readableColumns(schema, list, principal);
  const field = listField(schema, list);
  const typeOf = (name: string) => String(field.args.find((arg) => arg.name === name)!.type);
  const text = `query Export($after: String, $filter: ${typeOf('filter')}, $orderBy: ${typeOf('orderBy')}) {
    ${list.field}(first: ${MAX_PAGE_SIZE}, after: $after, filter: $filter, orderBy: $orderBy) {
      pageInfo { hasNextPage endCursor }
      nodes { ${columns.length ? selectionOf(columns.map((column) => column.path)) : '__typename'} }
    }
  }`;
  const document = parse(text);
  const invalid = validate(schema, document);
  if (invalid.length) throw new Error(`Export of ${list.field}: ${invalid[0].message}`);
  const denial = checkSelectionVisibility(schema, document, 'Export', principal);
  if (denial) throw visibilityError(denial, locale);
  const variables = argumentsOf(schema, list, params, locale);
  const problem = checkInputs(schema, document, variables);
  if (problem) throw parameterError(locale, 'EXPORT_PARAMETER_INVALID', problem.path, translate(locale, problem.key, { path: problem.path, max: problem.max ?? '' }));
  return { document, columns, variables };
}

/**
 * Runs the export's query one page (100 records) at a time, following the cursors, and yields
 * each page's nodes: the same resolvers, plans, row rules and masking as any GraphQL request, and
 * no more than a page in memory. Each page gets the request's full SQL time budget and fresh
 * loaders (their caches would otherwise grow with the file). The first error is thrown.
 */
export async function* exportPages(schema: GraphQLSchema, list: ExportList, query: ExportQuery, ctx: Context): AsyncGenerator<Record<string, unknown>[]> {
  let after: string | null = null;
  do {
    ctx.sqlBudget.deadline = Date.now() + ctx.sqlBudget.budgetMs;
    ctx.loaders = createLoaders(ctx.db);
    const result = await execute({ schema, document: query.document, contextValue: ctx, variableValues: { ...query.variables, after } });
    if (result.errors?.length) throw result.errors[0];
    const connection = result.data?.[list.field] as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Record<string, unknown>[] };
    yield connection.nodes;
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
}
