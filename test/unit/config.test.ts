import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const DEV_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'];
const PG = 'postgres://yizhan:secret@db.example.cn:5432/yizhan';

/** Calls loadConfig and returns the ConfigError it throws (fails if none). */
function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig defaults', () => {
  it('with an empty environment: development, port 4000, embedded database that migrates and seeds', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      nodeEnv: 'development',
      isProduction: false,
      trustProxy: ['loopback'],
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      embeddedDataDir: path.resolve(process.cwd(), '.data', 'pglite'),
      embeddedImageDir: path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'yizhan'),
      dbPoolMax: 10,
      corsOrigins: DEV_ORIGINS,
      migrateOnStart: true,
      seedOnFirstStart: true,
      logSql: false,
      heapGrowingPercent: 100,
      bootstrapAdmin: true,
      jwt: null,
      webhooks: { enabled: true, pollMs: 1000, retryBaseMs: 5000, maxAttempts: 8, timeoutMs: 5000, allowedHosts: [] },
      guard: {
        maxDepth: 15,
        maxAliases: 30,
        maxRootFields: 20,
        maxDirectives: 20,
        maxTokens: 3000,
        maxEvaluatedFields: 10000,
        maxCost: { ANONYMOUS: 5000, ANALYST: 25000, DEPARTMENT_PARTNER: 25000, REGION_OPERATOR: 25000, ADMIN: 100000 },
        rateBudgets: {
          ANONYMOUS: { capacity: 20000, refillPerSecond: 200 },
          ANALYST: { capacity: 200000, refillPerSecond: 2000 },
          DEPARTMENT_PARTNER: { capacity: 200000, refillPerSecond: 2000 },
          REGION_OPERATOR: { capacity: 200000, refillPerSecond: 2000 },
          ADMIN: { capacity: 500000, refillPerSecond: 5000 },
        },
        statementTimeoutMs: 10000,
        requestTimeoutMs: 15000,
        poolWaitMs: 5000,
      },
    });
  });

  it('does not read process.env when an env object is passed', () => {
    const saved = process.env.PORT;
    process.env.PORT = '1234';
    try {
      expect(loadConfig({}).port).toBe(4000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('with DATABASE_URL: no migration or seeding by default', () => {
    const config = loadConfig({ DATABASE_URL: PG });
    expect(config.databaseUrl).toBe(PG);
    expect(config.seedOnFirstStart).toBe(false);
    expect(config.migrateOnStart).toBe(false);
  });

  it('accepts postgresql:// as well', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/yizhan' }).databaseUrl).toBe('postgresql://localhost/yizhan');
  });

  it('treats an empty DATABASE_URL as embedded', () => {
    const config = loadConfig({ DATABASE_URL: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedOnFirstStart).toBe(true);
  });

  it('explicit booleans override the defaults', () => {
    const config = loadConfig({ DATABASE_URL: PG, SEED_ON_FIRST_START: 'true', MIGRATE_ON_START: 'yes', LOG_SQL: '1' });
    expect(config.seedOnFirstStart).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.logSql).toBe(true);
    const embedded = loadConfig({ SEED_ON_FIRST_START: 'false', MIGRATE_ON_START: 'OFF', LOG_SQL: 'no' });
    expect(embedded.seedOnFirstStart).toBe(false);
    expect(embedded.migrateOnStart).toBe(false);
    expect(embedded.logSql).toBe(false);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['False', false],
    ['NO', false],
    ['off', false],
  ])('LOG_SQL=%p → %p', (raw, expected) => {
    expect(loadConfig({ LOG_SQL: raw }).logSql).toBe(expected);
  });

  it('reads PORT, HOST, DB_POOL_MAX and EMBEDDED_DATA_DIR', () => {
    const config = loadConfig({ PORT: '8080', HOST: '127.0.0.1', DB_POOL_MAX: '25', EMBEDDED_DATA_DIR: 'var/db' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dbPoolMax).toBe(25);
    expect(config.embeddedDataDir).toBe(path.resolve('var/db'));
    expect(path.isAbsolute(config.embeddedDataDir)).toBe(true);
  });

  it('accepts the PORT bounds 0 and 65535, and empty means default', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });
});

describe('CORS origins', () => {
  it('development and test allow the local dev frontends', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).corsOrigins).toEqual(DEV_ORIGINS);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toEqual(DEV_ORIGINS);
  });

  it('production allows none by default', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.isProduction).toBe(true);
    expect(config.nodeEnv).toBe('production');
    expect(config.corsOrigins).toEqual([]);
  });

  it('CORS_ORIGINS replaces the defaults, trimmed, empty entries dropped', () => {
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: ' https://admin.example.cn, http://10.0.0.5:8080 ,,' }).corsOrigins).toEqual([
      'https://admin.example.cn',
      'http://10.0.0.5:8080',
    ]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.cn' }).corsOrigins).toEqual(['https://a.example.cn']);
  });

  it('an empty CORS_ORIGINS in development means none', () => {
    expect(loadConfig({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
  });
});

describe('invalid configuration', () => {
  it.each(['abc', '-1', '65536', '80.5', '99999', 'NaN'])('PORT=%p throws naming PORT', (raw) => {
    const error = configErrorOf({ PORT: raw });
    expect(error.message).toMatch(/^PORT /);
    expect(error.message).toContain(`"${raw}"`);
  });

  it.each(['0', '201', 'ten'])('DB_POOL_MAX=%p throws naming DB_POOL_MAX', (raw) => {
    expect(configErrorOf({ DB_POOL_MAX: raw }).message).toMatch(/^DB_POOL_MAX /);
  });

  it.each(['mysql://localhost/yizhan', 'localhost:5432', 'http://db/yizhan', 'POSTGRES://x', ' postgres://x'])('DATABASE_URL=%p throws naming DATABASE_URL', (raw) => {
    const error = configErrorOf({ DATABASE_URL: raw });
    expect(error.message).toMatch(/DATABASE_URL/);
    // the URL (which may hold a password) is not echoed
    expect(error.message).not.toContain(raw.trim());
  });

  it.each(['admin.example.cn', 'https://admin.example.cn/', 'https://admin.example.cn/path', 'ftp://x.cn', '*', 'https://'])(
    'CORS_ORIGINS=%p throws naming CORS_ORIGINS',
    (raw) => {
      const error = configErrorOf({ CORS_ORIGINS: raw });
      expect(error.message).toMatch(/CORS_ORIGINS/);
      expect(error.message).toContain(raw);
    },
  );

  it('a bad origin among good ones still throws', () => {
    expect(configErrorOf({ CORS_ORIGINS: 'https://ok.example.cn,bad' }).message).toContain('"bad"');
  });

  it.each([
    ['SEED_ON_FIRST_START', 'maybe'],
    ['MIGRATE_ON_START', '2'],
    ['LOG_SQL', 'enabled'],
    ['LOG_SQL', 'true '],
  ])('%s=%p throws naming the variable', (name, raw) => {
    const error = configErrorOf({ [name]: raw });
    expect(error.message).toMatch(new RegExp(`^${name} must be true or false`));
    expect(error.message).toContain(`"${raw}"`);
  });

  it('reads the webhook settings', () => {
    expect(loadConfig({ WEBHOOK_ENABLED: 'false', WEBHOOK_POLL_MS: '50', WEBHOOK_RETRY_BASE_MS: '250', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '2000' }).webhooks).toEqual({
      enabled: false,
      pollMs: 50,
      retryBaseMs: 250,
      maxAttempts: 3,
      timeoutMs: 2000,
      allowedHosts: [],
    });
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' partner.intranet.example, *.hr.intranet.example,,10.20.0.0/16 ,127.0.0.1' }).webhooks.allowedHosts).toEqual([
      'partner.intranet.example',
      '*.hr.intranet.example',
      '10.20.0.0/16',
      '127.0.0.1',
    ]);
  });

  it.each([
    ['WEBHOOK_POLL_MS', '5'],
    ['WEBHOOK_POLL_MS', 'soon'],
    ['WEBHOOK_RETRY_BASE_MS', '3600001'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_MAX_ATTEMPTS', '51'],
    ['WEBHOOK_TIMEOUT_MS', '99'],
    ['WEBHOOK_ENABLED', 'sometimes'],
    ['WEBHOOK_ALLOWED_HOSTS', 'partner.intranet.example:8443'],
    ['WEBHOOK_ALLOWED_HOSTS', 'https://partner.intranet.example'],
    ['WEBHOOK_ALLOWED_HOSTS', '10.20.0.0/33'],
  ])('%s=%p throws naming the variable', (name, raw) => {
    const error = configErrorOf({ [name]: raw });
    expect(error.message).toMatch(new RegExp(`^${name} must`));
    expect(error.message).toContain(`"${raw}"`);
  });

  it('ConfigError is an Error', () => {
    expect(new ConfigError('x')).toBeInstanceOf(Error);
  });
});

