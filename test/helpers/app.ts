import request from 'supertest';
import { createApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createTestDatabase, type TestDatabase } from './test-database';
import { createApiClient, type NewApiClient } from '../../src/modules/api-client/api-client.service';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
  headers: Record<string, string>;
}

export interface TestApp {
  app: App;
  config: Config;
  /**
   * POST /graphql through supertest, as a browser-less client does (JSON body, so no CSRF preflight
   * needed), as the test ADMIN client unless `headers` carries its own `authorization` (use
   * ANONYMOUS_HEADERS to call without credentials).
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Creates an API client and returns the headers that authenticate as it. */
  clientHeaders(client: NewApiClient): Promise<Record<string, string>>;
  /**
   * Runs `work` and returns how many SQL statements it sent, reads and writes alike, leaving out the
   * budget ledger's bookkeeping: a charge leases points for the next requests and hands back what they
   * did not spend on a timer, so whether one falls inside `work` depends on the clock, not on `work`
   * (the rate-limit tests capture those statements themselves).
   */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  /** Runs `work` and returns the text of the SQL statements it sent (to see which relation costs what). */
  captureStatements(work: () => Promise<unknown>): Promise<string[]>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Pass as `headers` to t.gql to call without credentials. */
export const ANONYMOUS_HEADERS = { authorization: '' } as const;

/**
 * Budgets no test file's traffic can spend (every caller shares one address here); the tests of
 * the budgets themselves pass their own RATE_LIMIT_BUDGETS.
 */
export const UNSPENDABLE_BUDGETS = ['ANONYMOUS', 'ANALYST', 'DEPARTMENT_PARTNER', 'REGION_OPERATOR', 'ADMIN'].map((callerClass) => `${callerClass}:100000000/1000000`).join(',');

const BUDGET_LEDGER = /\brate_limit_bucket\b/;

/** Starts the real app on a fresh, migrated and seeded database of its own (webhook loop off unless `env` turns it on). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  // The webhook loop would add statements to every count; tests that need it pass WEBHOOK_ENABLED.
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, WEBHOOK_ENABLED: 'false', RATE_LIMIT_BUDGETS: UNSPENDABLE_BUDGETS, ...env }),
    dbPoolMax: env.DB_POOL_MAX ? Number(env.DB_POOL_MAX) : database.poolMax,
  };
  let statements = 0;
  let captured: string[] | null = null;
  const app = await createApp(config, {
    onQuery: (sql) => {
      if (!BUDGET_LEDGER.test(sql)) statements++;
      captured?.push(sql);
    },
  });
  const http = () => request(app.app);
  const clientHeaders = async (client: NewApiClient) => {
    const { key } = await createApiClient(app.database.orm.em.fork(), client);
    return { authorization: `Bearer ${key}` };
  };
  const adminHeaders = await clientHeaders({ name: 'test-admin', roles: ['ADMIN'] });
  return {
    app,
    config,
    http,
    clientHeaders,
    async gql(query, variables, headers = {}) {
      const auth = 'authorization' in headers ? (headers.authorization ? { authorization: headers.authorization } : {}) : adminHeaders;
      const { authorization: _ignored, ...rest } = headers;
      const response = await http()
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...rest, ...auth })
        .send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors, headers: response.headers as Record<string, string> };
    },
    async countStatements(work) {
      const before = statements;
      await work();
      return statements - before;
    },
    async captureStatements(work) {
      captured = [];
      try {
        await work();
        return captured;
      } finally {
        captured = null;
      }
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Registers beforeAll/afterAll that start and close a test app, and returns a handle that
 * forwards to it (usable at module level, before beforeAll has run).
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp(env);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (!current) throw new Error('The test app is not started yet: use it inside a test or hook');
      return Reflect.get(current, property);
    },
  });
}
