import request from 'supertest';
import { createApp, type App } from '../../src/app';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';

/**
 * Per-caller budgets of cost points that refill over time, kept in the database so every API
 * instance shares them. Small budgets here so the tests can spend them.
 */
const ENV = {
  NODE_ENV: 'production',
  QUERY_MAX_COST: 'ANONYMOUS:100,ANALYST:100',
  RATE_LIMIT_BUDGETS: 'ANONYMOUS:100/20,ANALYST:300/20',
};
// 1 + 20 × 1: a page of 20 station codes.
const PAGE = '{ stations(first: 20) { nodes { code } } }';
const PAGE_COST = 21;

async function post(app: App['app'], query: string, headers: Record<string, string> = {}) {
  return request(app)
    .post('/graphql')
    .set({ 'content-type': 'application/json', ...headers })
    .send({ query });
}

describe('request budgets (production mode)', () => {
  const t = useTestApp(ENV);

  it('reports the budget in RateLimit-* headers and on viewer, charging each request its cost', async () => {
    const analyst = await t.clientHeaders({ name: '额度分析', roles: ['ANALYST'] });
    const first = await post(t.app.app, PAGE, analyst);
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('300');
    expect(first.headers['ratelimit-remaining']).toBe(String(300 - PAGE_COST));
    expect(first.headers['ratelimit-policy']).toBe('300;w=15');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    expect(first.body.extensions.cost).toEqual({ requested: PAGE_COST, maximum: 100, charged: PAGE_COST, remaining: 300 - PAGE_COST, limit: 300 });

    const viewer = await t.gql('{ viewer { rateLimit { limit remaining refillPerSecond resetAt requestCost maxRequestCost } } }', {}, analyst);
    const rateLimit = viewer.data.viewer.rateLimit;
    expect(rateLimit).toMatchObject({ limit: 300, refillPerSecond: 20, requestCost: 2, maxRequestCost: 100 });
    // What refilled in the meantime comes back, never beyond what the first two requests took.
    expect(rateLimit.remaining).toBeLessThanOrEqual(300 - PAGE_COST - 2 + 20);
    expect(new Date(rateLimit.resetAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses with 429 RATE_LIMITED and Retry-After once the budget is spent, without running the request, and lets it through again after the refill', async () => {
    const operator = await t.clientHeaders({ name: '额度街道', roles: ['ANALYST'] });
    let refused: request.Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await post(t.app.app, PAGE, operator);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused).toBeDefined();
    const error = refused!.body.errors[0];
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused!.headers['retry-after']).toBe(String(error.extensions.retryAfter));
    expect(refused!.body.data ?? null).toBeNull();
    expect(error.message).toMatch(/调用额度已用完/);
    expect(Number(refused!.headers['ratelimit-remaining'])).toBeLessThan(PAGE_COST);

    // A refused write does not happen.
    // 10 + 1 + 1 + 80 × 1 = 92: more than a refused page of 21 leaves, even after seconds of refill.
    const write = await t.gql(
      'mutation { createDepartment(input: { code: "RL-1", name: "限流测试部门", level: CITY, regionCode: "420600" }) { department { code platforms(first: 80) { nodes { id } } } } }',
      {},
      operator,
    );
    expect(write.status).toBe(429);
    const created = await t.gql('{ department(code: "RL-1") { code } }');
    expect(created.data.department).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, (error.extensions.retryAfter + 0.2) * 1000));
    const again = await post(t.app.app, PAGE, operator);
    expect(again.status).toBe(200);
  });
});

