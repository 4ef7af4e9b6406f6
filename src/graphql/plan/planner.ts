import { getNamedType, isAbstractType, isObjectType, type FieldNode, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { Principal } from '../../auth/principal';
import { cursorCondition, type SortValueType } from '../../db/keyset';
import { joinSql, rawSql, sql, type SqlFragment, type SqlOptions, type SqlReader } from '../../db/sql';
import { toPageRequest, type PageRequest } from '../relay';
import { readInterfaceOf, readModelOf, type FieldPlan, type PlannedSort, type ReadModel } from './read-model';

/** A planned statement's text depends only on the selection's shape: it is sent prepared (see db/prepared-statements.ts). */
const PREPARED: SqlOptions = { prepare: true };

/**
 * The planner: a root field's whole selection (nested relations, fragments, aliases, arguments)
 * becomes ONE SQL statement that returns the answer as JSON keyed by response key — PostGraphile's
 * look-ahead and Join Monster's approach. Objects it builds carry `$p` (planned), so every field
 * resolver reads them by response key (planned-resolvers.ts); a field without a plan gets the
 * type's record (`$r`, fetched in the same statement only when such a field is selected).
 *
 * Statements per root field: one, whatever the page size and depth, plus what hand-written
 * resolvers of unplanned fields batch through their loaders.
 */

/** The marker of an object the planner built (a JSON key no GraphQL name can be). */
export const PLANNED = '$p';
/** Where a planned object keeps its type's record for unplanned fields. */
export const RECORD = '$r';

/** Extra per-row values a root list computes (e.g. the distance from a `near` point), by column name. */
export type RowExtras = ReadonlySet<string>;

/** What the planner reads with: the request's database and the caller, whose row rules it applies (see ReadModel.rows). */
export interface PlanContext {
  db: SqlReader;
  principal: Principal;
}

interface Planning {
  principal: Principal;
  schema: GraphQLSchema;
  fragments: GraphQLResolveInfo['fragments'];
  variables: GraphQLResolveInfo['variableValues'];
  aliases: number;
}

function planningOf(info: GraphQLResolveInfo, principal: Principal): Planning {
  return { principal, schema: info.schema, fragments: info.fragments, variables: info.variableValues, aliases: 0 };
}

function nextAlias(planning: Planning): string {
  planning.aliases += 1;
  return `t${planning.aliases}`;
}

function modelFor(type: string): ReadModel {
  const model = readModelOf(type);
  if (!model) throw new Error(`No read model for ${type}`);
  return model;
}

/** json_build_object takes at most 100 arguments: longer objects are built in parts and joined as jsonb. */
function jsonObject(pairs: SqlFragment[]): SqlFragment {
  const chunks: SqlFragment[] = [];
  for (let start = 0; start < pairs.length; start += 50) {
    chunks.push(sql`json_build_object(${joinSql(pairs.slice(start, start + 50), ', ')})`);
  }
  if (chunks.length === 1) return chunks[0];
  return sql`(${joinSql(
    chunks.map((chunk) => sql`${chunk}::jsonb`),
    ' || ',
  )})::json`;
}

function pair(key: string, value: SqlFragment): SqlFragment {
  return sql`${rawSql(`'${key}'`)}, ${value}`;
}

/**
 * The JSON object of one row (alias `t`) of a concrete type for the given field nodes: a key per
 * response key, `$p`, `__typename` when the position is abstract, and the record when a selected
 * field has no plan.
 */
function objectJson(planning: Planning, type: GraphQLObjectType, t: string, fieldNodes: readonly FieldNode[], extras: RowExtras, abstract: boolean): SqlFragment {
  const model = modelFor(type.name);
  const fields = collectSubfields(planning.schema, planning.fragments, planning.variables, type, fieldNodes);
  const pairs: SqlFragment[] = [pair(PLANNED, rawSql('1'))];
  if (abstract) pairs.push(pair('__typename', rawSql(`'${type.name}'`)));
  let needsRecord = false;
  for (const [responseKey, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') continue;
    const plan = model.fields[name];
    if (!plan) {
      needsRecord = true;
      continue;
    }
    const field = type.getFields()[name];
    pairs.push(pair(responseKey, fieldJson(planning, field, plan, t, nodes, extras)));
  }
  if (needsRecord) {
    const { columns, from, alias } = model.record;
    pairs.push(pair(RECORD, rawSql(`(select to_json(x) from (select ${columns} from ${from} where ${alias}.${model.key} = ${t}.${model.key}) x)`)));
  }
  return jsonObject(pairs);
}

/** The JSON of a row (alias `t`) whose GraphQL type may be an interface: one object per concrete type. */
function rowJson(planning: Planning, typeName: string, t: string, fieldNodes: readonly FieldNode[], extras: RowExtras, forceTypename = false): SqlFragment {
  const type = planning.schema.getType(typeName);
  if (type && isObjectType(type)) return objectJson(planning, type, t, fieldNodes, extras, forceTypename);
  if (!type || !isAbstractType(type)) throw new Error(`${typeName} is not an object or interface type`);
  const discriminator = readInterfaceOf(typeName);
  if (!discriminator) throw new Error(`No read model for interface ${typeName}`);
  const branches = planning.schema
    .getPossibleTypes(type)
    .map((concrete) => sql`when ${rawSql(`'${concrete.name}'`)} then ${objectJson(planning, concrete, t, fieldNodes, extras, true)}`);
  return sql`(case ${rawSql(discriminator.typename(t))} ${joinSql(branches, ' ')} end)`;
}

function tableOf(typeName: string): { table: string; key: string } {
  return readModelOf(typeName) ?? readInterfaceOf(typeName) ?? modelFor(typeName);
}

/** `where` and the row rule of `typeName` for the caller (rows aliased `t`), when the type has one. */
function withRowRule(planning: Planning, typeName: string, t: string, where: SqlFragment): SqlFragment {
  const rule = readModelOf(typeName)?.rows;
  return rule ? sql`${where} and ${rule(planning.principal, t)}` : where;
}

function argumentsOf(planning: Planning, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  return getArgumentValues(field, node, planning.variables);
}

function fieldJson(planning: Planning, field: GraphQLField<unknown, unknown>, plan: FieldPlan, t: string, nodes: readonly FieldNode[], extras: RowExtras): SqlFragment {
  switch (plan.kind) {
    case 'value': {
      const value = plan.sql(t, extras, field.args.length ? argumentsOf(planning, field, nodes[0]) : {});
      return typeof value === 'string' ? rawSql(value) : value;
    }
    case 'computed':
      return rawSql(plan.sql(t));
    case 'one': {
      const c = nextAlias(planning);
      const target = tableOf(plan.type);
      const where = withRowRule(planning, plan.type, c, rawSql(`${c}.${target.key} = ${plan.key(t)}`));
      return sql`(select ${rowJson(planning, plan.type, c, nodes, new Set())} from ${rawSql(`${target.table} ${c}`)} where ${where})`;
    }
    case 'oneOf': {
      const branches = Object.entries(plan.targets).map(([name, target]) => {
        const c = nextAlias(planning);
        const table = tableOf(target.type);
        const row = rowJson(planning, target.type, c, nodes, new Set(), true);
        const where = withRowRule(planning, target.type, c, rawSql(`${c}.${table.key} = ${target.key(t)}`));
        return sql`when ${rawSql(`'${name}'`)} then (select ${row} from ${rawSql(`${table.table} ${c}`)} where ${where})`;
      });
      return sql`(case ${rawSql(plan.which(t))} ${joinSql(branches, ' ')} end)`;
    }
    case 'list': {
      const c = nextAlias(planning);
      const target = tableOf(plan.type);
      const args = argumentsOf(planning, field, nodes[0]);
      return sql`(select coalesce(json_agg(${rowJson(planning, plan.type, c, nodes, new Set())} order by ${rawSql(plan.orderBy(c))}), '[]')
        from ${rawSql(`${target.table} ${c}`)} where ${withRowRule(planning, plan.type, c, plan.where(t, c, args))})`;
    }
    case 'connection': {
      const c = nextAlias(planning);
      const target = tableOf(plan.type);
      const args = argumentsOf(planning, field, nodes[0]);
      const sort = plan.sort(c, args);
      const request = toPageRequest(args, 2);
      return connectionJson(planning, getNamedType(field.type) as GraphQLObjectType, nodes, {
        nodeType: plan.type,
        from: `${target.table} ${c}${plan.joins ? ` ${plan.joins(c)}` : ''}`,
        alias: c,
        where: plan.where(t, c, args),
        sort: { expression: rawSql(sort.expression), type: sort.type },
        id: { expression: sort.id, type: sort.idType },
        request,
        descending: sort.descending ?? false,
      });
    }
  }
}

/** A keyset-paged list: its rows (alias `alias` in `from`), their order and the page asked for. */
export interface PlannedList {
  nodeType: string;
  /** From clause whose main table has `alias`, e.g. `station s`. */
  from: string;
  alias: string;
  /**
   * Relations joined to the main table for the conditions, each one row at most (a region looked up
   * by code): `cross join (select … where code = ?) x`. Joined, not nested in the condition, so
   * PostgreSQL still reads the main table in the page's order and stops at its limit.
   */
  lookups?: SqlFragment;
  where: SqlFragment;
  /** `unique`: no two rows share the sort value, so the order needs no tie-breaker (see KeysetQuery). */
  sort: { expression: SqlFragment; type: SortValueType; unique?: boolean };
  id: { expression: string; type: 'uuid' | 'int' | 'bigint' | 'text' };
  descending: boolean;
  request: PageRequest;
  /** Per-row values computed with the page (name → SQL over the list's alias), readable by read models. */
  extras?: Record<string, SqlFragment>;
  /**
   * Values of the edge rather than the node — they depend on the query, not the record (distance from
   * the `near` point): edge field name → SQL over the page row alias `r` (which carries `extras`).
   * An edge field with no value here is null.
   */
  edgeValues?: Record<string, (r: string) => string>;
  /**
   * Cursors hold only the row's id, not its sort value: for an order by personal data (a name),
   * whose value no cursor may carry; the list looks the value up again from the id it is given.
   */
  idOnlyCursor?: boolean;
}

/** An order a list offers: a non-null SQL expression over the list's alias, and its cursor value's type. */
export interface SortKey {
  expression: string;
  type: SortValueType;
  /** No two rows share the value (a unique column): the id is then left out of the order. */
  unique?: boolean;
}

/**
 * The rows of one table (alias `alias`) matching `where`, in the order asked for — the key of
 * `order.field` in `keys`, `fallback` when none is given, descending when asked — then by the
 * table's `id` (the cursor holds both).
 */
export function sortedList<Field extends string>(
  list: { nodeType: string; table: string; alias: string; idType?: PlannedList['id']['type']; where: SqlFragment; request: PageRequest },
  keys: Record<Field, SortKey>,
  order: { field?: Field | null; direction?: string | null } | null | undefined,
  fallback: Field,
): PlannedList {
  const sort = keys[order?.field ?? fallback];
  return {
    nodeType: list.nodeType,
    from: `${list.table} ${list.alias}`,
    alias: list.alias,
    where: list.where,
    sort: { expression: rawSql(sort.expression), type: sort.type, unique: sort.unique },
    id: { expression: `${list.alias}.id`, type: list.idType ?? 'uuid' },
    descending: order?.direction === 'DESC',
    request: list.request,
  };
}

/** A root list in the order its nested lists use (a read model's `PlannedSort`), so both page alike. */
export function listInOrder(list: { nodeType: string; table: string; alias: string; where: SqlFragment; request: PageRequest }, sort: PlannedSort): PlannedList {
  return {
    nodeType: list.nodeType,
    from: `${list.table} ${list.alias}`,
    alias: list.alias,
    where: list.where,
    sort: { expression: rawSql(sort.expression), type: sort.type },
    id: { expression: sort.id, type: sort.idType },
    descending: sort.descending ?? false,
    request: list.request,
  };
}

/** The list's main table and its lookups. */
function fromOf(list: PlannedList): SqlFragment {
  return list.lookups ? sql`${rawSql(list.from)} ${list.lookups}` : rawSql(list.from);
}

/** One selected field of a connection: its rows' JSON (nodes, edges), its pageInfo, or its totalCount. */
type ConnectionPart =
  | { responseKey: string; kind: 'rows'; row: SqlFragment }
  | { responseKey: string; kind: 'pageInfo'; fields: [responseKey: string, name: string][] }
  | { responseKey: string; kind: 'totalCount' };

/** A planned connection before it is assembled: by SQL (nested, connectionJson) or from its rows (a root list, planConnection). */
interface ConnectionShape {
  parts: ConnectionPart[];
  /** The page's rows (`size + 1` of them), `p` in what the parts refer to; null when only totalCount was asked for. */
  page: SqlFragment | null;
  /** The number of rows the list holds for this caller. */
  total: SqlFragment;
  request: PageRequest;
}

/**
 * A Relay connection's rows and parts: the page's rows are fetched `size + 1` in keyset order
 * (inner select), each becomes the JSON its selection asks for, and edges, nodes, pageInfo and
 * totalCount are built from them — only the parts selected.
 */
function connectionShape(planning: Planning, connectionType: GraphQLObjectType, fieldNodes: readonly FieldNode[], list: PlannedList): ConnectionShape {
  const { request } = list;
  const ascending = list.descending === request.backward;
  const direction = ascending ? 'asc' : 'desc';
  // Root or nested, a list (and its count) holds only the rows the caller may read.
  const where = withRowRule(planning, list.nodeType, list.alias, list.where);
  const conditions = [where];
  if (request.cursor) conditions.push(cursorCondition({ sort: list.sort, id: list.id }, request, ascending));
  const order = list.sort.unique
    ? sql`${list.sort.expression} ${rawSql(direction)}`
    : sql`${list.sort.expression} ${rawSql(direction)}, ${rawSql(list.id.expression)} ${rawSql(direction)}`;
  const extras = Object.entries(list.extras ?? {}).map(([name, expression]) => sql`, ${expression} as ${rawSql(`"${name}"`)}`);
  const extraNames: RowExtras = new Set(Object.keys(list.extras ?? {}));
  const rows = sql`select ${rawSql(list.alias)}.*, (${list.sort.expression})::text as "$sv", (${rawSql(list.id.expression)})::text as "$id",
      row_number() over (order by ${order}) as "$rn"${joinSql(extras, '')}
    from ${fromOf(list)} where ${joinSql(conditions, ' and ')} order by ${order} limit ${request.size + 1}`;

  const r = nextAlias(planning);
  const columns: SqlFragment[] = [];
  const parts: ConnectionPart[] = [];
  const fields = collectSubfields(planning.schema, planning.fragments, planning.variables, connectionType, fieldNodes);
  let nodeColumns = 0;
  const nodeColumn = (nodes: readonly FieldNode[]): string => {
    const name = `n${nodeColumns++}`;
    columns.push(sql`${rowJson(planning, list.nodeType, r, nodes, extraNames)} as ${rawSql(name)}`);
    return `p.${name}`;
  };
  let edgeColumns = 0;
  const edgeColumn = (expression: string): string => {
    const name = `e${edgeColumns++}`;
    columns.push(rawSql(`${expression} as ${name}`));
    return `p.${name}`;
  };
  const cursorValues = list.idOnlyCursor ? `${r}."$id"` : `${r}."$sv", ${r}."$id"`;
  const cursorExpression = `translate(encode(convert_to(json_build_array(${cursorValues})::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
  let needsCursor = false;
  let readsRows = false;
  for (const [responseKey, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === 'nodes' || name === 'edges' || name === 'pageInfo') readsRows = true;
    if (name === 'nodes') {
      parts.push({ responseKey, kind: 'rows', row: rawSql(nodeColumn(nodes)) });
    } else if (name === 'edges') {
      const edgeType = getNamedType(connectionType.getFields().edges.type) as GraphQLObjectType;
      const edgeFields = collectSubfields(planning.schema, planning.fragments, planning.variables, edgeType, nodes);
      const edgePairs: SqlFragment[] = [pair(PLANNED, rawSql('1'))];
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeField = edgeNodes[0].name.value;
        if (edgeField === 'cursor') {
          needsCursor = true;
          edgePairs.push(pair(edgeKey, rawSql('p.cur')));
        } else if (edgeField === 'node') {
          edgePairs.push(pair(edgeKey, rawSql(nodeColumn(edgeNodes))));
        } else if (edgeField !== '__typename') {
          const value = list.edgeValues?.[edgeField];
          edgePairs.push(pair(edgeKey, value ? rawSql(edgeColumn(value(r))) : rawSql('null')));
        }
      }
      parts.push({ responseKey, kind: 'rows', row: jsonObject(edgePairs) });
    } else if (name === 'pageInfo') {
      const pageInfoType = getNamedType(connectionType.getFields().pageInfo.type) as GraphQLObjectType;
      const infoFields = collectSubfields(planning.schema, planning.fragments, planning.variables, pageInfoType, nodes);
      const selected: [string, string][] = [];
      for (const [infoKey, infoNodes] of infoFields) {
        const infoName = infoNodes[0].name.value;
        if (!PAGE_INFO_FIELDS.has(infoName)) continue;
        if (infoName.endsWith('Cursor')) needsCursor = true;
        selected.push([infoKey, infoName]);
      }
      parts.push({ responseKey, kind: 'pageInfo', fields: selected });
    } else if (name === 'totalCount') {
      parts.push({ responseKey, kind: 'totalCount' });
    }
  }
  const total = sql`(select count(*)::int from ${fromOf(list)} where ${where})`;
  if (!readsRows) return { parts, page: null, total, request };
  if (needsCursor) columns.push(rawSql(`${cursorExpression} as cur`));
  else columns.push(rawSql('null::text as cur'));
  columns.push(rawSql(`${r}."$rn"::int as rn`));
  return { parts, page: sql`(select ${joinSql(columns, ', ')} from (${rows}) ${rawSql(r)})`, total, request };
}

const PAGE_INFO_FIELDS: ReadonlySet<string> = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);

/**
 * pageInfo's values from whether a cursor was given, whether the page has more rows than shown,
 * and the first and last shown rows' cursors (in fetch order): SQL expressions or the values.
 */
function pageInfoValues<T>(request: PageRequest, cursorGiven: T, hasMore: T, first: T, last: T): Record<string, T> {
  return {
    hasNextPage: request.backward ? cursorGiven : hasMore,
    hasPreviousPage: request.backward ? hasMore : cursorGiven,
    startCursor: request.backward ? last : first,
    endCursor: request.backward ? first : last,
  };
}

/** A Relay connection as one JSON value, built by SQL from its shape (a nested connection, or a figure's). */
function connectionJson(planning: Planning, connectionType: GraphQLObjectType, fieldNodes: readonly FieldNode[], list: PlannedList): SqlFragment {
  const { parts, page, total, request } = connectionShape(planning, connectionType, fieldNodes, list);
  const size = request.size;
  // Display order: the fetch order, reversed when paging backwards.
  const display = request.backward ? 'desc' : 'asc';
  const shown = `filter (where p.rn <= ${size})`;
  const outer: SqlFragment[] = [pair(PLANNED, rawSql('1'))];
  for (const part of parts) {
    if (part.kind === 'rows') {
      outer.push(pair(part.responseKey, sql`coalesce(json_agg(${part.row} order by p.rn ${rawSql(display)}) ${rawSql(shown)}, '[]')`));
    } else if (part.kind === 'pageInfo') {
      const values = pageInfoValues(
        request,
        request.cursor ? 'true' : 'false',
        `count(*) > ${size}`,
        `(array_agg(p.cur order by p.rn) ${shown})[1]`,
        `(array_agg(p.cur order by p.rn desc) ${shown})[1]`,
      );
      outer.push(pair(part.responseKey, jsonObject([pair(PLANNED, rawSql('1')), ...part.fields.map(([infoKey, infoName]) => pair(infoKey, rawSql(values[infoName])))])));
    } else {
      outer.push(pair(part.responseKey, total));
    }
  }
  // Only totalCount asked for: no rows to fetch.
  if (!page) return sql`(select ${jsonObject(outer)})`;
  // The aggregate makes it one row even when the page is empty or only pageInfo was asked for.
  outer.push(pair('$n', rawSql('count(*)')));
  return sql`(select ${jsonObject(outer)} from ${page} p)`;
}

/**
 * Runs a root list field as one statement; the answer is the planned connection object. The
 * statement returns the page's rows, each row's JSON apart, and the connection is assembled here:
 * a page of a hundred deep rows is then a hundred values of a few hundred kilobytes, not one value
 * the database builds, copies and sends whole (which, megabytes deep, ran the embedded database
 * out of memory).
 */
export async function planConnection({ db, principal }: PlanContext, info: GraphQLResolveInfo, list: PlannedList): Promise<Record<string, unknown>> {
  const planning = planningOf(info, principal);
  const { parts, page, total, request } = connectionShape(planning, getNamedType(info.returnType) as GraphQLObjectType, info.fieldNodes, list);
  const counted = parts.some((part) => part.kind === 'totalCount');
  const perRow = parts.flatMap((part, index) => (part.kind === 'rows' ? [sql`${part.row} as ${rawSql(`r${index}`)}`] : []));
  const statement = page
    ? sql`select t.total, q.* from (select ${counted ? total : rawSql('null::int')} as total) t
        left join (select ${joinSql([...perRow, rawSql('p.cur'), rawSql('p.rn')], ', ')} from ${page} p) q on true order by q.rn`
    : sql`select ${total} as total`;
  const rows = await db.all<Record<string, unknown> & { total: number | null; cur: string | null; rn: number | null }>(statement.text, statement.bindings, PREPARED);
  const fetched = rows.filter((row) => row.rn !== null);
  const size = request.size;
  // Display order: the fetch order, reversed when paging backwards.
  const shown = fetched.filter((row) => row.rn! <= size);
  const displayed = request.backward ? [...shown].reverse() : shown;
  const values = pageInfoValues<unknown>(request, Boolean(request.cursor), fetched.length > size, shown[0]?.cur ?? null, shown.at(-1)?.cur ?? null);
  const connection: Record<string, unknown> = { [PLANNED]: 1 };
  parts.forEach((part, index) => {
    if (part.kind === 'rows') {
      connection[part.responseKey] = displayed.map((row) => row[`r${index}`]);
    } else if (part.kind === 'pageInfo') {
      connection[part.responseKey] = Object.fromEntries([[PLANNED, 1], ...part.fields.map(([infoKey, infoName]) => [infoKey, values[infoName]])]);
    } else {
      connection[part.responseKey] = rows[0]?.total ?? 0;
    }
  });
  return connection;
}

/** Which rows of a type a caller may fetch (e.g. only its own webhook subscriptions), given the row alias. */
export type RowScope = (t: string) => SqlFragment;

/**
 * Rows of one type (or interface) matching `where` (given the row alias), each planned for the
 * selection of `info`, in one statement: `k` is the text of `keyColumn` (the type's key by default).
 */
async function plannedRows(
  { db, principal }: PlanContext,
  info: GraphQLResolveInfo,
  typeName: string,
  where: (t: string, keyColumn: string) => SqlFragment,
  options: { column?: string; abstract?: boolean; where?: RowScope },
): Promise<{ k: string; n: Record<string, unknown> }[]> {
  const planning = planningOf(info, principal);
  const t = nextAlias(planning);
  const target = tableOf(typeName);
  const keyColumn = `${t}.${options.column ?? target.key}`;
  const json = rowJson(planning, typeName, t, info.fieldNodes, new Set(), options.abstract);
  const scoped = withRowRule(planning, typeName, t, where(t, keyColumn));
  const statement = sql`select ${rawSql(keyColumn)}::text as k, ${json} as n from ${rawSql(`${target.table} ${t}`)}
    where ${scoped}${options.where ? sql` and ${options.where(t)}` : rawSql('')}`;
  return db.all<{ k: string; n: Record<string, unknown> }>(statement.text, statement.bindings, PREPARED);
}

/**
 * Rows of one type (or interface) whose `column` (its key by default) is one of `values`, planned
 * for the selection of `info` (the root field's; `node`/`nodes` pick their `... on Type` parts):
 * one statement; the map is keyed by the column's text. `where` narrows the rows to those the
 * caller may see (e.g. only its own webhook subscriptions), given the row alias. `abstract` puts
 * `__typename` in each object, for a field of an abstract type (Node).
 */
export async function planRecords(
  context: PlanContext,
  info: GraphQLResolveInfo,
  typeName: string,
  values: readonly string[],
  valueType: 'uuid' | 'int' | 'text',
  options: { column?: string; abstract?: boolean; where?: RowScope } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  if (values.length === 0) return found;
  const rows = await plannedRows(context, info, typeName, (_t, keyColumn) => sql`${rawSql(keyColumn)} = any(${values}::${rawSql(valueType)}[])`, options);
  for (const row of rows) found.set(row.k, row.n);
  return found;
}

/**
 * The one row of a type (or interface) that `where` picks (given the row alias; it must pick at
 * most one), planned for the root field's selection in one statement; null when there is none.
 */
export async function planOneWhere(
  context: PlanContext,
  info: GraphQLResolveInfo,
  typeName: string,
  where: RowScope,
  options: { abstract?: boolean } = {},
): Promise<Record<string, unknown> | null> {
  const [row] = await plannedRows(context, info, typeName, where, options);
  return row?.n ?? null;
}

/**
 * One planned field (`info.fieldName` of `typeName`: a relation, or a value such as a count) for parents the planner did not build — a mutation's payload, a record a loader read — in one
 * statement for all of them, read exactly as under a planned parent (same arguments, cursors and
 * order). The map is keyed by the parent key's text.
 */
export async function planFieldOf(
  { db, principal }: PlanContext,
  info: GraphQLResolveInfo,
  typeName: string,
  keys: readonly string[],
  keyType: 'uuid' | 'int' | 'text',
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (keys.length === 0) return found;
  const model = modelFor(typeName);
  const plan = model.fields[info.fieldName];
  // A computed plan's JSON is only its input: its resolver finishes it (see planned-resolvers.ts).
  if (!plan || plan.kind === 'computed') throw new Error(`${typeName}.${info.fieldName} has no plan read by SQL alone`);
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const planning = planningOf(info, principal);
  const t = nextAlias(planning);
  const json = fieldJson(planning, type.getFields()[info.fieldName], plan, t, info.fieldNodes, new Set());
  const statement = sql`select ${rawSql(`${t}.${model.key}`)}::text as k, ${json} as v from ${rawSql(`${model.table} ${t}`)}
    where ${rawSql(`${t}.${model.key}`)} = any(${keys}::${rawSql(keyType)}[])`;
  for (const row of await db.all<{ k: string; v: unknown }>(statement.text, statement.bindings, PREPARED)) found.set(row.k, row.v);
  return found;
}

/** One row of a type by a unique column, planned for the root field's selection; null when there is none. */
export async function planOne(
  context: PlanContext,
  info: GraphQLResolveInfo,
  typeName: string,
  column: string,
  value: string,
  valueType: 'uuid' | 'int' | 'text',
): Promise<Record<string, unknown> | null> {
  const found = await planRecords(context, info, typeName, [value], valueType, { column });
  return found.values().next().value ?? null;
}

/** A root field's plain list (a bounded one, e.g. who is on duty at an instant): rows of one type, planned for its selection. */
export async function planList(
  { db, principal }: PlanContext,
  info: GraphQLResolveInfo,
  list: { nodeType: string; alias: string; where: SqlFragment; orderBy: string },
): Promise<Record<string, unknown>[]> {
  const planning = planningOf(info, principal);
  const target = tableOf(list.nodeType);
  const statement = sql`select coalesce(json_agg(${rowJson(planning, list.nodeType, list.alias, info.fieldNodes, new Set())} order by ${rawSql(list.orderBy)}), '[]') as l
    from ${rawSql(`${target.table} ${list.alias}`)} where ${withRowRule(planning, list.nodeType, list.alias, list.where)}`;
  const row = await db.one<{ l: Record<string, unknown>[] }>(statement.text, statement.bindings, PREPARED);
  return row!.l;
}

/**
 * A part of an aggregate's answer (see planFigures): a value SQL computes, or a connection whose
 * list depends on the field's own arguments (first/after).
 */
export type FigurePart = SqlFragment | ((args: Record<string, unknown>) => PlannedList);

/**
 * A root field whose answer is figures computed in the database (counts, ratios, groups) and,
 * beside them, planned connections (the records the figures leave out): the selected parts, each
 * under its response key, in ONE statement. `parts` is keyed by the return type's field names
 * and names every field of it (a planned object's fields read nothing else). `checks` are values
 * the resolver needs whatever is selected (does the region exist?), returned under `$name`.
 */
export async function planFigures(
  { db, principal }: PlanContext,
  info: GraphQLResolveInfo,
  parts: Record<string, FigurePart>,
  checks: Record<string, SqlFragment> = {},
): Promise<Record<string, unknown>> {
  const planning = planningOf(info, principal);
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const pairs: SqlFragment[] = [pair(PLANNED, rawSql('1')), ...Object.entries(checks).map(([name, value]) => pair(`$${name}`, value))];
  for (const [responseKey, nodes] of collectSubfields(planning.schema, planning.fragments, planning.variables, type, info.fieldNodes)) {
    const part = parts[nodes[0].name.value];
    if (!part) continue;
    if (typeof part !== 'function') {
      pairs.push(pair(responseKey, part));
      continue;
    }
    const field = type.getFields()[nodes[0].name.value];
    const list = part(argumentsOf(planning, field, nodes[0]));
    pairs.push(pair(responseKey, connectionJson(planning, getNamedType(field.type) as GraphQLObjectType, nodes, list)));
  }
  const statement = sql`select ${jsonObject(pairs)} as f`;
  const row = await db.one<{ f: Record<string, unknown> }>(statement.text, statement.bindings, PREPARED);
  return row!.f;
}
