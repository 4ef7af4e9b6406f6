import { runSeed } from '../../src/db/database';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { migrationsList } from '../../src/db/migrations';

const ADMIN_ORIGIN = 'https://admin.yizhan.example.cn';

describe('health endpoints', () => {
  const t = useTestApp();

  it('answers /healthz and /readyz when the database is migrated', async () => {
    expect((await t.http().get('/healthz')).status).toBe(200);
    const ready = await t.http().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('allows introspection outside production', async () => {
    const res = await t.gql('{ __schema { queryType { name } } }');
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('applies the demo seed only once', async () => {
    const again = await runSeed(t.app.database.orm);
    expect(again).toEqual({ applied: false, steps: [], counts: {} });
  });

  // Runs last in this block: rolling the migration back empties the database.
  it('answers /readyz with 503 while a migration is pending, and 200 again once applied', async () => {
    const migrator = t.app.database.orm.getMigrator();
    await migrator.down();
    try {
      const pending = await t.http().get('/readyz');
      expect(pending.status).toBe(503);
      expect(pending.body.pending).toEqual([migrationsList[migrationsList.length - 1].name]);
      expect((await t.http().get('/healthz')).status).toBe(200);
    } finally {
      await migrator.up();
    }
    expect((await t.http().get('/readyz')).status).toBe(200);
  });
});

describe('production hardening', () => {
  const t = useTestApp({ NODE_ENV: 'production', CORS_ORIGINS: ADMIN_ORIGIN });

  it('refuses introspection to anonymous callers but still answers __typename, and allows it to signed-in ones', async () => {
    const schema = await t.gql('{ __schema { types { name } } }', {}, ANONYMOUS_HEADERS);
    expect(schema.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(schema.data ?? null).toBeNull();
    const type = await t.gql('{ __type(name: "Station") { name } }', {}, ANONYMOUS_HEADERS);
    expect(type.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const typename = await t.gql('{ __typename }', {}, ANONYMOUS_HEADERS);
    expect(typename.data).toEqual({ __typename: 'Query' });
    const analyst = await t.clientHeaders({ name: '统计分析', roles: ['ANALYST'] });
    const allowed = await t.gql('{ __type(name: "Station") { name } }', {}, analyst);
    expect(allowed.data).toEqual({ __type: { name: 'Station' } });
  });

  it('gives no field suggestions and no stack traces', async () => {
    const res = await t.gql('{ station(code: "x") { nam } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    const bad = await t.gql('{ stations(first: 1000) { totalCount } }');
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('allows the configured admin origin and no other', async () => {
    const allowed = await t.http().options('/graphql').set({ origin: ADMIN_ORIGIN, 'access-control-request-method': 'POST' });
    expect(allowed.headers['access-control-allow-origin']).toBe(ADMIN_ORIGIN);
    const denied = await t.http().options('/graphql').set({ origin: 'https://evil.example.com', 'access-control-request-method': 'POST' });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const get = await t.http().get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    const form = await t.http().post('/graphql').set('content-type', 'text/plain').send('{"query":"{ __typename }"}');
    expect(form.status).toBe(400);
    const preflighted = await t.http().get('/graphql').set('apollo-require-preflight', 'true').query({ query: '{ __typename }' });
    expect(preflighted.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses request bodies over 1 MiB with 413', async () => {
    const padding = 'x'.repeat(1024 * 1024 + 10);
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }', variables: { padding } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends the security headers: no sniffing, no framing, no referrer, HTTPS only, and GraphQL answers never stored', async () => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000',
      'cache-control': 'no-store',
    });
    const health = await t.http().get('/healthz');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers malformed JSON with 400 and carries a request id', async () => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphiQL', () => {
  const t = useTestApp();

  it('serves the IDE and every asset it loads from this server, none from a CDN', async () => {
    const page = await t.http().get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      expect(asset.startsWith('/graphiql/assets/')).toBe(true);
      const res = await t.http().get(asset);
      expect(res.status).toBe(200);
      expect((res.text ?? res.body.toString()).length).toBeGreaterThan(100);
      expect(res.text ?? '').not.toMatch(/(?:src|href)=["']https?:\/\//);
    }
    expect((await t.http().get('/graphiql/assets/secret.js')).status).toBe(404);
  });
});