describe('loadConfig: request limits and budgets', () => {
  it("takes per-class overrides of the cost limit and the budgets, keeping the other classes' defaults", () => {
    const { guard } = loadConfig({ QUERY_MAX_COST: 'ANONYMOUS:1000, ADMIN:200000', RATE_LIMIT_BUDGETS: 'ANONYMOUS:5000/50' });
    expect(guard.maxCost).toMatchObject({ ANONYMOUS: 1000, ANALYST: 25000, ADMIN: 200000 });
    expect(guard.rateBudgets!.ANONYMOUS).toEqual({ capacity: 5000, refillPerSecond: 50 });
    expect(guard.rateBudgets!.ADMIN).toEqual({ capacity: 500000, refillPerSecond: 5000 });
  });

  it('turns budgets off with RATE_LIMIT_ENABLED=false', () => {
    expect(loadConfig({ RATE_LIMIT_ENABLED: 'false' }).guard.rateBudgets).toBeNull();
  });

  it.each([
    ['QUERY_MAX_COST', 'GUEST:100'],
    ['QUERY_MAX_COST', 'ANONYMOUS:-5'],
    ['QUERY_MAX_COST', 'ANONYMOUS'],
    ['RATE_LIMIT_BUDGETS', 'ANONYMOUS:5000'],
    ['RATE_LIMIT_BUDGETS', 'ANONYMOUS:5000/0'],
    ['QUERY_MAX_DEPTH', '0'],
    ['QUERY_MAX_FIELDS', '50'],
    ['STATEMENT_TIMEOUT_MS', '50'],
    ['DB_POOL_WAIT_MS', 'soon'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(configErrorOf({ [name]: value }).message).toContain(name);
  });

  it('refuses a budget that cannot hold one request of the highest cost', () => {
    expect(configErrorOf({ QUERY_MAX_COST: 'ANONYMOUS:9000', RATE_LIMIT_BUDGETS: 'ANONYMOUS:8000/10' }).message).toMatch(/ANONYMOUS budget \(8000\)/);
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it("takes a number of hops, or addresses, ranges and Express's names", () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
  });

  it('refuses anything else, naming the variable', () => {
    expect(configErrorOf({ TRUST_PROXY: 'everyone' }).message).toContain('TRUST_PROXY');
  });
});
