import { MetadataStorage, ReferenceKind, type EntityProperty } from '@mikro-orm/core';

/**
 * Row types and select lists derived from the entities, so a plain-SQL read names each column once
 * (in the entity) instead of in an entity, a row interface and a column list that nothing checks
 * against each other. The schema-diff test ties the entities to the migrated database; the types
 * here tie the readers' rows to the entities.
 */

/** `isPartyMember` → `is_party_member`, as MikroORM's underscore naming strategy names columns. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}` ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}` : S;

type IsRelation<V> = NonNullable<V> extends { id: unknown } ? true : false;

/** The column a property is stored in: a relation's is its key column `<name>_id`. */
export type ColumnOf<P extends string, V> = IsRelation<V> extends true ? `${SnakeCase<P>}_id` : SnakeCase<P>;

/** What node-postgres returns for a property's column: timestamps as text (see db/sql toDate), a relation's key, the value otherwise. */
export type ColumnValue<V> = V extends Date ? string : V extends { id: infer Key } ? Key : V;

/** A row of `columnsOf(Entity, alias, props)`: column names and the types the driver returns. */
export type RowOf<E, K extends keyof E & string> = { [P in K as ColumnOf<P, E[P]>]-?: ColumnValue<Exclude<E[P], undefined>> };

/** A row of `columnsOf(Entity, alias, props, { prefix })`: every column named `<prefix><column>`, to sit beside a joined table's. */
export type PrefixedRowOf<E, K extends keyof E & string, Prefix extends string> = { [C in keyof RowOf<E, K> & string as `${Prefix}${C}`]: RowOf<E, K>[C] };

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The decorated properties of an entity class and of the base classes it extends. */
function decoratedProperties(entity: abstract new (...args: never[]) => unknown): Map<string, EntityProperty> {
  const properties = new Map<string, EntityProperty>();
  for (let target: unknown = entity; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    const meta = MetadataStorage.getMetadataFromDecorator(target as never);
    for (const [name, prop] of Object.entries(meta.properties ?? {})) if (!properties.has(name)) properties.set(name, prop as EntityProperty);
  }
  return properties;
}

/**
 * The select list of these properties of an entity, each as its column under `alias`, in the
 * shape `RowOf<E, K>` describes: calendar dates as `YYYY-MM-DD` text. Throws at start-up when a
 * property is not a column of the entity or its column is not named as RowOf assumes.
 */
export function columnsOf<E, K extends keyof E & string>(
  entity: abstract new (...args: never[]) => E,
  alias: string,
  props: readonly K[],
  options: { prefix?: string } = {},
): string {
  const prefix = options.prefix ?? '';
  const properties = decoratedProperties(entity);
  return props
    .map((name) => {
      const prop = properties.get(name);
      if (!prop) throw new Error(`${entity.name}.${name} is not a mapped property`);
      const relation = (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) && !prop.mapToPk;
      const expected = relation ? `${snakeCase(name)}_id` : snakeCase(name);
      const column = (prop as { fieldName?: string }).fieldName ?? prop.fieldNames?.[0] ?? expected;
      if (column !== expected) throw new Error(`${entity.name}.${name} is stored in ${column}, not ${expected}: RowOf would name it wrongly`);
      if (prop.type === 'date') return `to_char(${alias}.${column}, 'YYYY-MM-DD') as ${prefix}${column}`;
      return prefix ? `${alias}.${column} as ${prefix}${column}` : `${alias}.${column}`;
    })
    .join(', ');
}