/** A budget that barely refills, so what two instances or thirty concurrent requests spend can be counted. */
describe('request budgets shared and exact (production mode)', () => {
  const t = useTestApp({ ...ENV, RATE_LIMIT_BUDGETS: 'ANONYMOUS:100/1,ANALYST:300/1' });

  it('keeps one budget per API client, and one per address for anonymous callers', async () => {
    const spender = await t.clientHeaders({ name: '额度甲', roles: ['ANALYST'] });
    const other = await t.clientHeaders({ name: '额度乙', roles: ['ANALYST'] });
    for (let i = 0; i < 20; i++) if ((await post(t.app.app, PAGE, spender)).status === 429) break;
    expect((await post(t.app.app, PAGE, spender)).status).toBe(429);
    expect((await post(t.app.app, PAGE, other)).status).toBe(200);

    // The app trusts X-Forwarded-For from its local reverse proxy (supertest connects from loopback).
    const from = (address: string) => ({ ...ANONYMOUS_HEADERS, 'x-forwarded-for': address });
    for (let i = 0; i < 10; i++) if ((await post(t.app.app, PAGE, from('203.0.113.7'))).status === 429) break;
    expect((await post(t.app.app, PAGE, from('203.0.113.7'))).status).toBe(429);
    const elsewhere = await post(t.app.app, PAGE, from('198.51.100.9'));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers['ratelimit-limit']).toBe('100');
  });

  it('shares budgets between API instances on the same database', async () => {
    const second = await createApp(t.config, {});
    try {
      const client = await t.clientHeaders({ name: '额度双实例', roles: ['ANALYST'] });
      let spent = 0;
      for (let i = 0; i < 20; i++) {
        const res = await post((i % 2 ? second : t.app).app, PAGE, client);
        if (res.status === 429) break;
        spent += PAGE_COST;
      }
      // Both instances together let through no more than the one budget (plus what refilled meanwhile).
      expect(spent).toBeLessThanOrEqual(300 + 21);
      expect((await post(second.app, PAGE, client)).status).toBe(429);
      expect((await post(t.app.app, PAGE, client)).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('charges concurrent requests exactly: of 30 at once against a budget of 300, at most 14 pages of 21 get through', async () => {
    const client = await t.clientHeaders({ name: '额度并发', roles: ['ANALYST'] });
    const results = await Promise.all(Array.from({ length: 30 }, () => post(t.app.app, PAGE, client)));
    const granted = results.filter((res) => res.status === 200).length;
    expect(results.every((res) => res.status === 200 || res.status === 429)).toBe(true);
    expect(granted).toBeGreaterThanOrEqual(14);
    // 300 / 21 = 14, plus what refills at 1 point per second while they run.
    expect(granted).toBeLessThanOrEqual(15);
  });
});

describe('housekeeping', () => {
  const t = useTestApp(ENV);

  it('forgets budgets that would be full again and Idempotency-Keys past 24 hours, and keeps the rest', async () => {
    const connection = t.app.database.orm.em.getConnection();
    await post(t.app.app, PAGE, { ...ANONYMOUS_HEADERS, 'x-forwarded-for': '192.0.2.10' });
    await connection.execute(`insert into rate_limit_bucket (key, tokens, granted, refreshed_at) values ('ip:192.0.2.99', 5, true, now() - interval '2 days')`);
    await connection.execute(
      `insert into idempotency_key (principal, key, request_hash, response, created_at) values
         ('client:old', 'old-key', repeat('a', 64), '{}', now() - interval '25 hours'),
         ('client:new', 'new-key', repeat('b', 64), '{}', now() - interval '1 hour')`,
    );
    await t.app.housekeeping.runOnce();
    const buckets = await connection.execute<{ key: string }[]>(`select key from rate_limit_bucket where key like 'ip:192.0.2.%' order by key`);
    expect(buckets.map((row) => row.key)).toEqual(['ip:192.0.2.10']);
    const keys = await connection.execute<{ key: string }[]>(`select key from idempotency_key where principal in ('client:old', 'client:new')`);
    expect(keys.map((row) => row.key)).toEqual(['new-key']);
  });
});

describe('exports spend the same budget as /graphql', () => {
  const t = useTestApp({ NODE_ENV: 'production', QUERY_MAX_COST: 'ANONYMOUS:100,ANALYST:250', RATE_LIMIT_BUDGETS: 'ANONYMOUS:100/1,ANALYST:600/1' });

  it('holds an export page to the caller’s maximum cost, charges it to the budget /graphql spends, and refuses it with 429 once spent', async () => {
    // A page of 100 stations' codes: 1 + 100 × 1, over the anonymous maximum of 100.
    const anonymous = await request(t.app.app).get('/export/stations.csv?planYear=2023');
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 100 });

    const analyst = await t.clientHeaders({ name: '导出额度', roles: ['ANALYST'] });
    const first = await request(t.app.app).get('/export/service-items.jsonl?level=CITY').set(analyst);
    expect(first.body.errors ?? []).toEqual([]);
    expect(first.status).toBe(200);
    const cost = 600 - Number(first.headers['ratelimit-remaining']);
    expect(cost).toBeGreaterThan(100);
    expect(cost).toBeLessThanOrEqual(250);
    const page = await post(t.app.app, PAGE, analyst);
    expect(Number(page.headers['ratelimit-remaining'])).toBeLessThanOrEqual(600 - cost - PAGE_COST + 5);

    let refused: request.Response | null = null;
    for (let i = 0; i < 10 && !refused; i++) {
      const response = await request(t.app.app).get('/export/service-items.jsonl?level=CITY').set(analyst);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(429);
    expect(refused?.headers['content-disposition']).toBeUndefined();
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

/**
 * A charge takes a few requests' worth of points along (a lease), so the next requests of the same
 * caller on the same instance are charged in memory: fewer statements, the same budget.
 */
describe('request budgets leased to an instance (production mode)', () => {
  // A lease: at most 20 requests of its cost and a tenth of the budget, while the budget stays half full.
  const CAPACITY = 100_000;
  const t = useTestApp({ NODE_ENV: 'production', QUERY_MAX_COST: 'ANONYMOUS:100,ANALYST:100', RATE_LIMIT_BUDGETS: `ANONYMOUS:100/1,ANALYST:${CAPACITY}/1` });

  const bucket = async (key: string) => {
    const [row] = await t.app.database.orm.em.getConnection().execute<{ tokens: number }[]>(`select tokens from rate_limit_bucket where key = ?`, [key]);
    return row.tokens;
  };
  const keyOf = async (name: string) => {
    const [{ key }] = await t.app.database.orm.em.getConnection().execute<{ key: string }[]>(`select 'client:' || id as key from api_client where name = ?`, [name]);
    return key;
  };

  it('charges 25 requests in two statements, reporting each one’s exact remainder, and hands back what it did not spend', async () => {
    const analyst = await t.clientHeaders({ name: '额度租借', roles: ['ANALYST'] });
    const started = Date.now();
    const remainders: number[] = [];
    const sent = await t.captureStatements(async () => {
      for (let i = 0; i < 25; i++) {
        const res = await post(t.app.app, PAGE, analyst);
        expect(res.status).toBe(200);
        remainders.push(Number(res.headers['ratelimit-remaining']));
      }
    });
    // The first charge leased 20 requests' worth; the 22nd needed the database again.
    expect(sent.filter((text) => /\brate_limit_bucket\b/.test(text))).toHaveLength(2);
    const refilled = Math.ceil((Date.now() - started) / 1000) + 1;
    remainders.forEach((remaining, i) => {
      expect(remaining).toBeGreaterThanOrEqual(CAPACITY - PAGE_COST * (i + 1));
      expect(remaining).toBeLessThanOrEqual(CAPACITY - PAGE_COST * (i + 1) + refilled);
    });

    // The shared bucket holds less than the budget left while this instance holds a lease…
    const key = await keyOf('额度租借');
    expect(await bucket(key)).toBeLessThan(CAPACITY - PAGE_COST * 25 - PAGE_COST);
    // …and once it has expired, exactly what was not spent (plus the refill meanwhile).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const tokens = await bucket(key);
    expect(tokens).toBeGreaterThanOrEqual(CAPACITY - PAGE_COST * 25);
    expect(tokens).toBeLessThanOrEqual(CAPACITY - PAGE_COST * 25 + Math.ceil((Date.now() - started) / 1000) + 1);
  });

  it('hands its leases back when the instance closes, and never lets two instances spend the same points', async () => {
    const analyst = await t.clientHeaders({ name: '额度关闭', roles: ['ANALYST'] });
    const key = await keyOf('额度关闭');
    const started = Date.now();
    const second = await createApp(t.config, {});
    try {
      // Interleaved: each instance holds a lease of its own, spent in memory.
      for (let i = 0; i < 10; i++) expect((await post((i % 2 ? second : t.app).app, PAGE, analyst)).status).toBe(200);
      expect(await bucket(key)).toBeLessThan(CAPACITY - PAGE_COST * 10 - 2 * PAGE_COST);
    } finally {
      await second.close();
    }
    // The second instance's unspent points are back; the first instance still holds its own.
    const afterClose = await bucket(key);
    expect(afterClose).toBeLessThan(CAPACITY - PAGE_COST * 10);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const tokens = await bucket(key);
    expect(tokens).toBeGreaterThan(afterClose);
    expect(tokens).toBeGreaterThanOrEqual(CAPACITY - PAGE_COST * 10);
    expect(tokens).toBeLessThanOrEqual(CAPACITY - PAGE_COST * 10 + Math.ceil((Date.now() - started) / 1000) + 1);
  });

  it('takes no lease from a budget less than half full, so its last points are charged where they are asked for', async () => {
    const analyst = await t.clientHeaders({ name: '额度将尽', roles: ['ANALYST'] });
    await post(t.app.app, PAGE, analyst);
    const key = await keyOf('额度将尽');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await t.app.database.orm.em.getConnection().execute(`update rate_limit_bucket set tokens = ?, refreshed_at = now() where key = ?`, [CAPACITY / 2 - 100, key]);
    const sent = await t.captureStatements(async () => {
      for (let i = 0; i < 3; i++) expect((await post(t.app.app, PAGE, analyst)).status).toBe(200);
    });
    expect(sent.filter((text) => /\brate_limit_bucket\b/.test(text))).toHaveLength(3);
    const tokens = await bucket(key);
    expect(tokens).toBeGreaterThanOrEqual(CAPACITY / 2 - 100 - 3 * PAGE_COST);
    expect(tokens).toBeLessThanOrEqual(CAPACITY / 2 - 100 - 3 * PAGE_COST + 5);
  });
});
