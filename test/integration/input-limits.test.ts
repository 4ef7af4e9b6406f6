import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { XIANGYANG_POINT } from '../helpers/fixtures';

/**
 * Text and list limits, NUL bytes, unpaired surrogates and forged cursors are refused at the edge
 * with BAD_USER_INPUT, before any of the request's SQL, and change nothing.
 */
function forge(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

describe('input limits at the edge (production mode)', () => {
  const t = useTestApp({ NODE_ENV: 'production' });

  async function refused(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = ANONYMOUS_HEADERS) {
    let res: Awaited<ReturnType<typeof t.gql>> | undefined;
    const statements = await t.countStatements(async () => {
      res = await t.gql(query, variables, headers);
    });
    expect(res!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return { res: res!, statements };
  }

  it('refuses a search of more than 100 characters, as a literal or a variable, before any SQL', async () => {
    const long = '襄'.repeat(101);
    const literal = await refused(`{ stations(filter: { search: "${long}" }) { totalCount } }`);
    expect(literal.statements).toBe(0);
    expect(literal.res.status).toBe(400);
    expect(literal.res.data ?? null).toBeNull();
    expect(literal.res.errors![0].message).toContain('filter.search');
    expect(literal.res.errors![0].message).toContain('100');
    const variable = await refused('query($f: StationFilter) { stations(filter: $f) { totalCount } }', { f: { search: long } });
    expect(variable.statements).toBe(0);
    const ok = await t.gql(`{ stations(filter: { search: "${'襄'.repeat(100)}" }) { totalCount } }`, {}, ANONYMOUS_HEADERS);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a 900,000-character search at once', async () => {
    const started = Date.now();
    await refused('query($f: StationFilter) { stations(filter: $f) { totalCount } }', { f: { search: 'x'.repeat(900_000) } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('limits every text argument to 10,000 characters, counted in characters not UTF-16 units', async () => {
    const { res } = await refused(
      'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { userErrors { code } } }',
      {
        input: { code: 'LONG', name: '长'.repeat(10_001), level: 'CITY', regionCode: '420600' },
      },
      {},
    );
    expect(res.errors![0].message).toContain('input.name');
    expect(res.errors![0].message).toContain('10000');
    const departments = await t.gql('{ department(code: "LONG") { code } }');
    expect(departments.data.department).toBeNull();
    // 10,000 emoji are 20,000 UTF-16 units but 10,000 characters: the service's own limit answers instead.
    const emoji = await t.gql('mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { userErrors { code field } } }', {
      input: { code: 'EMOJI', name: '😀'.repeat(10_000), level: 'CITY', regionCode: '420600' },
    });
    expect(emoji.errors).toBeUndefined();
    expect(emoji.data.createDepartment.userErrors[0].field).toEqual(['input', 'name']);
  });

  it('limits every list to 1,000 items', async () => {
    const { res } = await refused('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 1_001 }, () => 'x') });
    expect(res.errors![0].message).toContain('1000');
  });

  it.each([
    ['a NUL byte', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
  ])('refuses %s anywhere: in a variable, in a literal, in an unused variable, in an input object key', async (_name, text) => {
    await refused('query($f: StationFilter) { stations(filter: $f) { totalCount } }', { f: { search: text } });
    // In the document itself an unpaired surrogate escape does not even parse: 400 either way.
    const literal = await t.gql(`{ stations(filter: { search: ${JSON.stringify(text)} }) { totalCount } }`, {}, ANONYMOUS_HEADERS);
    expect(literal.status).toBe(400);
    expect(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(literal.errors![0].extensions?.code);
    await refused('{ stations(first: 1) { totalCount } }', { unused: [{ deep: text }] });
    const { res } = await refused(
      'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { userErrors { code } } }',
      {
        input: { code: 'NUL', name: text, level: 'CITY', regionCode: '420600' },
      },
      {},
    );
    expect(res.status).toBe(400);
  });

  it('keeps Chinese text, emoji and paired surrogates whole', async () => {
    const res = await t.gql('query($f: StationFilter) { stations(filter: $f) { totalCount } }', { f: { search: '樊城区😀' } }, ANONYMOUS_HEADERS);
    expect(res.errors).toBeUndefined();
  });

  it('decodes and type-checks every cursor: forged DISTANCE, OPENED_ON and UPDATED_AT cursors are BAD_USER_INPUT', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const near = { latitude: XIANGYANG_POINT.latitude, longitude: XIANGYANG_POINT.longitude, radiusMetres: 5000 };
    const forged: [string, unknown[]][] = [
      ['DISTANCE', ['1e999', id]],
      ['DISTANCE', ['NaN', id]],
      ['DISTANCE', ['-1e400', id]],
      ['OPENED_ON', ['2023-02-30', id]],
      ['OPENED_ON', ['99999-01-01', id]],
      ['UPDATED_AT', ['2026-13-01 00:00:00+00', id]],
      ['UPDATED_AT', ['2026-01-01 25:61:00+00', id]],
      ['UPDATED_AT', ['2026-01-01 00:00:00+99', id]],
      ['CODE', ['420602001001-001', 'not-a-uuid']],
      ['CODE', [{ nested: true }, id]],
      ['CODE', ['a\u0000b', id]],
    ];
    for (const [field, values] of forged) {
      const filter = field === 'DISTANCE' ? { near } : {};
      const { res } = await refused(
        'query($f: StationFilter, $o: StationOrder, $after: String) { stations(filter: $f, orderBy: $o, after: $after, first: 2) { nodes { code } } }',
        {
          f: filter,
          o: { field },
          after: forge(values),
        },
      );
      expect(res.errors![0].message).toMatch(/cursor|游标/i);
    }
    for (const garbage of ['!!!', 'e30', forge([1]), forge(Array(3).fill('x')), 'A'.repeat(1_500)]) {
      await refused('query($after: String) { stations(after: $after) { nodes { code } } }', { after: garbage });
    }
    // A real cursor of each order still works.
    for (const field of ['OPENED_ON', 'UPDATED_AT']) {
      const page = await t.gql('query($o: StationOrder) { stations(orderBy: $o, first: 2) { pageInfo { endCursor } } }', { o: { field } }, ANONYMOUS_HEADERS);
      const next = await t.gql(
        'query($o: StationOrder, $after: String) { stations(orderBy: $o, first: 2, after: $after) { nodes { code } } }',
        {
          o: { field },
          after: page.data.stations.pageInfo.endCursor,
        },
        ANONYMOUS_HEADERS,
      );
      expect(next.errors).toBeUndefined();
      expect(next.data.stations.nodes).toHaveLength(2);
    }
  });

  it('refuses forged cursors of the change feed and of nested lists', async () => {
    await refused('query($after: String) { changes(after: $after) { endCursor } }', { after: forge(['99999999999999999999', '1']) }, {});
    await refused('query($after: String) { stations(first: 1) { nodes { serviceItems(after: $after) { nodes { id } } } } }', { after: forge([{}]) });
  });

  it('answers a subscription with 400 BAD_REQUEST instead of a server error', async () => {
    const res = await t.gql('subscription { __typename }', {}, ANONYMOUS_HEADERS);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('BAD_REQUEST');
    expect(res.errors![0].message).toMatch(/webhook/);
  });
});
