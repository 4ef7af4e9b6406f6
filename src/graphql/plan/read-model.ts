import type { Principal } from '../../auth/principal';
import type { SqlFragment } from '../../db/sql';
import type { SortValueType } from '../../db/keyset';
import type { NodeTypeName } from '../relay';

/**
 * How a GraphQL object type is read from SQL: the planner (planner.ts) turns a selection of it
 * into one JSON expression per row, keyed by response key, so nested objects resolve by plain
 * property reads. A module declares its types' read models next to their GraphQL types and
 * registers them (register-read-models in each module); the kernel knows none of them by name.
 *
 * Fields are planned one of three ways:
 * - `value`: a SQL expression already in the API's form (global IDs, ISO instants, enum names);
 * - `computed`: what SQL fetches, finished in Node by a plain function (coordinate conversion);
 * - `one` / `list` / `connection`: a relation to another read model, nested into the same statement;
 * - `oneOf`: a reference to a row of one of several types (the record an audit event names);
 * - not declared: the field keeps its hand-written resolver, which receives the type's record
 *   (`record` below, fetched in the same statement only when such a field is selected). Values SQL
 *   cannot compute (coordinate conversion, masking of personal data) stay there, batched by loaders.
 */
export interface ReadModel {
  /** The GraphQL object type (concrete) this model reads. */
  type: string;
  /** `station` — the table a row of this type is, aliased by the planner. */
  table: string;
  /** The unique key column, e.g. `id`. */
  key: string;
  /** The record the type's hand-written resolvers receive, built from one row of `columns`. */
  record: {
    /** Select list written with `alias`, e.g. `s.id, s.code`. */
    columns: string;
    /** From clause with `alias`, e.g. `station s` (may join). */
    from: string;
    alias: string;
    toRecord: (row: never) => object;
  };
  fields: Record<string, FieldPlan>;
  /**
   * The row rule: which rows of this type a caller may read at all (a partner department only the
   * needs referred to it), as a condition on row alias `t`. The planner adds it wherever it reads
   * rows of the type — root lists and their counts, records by key (node, the root `need`), nested
   * relations and lists under any parent — so no path to the type can leave it out, and no resolver
   * repeats it. Left out: every row (the field declarations decide what the caller may read).
   */
  rows?: (principal: Principal, t: string) => SqlFragment;
}

/** Paging order of a nested connection: a non-null sort expression plus a unique tie-breaker. */
export interface PlannedSort {
  expression: string;
  type: SortValueType;
  id: string;
  idType: 'uuid' | 'int' | 'bigint' | 'text';
  /** Newest first and the like: the list walks the order backwards (ascending when left out). */
  descending?: boolean;
}

export type FieldPlan =
  | {
      kind: 'value';
      /**
       * The value for row alias `t`, as JSON the API returns; `extras` names the per-row values a root
       * list added; `args` are the field's arguments (bind them through a fragment).
       */
      sql: (t: string, extras: ReadonlySet<string>, args: Record<string, unknown>) => string | SqlFragment;
    }
  | {
      kind: 'computed';
      /** What the value is computed from, as JSON for row alias `t` (e.g. `json_build_array(t.lat, t.lng)`). */
      sql: (t: string) => string;
      /** The value from that JSON and the field's arguments, in Node (coordinate conversion and the like). */
      compute: (input: never, args: Record<string, unknown>) => unknown;
    }
  | {
      kind: 'one';
      type: string;
      /** The target's key for row alias `t` (null when there is none). */
      key: (t: string) => string;
    }
  | {
      /**
       * A reference to a row of one of several types (e.g. the record an external reference or an
       * audit event names), at a field of an abstract type such as Node: `which` gives, for row
       * alias `t`, the name of the target (a key of `targets`) or null for none; each target is a
       * type (object, or interface with a read model) and its key for `t`.
       */
      kind: 'oneOf';
      which: (t: string) => string;
      targets: Record<string, { type: string; key: (t: string) => string }>;
    }
  | {
      kind: 'list';
      type: string;
      /** Rows of the target (alias `c`) that belong to parent `t`, given the field's arguments. */
      where: (t: string, c: string, args: Record<string, unknown>) => SqlFragment;
      /** Order of the list, e.g. `c.kind, c.name, c.id`. */
      orderBy: (c: string) => string;
    }
  | {
      kind: 'connection';
      type: string;
      /** Extra joins of the target's table (alias `c`), e.g. `join service_item ci on ci.id = c.service_item_id`. */
      joins?: (c: string) => string;
      /** Rows of the target (alias `c`) that belong to parent `t`, given the field's arguments. */
      where: (t: string, c: string, args: Record<string, unknown>) => SqlFragment;
      sort: (c: string, args: Record<string, unknown>) => PlannedSort;
    };

const models = new Map<string, ReadModel>();
/** Interfaces' concrete type of a row: the SQL expression giving the type name. */
const discriminators = new Map<string, { table: string; key: string; typename: (t: string) => string }>();

export function registerReadModel(model: ReadModel): void {
  if (models.has(model.type)) throw new Error(`Read model for ${model.type} is registered twice`);
  models.set(model.type, model);
}

/** Plans for fields another module adds to a type (e.g. Station.platforms, declared by the platform module). */
export function registerReadFields(type: string, fields: Record<string, FieldPlan>): void {
  const model = models.get(type);
  if (!model) throw new Error(`Register the read model of ${type} before fields of it`);
  for (const [name, plan] of Object.entries(fields)) {
    if (model.fields[name]) throw new Error(`Read model ${type}.${name} is planned twice`);
    model.fields[name] = plan;
  }
}

/** An interface whose implementations share one table; `typename` says which type a row is. */
export function registerReadInterface(name: string, table: string, key: string, typename: (t: string) => string): void {
  discriminators.set(name, { table, key, typename });
}

export function readModelOf(type: string): ReadModel | undefined {
  return models.get(type);
}

export function readInterfaceOf(name: string): { table: string; key: string; typename: (t: string) => string } | undefined {
  return discriminators.get(name);
}

export function readModels(): ReadModel[] {
  return [...models.values()];
}

/** The opaque global ID (base64url of "Type:localId", as relay.ts makes it) computed in SQL. */
export function globalIdSql(type: NodeTypeName, localId: string): string {
  return `translate(encode(convert_to('${type}:' || ${localId}::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/** An instant as the API prints it (ISO 8601 in UTC with milliseconds), computed in SQL. */
export function instantSql(expression: string): string {
  return `to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A calendar date as YYYY-MM-DD. */
export function dateSql(expression: string): string {
  return `to_char(${expression}, 'YYYY-MM-DD')`;
}

/** Shorthands for read models. */
export const column = (name: string): FieldPlan => ({ kind: 'value', sql: (t) => `${t}.${name}` });
export const instant = (name: string): FieldPlan => ({ kind: 'value', sql: (t) => instantSql(`${t}.${name}`) });
export const globalId = (type: NodeTypeName, name = 'id'): FieldPlan => ({ kind: 'value', sql: (t) => globalIdSql(type, `${t}.${name}`) });

/** The fields every record type has, read the same way: its global ID, version and timestamps. */
export function recordFields(type: NodeTypeName): Record<'id' | 'version' | 'createdAt' | 'updatedAt', FieldPlan> {
  return { id: globalId(type), version: column('version'), createdAt: instant('created_at'), updatedAt: instant('updated_at') };
}
