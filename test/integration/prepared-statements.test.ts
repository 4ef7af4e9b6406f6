import { Client } from 'pg';
import { limitPreparedStatements, preparedStatementName, type PreparingClient } from '../../src/db/prepared-statements';
import { startTestApp, type TestApp } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * Planned reads go to PostgreSQL as named prepared statements, one per selection shape, so a
 * repeated document is parsed and planned once per connection; each connection keeps a bounded
 * number of them.
 */
describe('planned reads as prepared statements', () => {
  let t: TestApp;
  // One pooled connection, so the session the reads use is the one asked what it holds.
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function preparedNames(): Promise<string[]> {
    const result = await t.app.database.orm.em.getKnex().raw(`select name from pg_prepared_statements where name like 'yz\\_%' order by name`);
    return (result.rows as { name: string }[]).map((row) => row.name);
  }

  const PAGE = `query Page($after: String) { stations(first: 5, after: $after) { pageInfo { endCursor } nodes { code name region { name } } } }`;

  it('names the statement of a planned read after its text, and reuses it for the same document with other variables', async () => {
    const first = await t.gql(PAGE);
    expect(first.errors).toBeUndefined();
    // A page after a cursor has a condition the first page has not: a statement of its own.
    const before = await preparedNames();
    const second = await t.gql(PAGE, { after: first.data.stations.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const added = (await preparedNames()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^yz_[0-9a-f]{40}$/);

    // The next page: the same text with another cursor, so the same statement, and the right rows.
    const third = await t.gql(PAGE, { after: second.data.stations.pageInfo.endCursor });
    expect(third.errors).toBeUndefined();
    expect(third.data.stations.nodes[0].code > second.data.stations.nodes[4].code).toBe(true);
    expect((await preparedNames()).filter((name) => !before.includes(name))).toEqual(added);
  });

  it('gives a different selection a statement of its own', async () => {
    const before = await preparedNames();
    const answer = await t.gql(`{ stations(first: 2) { nodes { code address } } }`);
    expect(answer.errors).toBeUndefined();
    expect((await preparedNames()).filter((name) => !before.includes(name))).toHaveLength(1);
  });
});

describe('limitPreparedStatements', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query('deallocate all');
    limitPreparedStatements(client as unknown as PreparingClient, 2);
  });
  afterEach(async () => {
    await client.end();
  });

  const statement = (n: number) => ({ name: preparedStatementName(`select ${n}::int as n`), text: `select ${n}::int as n` });
  const held = async () => (await client.query(`select name from pg_prepared_statements`)).rows.map((row: { name: string }) => row.name).sort();

  it('keeps the most recently used statements and deallocates the oldest', async () => {
    await client.query(statement(1));
    await client.query(statement(2));
    await client.query(statement(1));
    await client.query(statement(3));
    expect(await held()).toEqual([statement(1).name, statement(3).name].sort());
    // The evicted one is prepared again when it comes back, with its answer.
    expect((await client.query(statement(2))).rows).toEqual([{ n: 2 }]);
    expect(await held()).toEqual([statement(2).name, statement(3).name].sort());
  });

  it('has the connection destroyed when a deallocation fails, rather than reused with a statement it forgot', async () => {
    await client.query(statement(1));
    await client.query(statement(2));
    await client.query('begin');
    await expect(client.query('select 1 / 0')).rejects.toThrow(/division by zero/);
    // The transaction failed, so the deallocation that makes room is refused too.
    await expect(client.query(statement(3))).rejects.toThrow(/current transaction is aborted/);
    await client.query('rollback');
    expect((client as unknown as PreparingClient).__knex__disposed).toBeTruthy();
  });
});
