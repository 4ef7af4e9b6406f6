import { MikroORM } from '@mikro-orm/postgresql';
import { SchemaComparator, type SchemaDifference, type TableDifference } from '@mikro-orm/knex';
import { buildOrmOptions } from '../../src/db/orm';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The entities and the migrated database describe the same tables: MikroORM's schema generator,
 * comparing the entity metadata with the database the migrations built, finds nothing to change.
 * A column added to an entity and not to a migration (or the other way round), a changed type,
 * length, nullability or default, a foreign key, primary key or unique constraint that differs:
 * each fails here, naming the SQL the generator would run to make the database match.
 *
 * Every table the migrations create has an entity, including those read and written only in SQL.
 * What the entities do not model and the migrations own is left out of the comparison, by kind
 * and never by name: the database's check constraints and plain (non-unique) indexes, which the
 * ORM would only drop.
 */
let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await MikroORM.init(buildOrmOptions({ clientUrl: database.url, poolMax: 1 }));
});

afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

/** The difference without the removals of what only the migrations declare (see above). */
function modelledDifference(diff: SchemaDifference): SchemaDifference {
  const changedTables: Record<string, TableDifference> = {};
  for (const [name, table] of Object.entries(diff.changedTables)) {
    const removedIndexes = Object.fromEntries(Object.entries(table.removedIndexes).filter(([, index]) => index.unique || index.primary));
    const modelled: TableDifference = { ...table, removedIndexes, removedChecks: {} };
    const changes = [
      modelled.addedColumns,
      modelled.changedColumns,
      modelled.removedColumns,
      modelled.renamedColumns,
      modelled.addedIndexes,
      modelled.changedIndexes,
      modelled.removedIndexes,
      modelled.renamedIndexes,
      modelled.addedChecks,
      modelled.changedChecks,
      modelled.addedForeignKeys,
      modelled.changedForeignKeys,
      modelled.removedForeignKeys,
    ];
    if (modelled.changedComment !== undefined || changes.some((change) => Object.keys(change).length > 0)) changedTables[name] = modelled;
  }
  return { ...diff, changedTables };
}

it('every migration is applied to the test database', async () => {
  expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
});

it('the schema the entities describe is the one the migrations built', async () => {
  const generator = orm.schema as unknown as {
    prepareSchemaForComparison(options: object): Promise<{ fromSchema: never; toSchema: never }>;
    diffToSQL(diff: SchemaDifference, options: object): Promise<string>;
  };
  const options = { wrap: false, safe: false, dropTables: true };
  const { fromSchema, toSchema } = await generator.prepareSchemaForComparison(options);
  const diff = new SchemaComparator(orm.em.getPlatform()).compare(fromSchema, toSchema);
  const sql = await generator.diffToSQL(modelledDifference(diff), options);
  expect(sql.trim()).toBe('');
});
