import { MikroORM } from '@mikro-orm/postgresql';
import { DeferMode } from '@mikro-orm/core';
import { SchemaComparator, type DatabaseSchema, type DatabaseTable, type IndexDef, type SchemaDifference } from '@mikro-orm/knex';
import { buildOrmOptions } from '../../src/db/orm';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The entities and the migrated database describe the same tables: MikroORM's schema generator,
 * comparing the entity metadata with the database the migrations built, finds nothing to change.
 * A column added to an entity and not to a migration (or the other way round), a changed type,
 * length, nullability, default or enum value; a foreign key, primary key, unique constraint,
 * index or check constraint that one side has and the other has not: each fails here, naming
 * the SQL the generator would run to make the database match.
 *
 * Where MikroORM's comparator looks at less than the whole object, the test compares the rest
 * itself, by kind and never by name:
 * - an index MikroORM compares by its columns only, or by its name only when either side is an
 *   expression (GIN, trigram, partial, exclusion, operator-class indexes); here every index is
 *   compared whole, as PostgreSQL prints it (`pg_get_indexdef`, and for a constraint's index
 *   the `alter table … add constraint` that `pg_get_constraintdef` completes). An entity's
 *   expression index is therefore written in PostgreSQL's printed form.
 * - a check constraint MikroORM compares with its casts, brackets and quotes stripped; here each
 *   is compared as `pg_get_constraintdef` prints it, so an entity's `@Check` expression is
 *   written in PostgreSQL's normalised form (`(kind)::text = 'OTHER'::text`).
 * A check that only lists an enum column's values is MikroORM's enum, compared by its values.
 *
 * Every table the migrations create has an entity, including those read and written only in SQL,
 * so no table is left out.
 */
const schemaOptions = { wrap: false, safe: false, dropTables: true };

let database: TestDatabase;
let orm: MikroORM;
let fromSchema: DatabaseSchema;
let toSchema: DatabaseSchema;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await MikroORM.init(buildOrmOptions({ clientUrl: database.url, poolMax: 1 }));
  const generator = orm.schema as unknown as {
    prepareSchemaForComparison(options: object): Promise<{ fromSchema: DatabaseSchema; toSchema: DatabaseSchema }>;
  };
  ({ fromSchema, toSchema } = await generator.prepareSchemaForComparison(schemaOptions));
});

afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

/** The qualified name PostgreSQL prints for a table (`public.station`). */
function qualified(table: DatabaseTable): string {
  return `${table.schema ?? 'public'}.${table.name}`;
}

/** An entity's index as PostgreSQL prints it; an expression index is written that way already. */
function printedIndex(table: DatabaseTable, index: IndexDef): string {
  if (index.expression) return index.expression;
  const columns = index.columnNames.join(', ');
  if (index.primary || index.constraint) {
    const deferral = index.deferMode ? ` DEFERRABLE${index.deferMode === DeferMode.INITIALLY_DEFERRED ? ' INITIALLY DEFERRED' : ''}` : '';
    return `ALTER TABLE ${qualified(table)} ADD CONSTRAINT ${index.keyName} ${index.primary ? 'PRIMARY KEY' : 'UNIQUE'} (${columns})${deferral}`;
  }
  const method = typeof index.type === 'string' ? index.type : 'btree';
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.keyName} ON ${qualified(table)} USING ${method} (${columns})`;
}

/** Each table's indexes in the database, by name, as PostgreSQL prints them. */
async function databaseIndexes(tables: DatabaseTable[]): Promise<Record<string, Record<string, string>>> {
  const rows = await orm.em.getConnection().execute<{ table_name: string; index_name: string; definition: string }[]>(
    `select t.relname as table_name, i.relname as index_name,
            case when c.oid is null then pg_get_indexdef(i.oid)
                 else format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, c.conname, pg_get_constraintdef(c.oid)) end as definition
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
       left join pg_constraint c on c.conindid = i.oid and c.conrelid = t.oid and c.contype in ('p', 'u', 'x')
      where format('%s.%s', n.nspname, t.relname) in (?)`,
    [tables.map(qualified)],
  );
  const indexes: Record<string, Record<string, string>> = Object.fromEntries(tables.map((table) => [table.name, {}]));
  for (const row of rows) indexes[row.table_name][row.index_name] = row.definition;
  return indexes;
}

/** Each table's objects of one kind, by table name and then by the object's name. */
function byTable<T>(schema: DatabaseSchema, describe: (table: DatabaseTable) => Record<string, T>): Record<string, Record<string, T>> {
  return Object.fromEntries(schema.getTables().map((table) => [table.name, describe(table)]));
}

it('every migration is applied to the test database', async () => {
  expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
});

it('the schema the entities describe is the one the migrations built', async () => {
  const diff: SchemaDifference = new SchemaComparator(orm.em.getPlatform()).compare(fromSchema, toSchema);
  const generator = orm.schema as unknown as { diffToSQL(diff: SchemaDifference, options: object): Promise<string> };
  const sql = await generator.diffToSQL(diff, schemaOptions);
  expect(sql.trim()).toBe('');
});

it('every index is the one an entity declares, as PostgreSQL prints it', async () => {
  const declared = byTable(toSchema, (table) => Object.fromEntries(table.getIndexes().map((index) => [index.keyName, printedIndex(table, index)])));
  expect(declared).toEqual(await databaseIndexes(fromSchema.getTables()));
});

it('every check constraint is the one an entity declares, as PostgreSQL prints it', () => {
  const declared = byTable(toSchema, (table) => Object.fromEntries(table.getChecks().map((check) => [check.name, `CHECK ((${String(check.expression)}))`])));
  expect(declared).toEqual(byTable(fromSchema, (table) => Object.fromEntries(table.getChecks().map((check) => [check.name, check.definition]))));
});
