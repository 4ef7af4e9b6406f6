import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';

/**
 * Cost analysis and document limits, against the production-mode app: a refused document is
 * answered before any of its SQL runs, with an error naming the limit and the figures.
 */
const ATTACK = `{ stations(first:100){ nodes { code serviceItems(first:100){ nodes { serviceItem { code stations(first:100){ nodes { station { code name } } } } } } } } }`;
const EN = { 'accept-language': 'en' };

function aliased(count: number, field = 'a: viewer { kind }'): string {
  return `{ ${Array.from({ length: count }, (_, i) => field.replace('a:', `a${i}:`)).join(' ')} }`;
}

describe('query cost and document limits (production mode)', () => {
  const t = useTestApp({ NODE_ENV: 'production' });

  it('refuses the nested 100 × 100 × 100 query anonymously before any SQL runs, naming the cost and the limit in Chinese and English', async () => {
    let zh: Awaited<ReturnType<typeof t.gql>> | undefined;
    const statements = await t.countStatements(async () => {
      zh = await t.gql(ATTACK, {}, ANONYMOUS_HEADERS);
    });
    expect(statements).toBe(0);
    expect(zh!.status).toBe(400);
    expect(zh!.data ?? null).toBeNull();
    const [error] = zh!.errors!;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 5000 });
    expect(error.extensions!.actual).toBeGreaterThan(1_000_000);
    expect(error.message).toContain('匿名调用方');
    expect(error.message).toContain(String(error.extensions!.actual));
    expect(error.message).toContain('5000');

    const en = await t.gql(ATTACK, {}, { ...ANONYMOUS_HEADERS, ...EN });
    expect(en.errors![0].message).toMatch(/costs \d+, more than the 5000 one request may cost for anonymous callers/);
  });

  it('refuses four aliases of it in one request the same way for every role, without even looking up the key', async () => {
    const four = `{ ${[1, 2, 3, 4].map((n) => `q${n}: ${ATTACK.slice(2, -2)}`).join(' ')} }`;
    for (const roles of [['ANALYST'], ['ADMIN']]) {
      const headers = await t.clientHeaders({ name: `四别名-${roles[0]}`, roles });
      let res: Awaited<ReturnType<typeof t.gql>> | undefined;
      const statements = await t.countStatements(async () => {
        res = await t.gql(four, {}, { ...headers, ...EN });
      });
      expect(statements).toBe(0);
      expect(res!.status).toBe(400);
      expect(res!.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 100000 });
      expect(res!.errors![0].message).toMatch(/more than the 100000 any caller may ask for/);
    }
    // A bad key with an acceptable document is still refused as such.
    const bad = await t.gql('{ stations(first: 1) { totalCount } }', {}, { authorization: 'Bearer yz_unknownKeyUnknownKeyUnknownKeyUnknownKey00' });
    expect(bad.status).toBe(401);
    expect(bad.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a document over the caller's own limit after looking the caller up", async () => {
    const analyst = await t.clientHeaders({ name: '成本上限分析', roles: ['ANALYST'] });
    // 1 + 100 × (1 + 1 + 100 × 2) = 20,201 is within the analyst's 25,000; 1 + 100 × (2 + 100 × 3) is not.
    const within = await t.gql('{ stations(first: 100) { nodes { code serviceItems(first: 100) { nodes { serviceItem { code } } } } } }', {}, analyst);
    expect(within.errors).toBeUndefined();
    const over = await t.gql('{ stations(first: 100) { nodes { code serviceItems(first: 100) { nodes { serviceItem { code department { code } } } } } } }', {}, analyst);
    expect(over.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 25000, actual: 30201 });
    expect(over.errors![0].message).toContain('分析人员');
  });

  it('reports the cost of every answered request in extensions.cost, by the documented rules', async () => {
    const page = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ stations(first: 10) { nodes { code region { name } } } }' });
    expect(page.status).toBe(200);
    // 1 for the connection + 10 × (1 per station + 1 for its region)
    expect(page.body.extensions.cost).toMatchObject({ requested: 21, maximum: 5000 });
    // 1 + 5 × (1 station + 1 + 3 × (1 push-down + 1 item))
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({
      query: '{ stations(first: 5) { totalCount edges { node { code serviceItems(first: 3) { nodes { serviceItem { code } } } } } } }',
    });
    expect(res.body.extensions.cost.requested).toBe(1 + 5 * (1 + 1 + 3 * 2));
  });

  it('uses the default page size of 20 when first/last is left out, and multiplies through nesting', async () => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ stations { nodes { code } } }' });
    expect(res.body.extensions.cost.requested).toBe(1 + 20 * 1);
    const vars = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: 'query($n: Int) { stations(first: $n) { nodes { code } } }',
        variables: { n: 50 },
      });
    expect(vars.body.extensions.cost.requested).toBe(51);
  });

  it('charges a mutation more than reading the same record', async () => {
    const mutation = await t.http().post('/graphql').set({ 'content-type': 'application/json' }).send({
      query: 'mutation { archiveStation(input: { id: "U3RhdGlvbjp4", version: 1 }) { station { code } userErrors { code } } }',
    });
    expect(mutation.status).toBe(200);
    // 10 for the write + 1 for the station + 1 for the list of user errors
    expect(mutation.body.extensions.cost.requested).toBe(12);
    const read = await t.http().post('/graphql').set({ 'content-type': 'application/json' }).send({ query: '{ station(code: "x") { code } }' });
    expect(read.body.extensions.cost.requested).toBe(1);
  });

  it('allows signed-in callers more cost per request than anonymous ones', async () => {
    // 1 + 100 × (1 + 1 + 20 × 2) = 4,201 is within the anonymous limit; 100 × 60 × 2 is not.
    const query = '{ stations(first: 100) { nodes { code serviceItems(first: 60) { nodes { serviceItem { code } } } } } }';
    const anonymous = await t.gql(query, {}, ANONYMOUS_HEADERS);
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 5000 });
    const analyst = await t.gql(query, {}, await t.clientHeaders({ name: '成本分析', roles: ['ANALYST'] }));
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data.stations.nodes).toHaveLength(100);
  });

  it('refuses more than 30 aliases, 20 top-level fields, 20 directives or 15 levels, naming each limit', async () => {
    const cases: [string, string, number][] = [
      [`{ stations(first: 1) { nodes { ${Array.from({ length: 31 }, (_, i) => `c${i}: code`).join(' ')} } } }`, 'aliases', 30],
      [`{ ${Array.from({ length: 21 }, (_, i) => `s${i}: station(code: "x${i}") { code }`).join(' ')} }`, 'rootFields', 20],
      [`{ ${Array.from({ length: 21 }, () => 'viewer { kind }').join(' ')} }`, 'rootFields', 20],
      [`{ stations(first: 1) { nodes { ${Array.from({ length: 21 }, () => 'code @include(if: true)').join(' ')} } } }`, 'directives', 20],
      [`{ regions(first: 1) { nodes { ${'children(first: 1) { nodes { '.repeat(8)}code${' } }'.repeat(8)} } } }`, 'depth', 15],
    ];
    for (const [query, limit, maximum] of cases) {
      const statements = await t.countStatements(async () => {
        const res = await t.gql(query, {}, { ...ANONYMOUS_HEADERS, ...EN });
        expect(res.status).toBe(400);
        expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, maximum });
        expect(res.errors![0].message).toContain(String(maximum));
      });
      expect(statements).toBe(0);
    }
  });

  it('refuses a field repeated more than 10 times in one selection, however the repeats are spelled', async () => {
    const repeats = [
      `{ stations(first: 1) { nodes { ${'region { code } '.repeat(700)} } } }`,
      `{ stations(first: 1) { nodes { ${'... on Station { code } '.repeat(11)} } } }`,
      `{ stations(first: 1) { nodes { ...F ...G } } } fragment F on Station { ${'code '.repeat(6)} } fragment G on Station { ${'code '.repeat(5)} }`,
    ];
    for (const query of repeats) {
      const started = Date.now();
      const res = await t.gql(query, {}, { ...ANONYMOUS_HEADERS, ...EN });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(400);
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'repeatedField', maximum: 10 });
      expect(res.errors![0].message).toMatch(/selected \d+ times/);
    }
    const tenTimes = await t.gql(`{ stations(first: 1) { nodes { ${'code '.repeat(10)} } } }`, {}, ANONYMOUS_HEADERS);
    expect(tenTimes.errors).toBeUndefined();
  });

  it('checks GET requests the same way', async () => {
    const res = await t
      .http()
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: `{ ${Array.from({ length: 21 }, () => 'viewer { kind }').join(' ')} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'rootFields' });
  });

  it('counts aliases and depth through fragments', async () => {
    const aliases = await t.gql(
      `{ stations(first: 1) { nodes { ...F ...G } } } fragment F on Station { ${Array.from({ length: 16 }, (_, i) => `f${i}: code`).join(' ')} }
       fragment G on Station { ${Array.from({ length: 15 }, (_, i) => `g${i}: name`).join(' ')} }`,
      {},
      ANONYMOUS_HEADERS,
    );
    expect(aliases.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', actual: 31 });
    const rootFields = await t.gql(`query { ...F } fragment F on Query { ${aliased(21).slice(2, -2)} }`, {}, ANONYMOUS_HEADERS);
    expect(rootFields.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'rootFields', actual: 21 });
    const deep = `${'children(first: 1) { nodes { '.repeat(8)}code${' } }'.repeat(8)}`;
    const depth = await t.gql(`{ regions(first: 1) { nodes { ...R } } } fragment R on Region { ${deep} }`, {}, ANONYMOUS_HEADERS);
    expect(depth.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
  });

  it('stops parsing a document of more than 3,000 tokens', async () => {
    const res = await t.gql(`{ stations(first: 1) { nodes { ${'code '.repeat(3000)} } } }`, {}, ANONYMOUS_HEADERS);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 3000 });
    expect(res.errors![0].message).toContain('3000');
  });

  it('refuses a fragment bomb quickly: its repeats, or the fields it multiplies to', async () => {
    const spreads = (name: string) => Array.from({ length: 12 }, () => `...${name}`).join(' ');
    const query = `{ stations(first: 1) { nodes { ...A } } }
      fragment A on Station { ${spreads('B')} } fragment B on Station { ${spreads('C')} }
      fragment C on Station { ${spreads('D')} } fragment D on Station { ${spreads('E')} } fragment E on Station { code }`;
    const started = Date.now();
    const res = await t.gql(query, {}, ANONYMOUS_HEADERS);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(['fields', 'repeatedField']).toContain(res.errors![0].extensions?.limit);
  });

  it('lets GraphiQL introspect without cost or depth getting in the way', async () => {
    const analyst = await t.clientHeaders({ name: '图形界面', roles: ['ANALYST'] });
    const { getIntrospectionQuery } = await import('graphql');
    const res = await t.gql(getIntrospectionQuery(), {}, analyst);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});
