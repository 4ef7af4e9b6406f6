import { ANONYMOUS_HEADERS, useTestApp, type GraphQLResponse } from '../helpers/app';
import { documentWalks } from '../../src/graphql/document-memo';

/**
 * The request guard's document checks (input limits, cost, introspection, visibility) walk a
 * document once per document and what their answer depends on (graphql/document-memo.ts): a
 * repeated request is answered without walking it again, and every caller, variable value and
 * operation still gets the answer it would get if nothing were remembered — refusals included, in
 * the caller's language.
 */
const t = useTestApp({ NODE_ENV: 'production' });
const EN = { 'accept-language': 'en' };

/** The walks `work` made, by check. */
async function walksOf(work: () => Promise<unknown>): Promise<typeof documentWalks> {
  const before = { ...documentWalks };
  await work();
  return {
    inputs: documentWalks.inputs - before.inputs,
    cost: documentWalks.cost - before.cost,
    visibility: documentWalks.visibility - before.visibility,
    introspection: documentWalks.introspection - before.introspection,
  };
}

describe('document checks, remembered per document', () => {
  it('answers the second identical public list request without walking the document again', async () => {
    const query = `query PublicMemo { stations(first: 50, filter: { status: [OPEN], regionCode: "420600" }) { nodes { code name address status location { latitude longitude } } } }`;
    let first: GraphQLResponse | undefined;
    let second: GraphQLResponse | undefined;
    expect(await walksOf(async () => (first = await t.gql(query, undefined, ANONYMOUS_HEADERS)))).toEqual({ inputs: 1, cost: 1, visibility: 1, introspection: 1 });
    expect(await walksOf(async () => (second = await t.gql(query, undefined, ANONYMOUS_HEADERS)))).toEqual({ inputs: 0, cost: 0, visibility: 0, introspection: 0 });
    expect(first!.errors).toBeUndefined();
    expect(first!.data.stations.nodes.length).toBeGreaterThan(0);
    expect(second!.data).toEqual(first!.data);
    // 1 for the connection + 50 × (1 per station + 1 for its location)
    const cost = await t.http().post('/graphql').set('content-type', 'application/json').send({ query });
    expect(cost.body.extensions.cost).toMatchObject({ requested: 101, maximum: 5000 });
  });

  it('refuses an anonymous caller a field an administrator may read, on the same document, in either order', async () => {
    for (const [query, order] of [
      ['{ changesHead }', ['anonymous', 'admin', 'anonymous', 'admin']],
      ['query AdminFirst { changesHead }', ['admin', 'anonymous', 'admin', 'anonymous']],
    ] as const) {
      for (const caller of order) {
        const res = await t.gql(query, {}, caller === 'anonymous' ? ANONYMOUS_HEADERS : undefined);
        if (caller === 'anonymous') {
          expect(res.status).toBe(403);
          expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.changesHead' });
        } else {
          expect(res.errors).toBeUndefined();
          expect(typeof res.data.changesHead).toBe('string');
        }
      }
    }
  });

  it('answers callers by their roles: an analyst reads the station figures, a partner department may not', async () => {
    const analyst = await t.clientHeaders({ name: '记忆-分析员', roles: ['ANALYST'] });
    const partner = await t.clientHeaders({ name: '记忆-合作部门', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
    const query = '{ stationStats { total } }';
    for (const headers of [analyst, partner, analyst, partner]) {
      const res = await t.gql(query, {}, { ...headers, ...EN });
      if (headers === analyst) expect(res.data.stationStats.total).toBeGreaterThan(0);
      else expect(res.errors![0]).toMatchObject({ message: expect.stringMatching(/^Your role may not read Query\.stationStats/), extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('costs first: $n by each n, and refuses the same too-costly variables again in each caller’s language', async () => {
    const query = 'query PageMemo($n: Int) { stations(first: $n) { nodes { code } } }';
    const page = (n: number, headers: Record<string, string> = {}) =>
      t
        .http()
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...headers })
        .send({ query, variables: { n } });
    expect((await page(3)).body.extensions.cost.requested).toBe(1 + 3);
    expect((await page(7)).body.extensions.cost.requested).toBe(1 + 7);
    let again: Awaited<ReturnType<typeof page>> | undefined;
    expect(await walksOf(async () => (again = await page(3)))).toMatchObject({ cost: 0 });
    expect(again!.body.extensions.cost.requested).toBe(1 + 3);

    const zh = await page(10_000);
    let en: Awaited<ReturnType<typeof page>> | undefined;
    expect(await walksOf(async () => (en = await page(10_000, EN)))).toMatchObject({ cost: 0 });
    for (const res of [zh, en!]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 5000, actual: 1 + 10_000 });
    }
    expect(zh.body.errors[0].message).toContain('匿名调用方');
    expect(en!.body.errors[0].message).toMatch(/anonymous callers/);
  });

  it('refuses the same bad input again, in each caller’s language', async () => {
    const query = 'query RegionMemo($r: String) { stations(first: 1, filter: { regionCode: $r }) { totalCount } }';
    const zh = await t.gql(query, { r: '4206\u0000' }, ANONYMOUS_HEADERS);
    let en: GraphQLResponse | undefined;
    expect(await walksOf(async () => (en = await t.gql(query, { r: '4206\u0000' }, { ...ANONYMOUS_HEADERS, ...EN })))).toMatchObject({ inputs: 0 });
    for (const res of [zh, en!]) expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$r' });
    expect(zh.errors![0].message).toContain('不允许的字符');
    expect(en!.errors![0].message).toMatch(/contains a character that is not allowed/);
    // A clean value of the same variable is its own answer.
    expect((await t.gql(query, { r: '420600' }, ANONYMOUS_HEADERS)).data.stations.totalCount).toBeGreaterThan(0);
  });

  it('walks every time when the variables are too large to keep as a key', async () => {
    const query = 'query LargeMemo($n: Int) { stations(first: $n) { totalCount } }';
    const variables = { n: 1, padding: 'x'.repeat(5000) };
    for (let round = 0; round < 2; round++) {
      expect(await walksOf(async () => expect((await t.gql(query, variables, ANONYMOUS_HEADERS)).errors).toBeUndefined())).toMatchObject({ inputs: 1, cost: 1 });
    }
  });
});
