import fs from 'node:fs';
import path from 'node:path';
import { isRole, type Role } from './auth/roles';
import { parseAllowedHost } from './modules/webhook/webhook-target';

/** Runtime configuration, read from the environment once at boot and validated. */
export interface Config {
  /** production | development | test */
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  host: string;
  /** postgres://… of a real server; undefined means the embedded PGlite database. */
  databaseUrl?: string;
  /** Folder of the embedded database (only used when databaseUrl is undefined). */
  embeddedDataDir: string;
  /** Folder of the prebuilt seeded images a new embedded database starts from (see db/seeded-image.ts). */
  embeddedImageDir: string;
  /** Connection pool size against a real server (the embedded database always uses 1). */
  dbPoolMax: number;
  /** Origins of the admin frontends allowed to call the API from a browser. */
  corsOrigins: string[];
  /**
   * Which reverse proxies' X-Forwarded-For is believed (Express's `trust proxy`): anonymous callers'
   * budgets are per address, so behind a proxy the caller's own address must be read from it.
   */
  trustProxy: string[] | number;
  /** Apply pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Load the Xiangyang demo seed on the first start of an empty database. */
  seedOnFirstStart: boolean;
  /** Log every SQL statement (never parameters). */
  logSql: boolean;
  /**
   * How far V8 lets the old generation grow past what the last full collection kept, in percent
   * (`--heap-growing-percent`); 0 leaves it to V8, which grows it up to 4× under load. Applied by
   * the server entry (src/server.ts) before the app loads.
   */
  heapGrowingPercent: number;
  /** Create an ADMIN API client and print its key once when the database has no client yet. */
  bootstrapAdmin: boolean;
  /** Verification of identity-provider JWTs; null when not configured (that path is off). */
  jwt: JwtConfig | null;
  /** The webhook dispatcher that pushes the change feed to subscribed API clients. */
  webhooks: WebhookConfig;
  /** What one request may ask for and how much a caller may ask over time. */
  guard: GuardConfig;
}

/** Anonymous callers, or the role a signed-in caller holds: the classes limits are set for. */
export type CallerClass = 'ANONYMOUS' | `${Role}`;
export const CALLER_CLASSES: readonly CallerClass[] = ['ANONYMOUS', 'ANALYST', 'DEPARTMENT_PARTNER', 'REGION_OPERATOR', 'ADMIN'];

/** A budget of cost points that refills over time (a token bucket). */
export interface RateBudget {
  /** Points the budget holds when full. */
  capacity: number;
  /** Points added back per second. */
  refillPerSecond: number;
}

/** Limits checked before a request runs, and the time it may take in the database. */
export interface GuardConfig {
  /** Fields nested in fields (introspection not counted). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Fields at the top of one operation. */
  maxRootFields: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in one document; parsing stops beyond this. */
  maxTokens: number;
  /** Fields one document may expand to (fragments included) before its cost is refused unestimated. */
  maxEvaluatedFields: number;
  /** Highest cost one request may have, per caller class; a caller with several roles gets its highest. */
  maxCost: Record<CallerClass, number>;
  /** Per-caller budgets of cost points, shared by all API instances through the database; null when off. */
  rateBudgets: Record<CallerClass, RateBudget> | null;
  /** PostgreSQL cancels any statement running longer than this. */
  statementTimeoutMs: number;
  /** A request sends no new statement after this long. */
  requestTimeoutMs: number;
  /** How long a request waits for a free database connection before SERVICE_UNAVAILABLE. */
  poolWaitMs: number;
}

/** How webhook deliveries are queued, sent and retried. */
export interface WebhookConfig {
  /** Run the dispatcher in this process. */
  enabled: boolean;
  /** Pause between two dispatcher rounds (queue new changes, send what is due). */
  pollMs: number;
  /** Delay before the first retry; each further retry waits twice as long (at most an hour). */
  retryBaseMs: number;
  /** Attempts before a delivery is given up (FAILED). */
  maxAttempts: number;
  /** How long one HTTP attempt may take before it counts as failed. */
  timeoutMs: number;
  /**
   * Host names (`partner.intranet.example`, `*.intranet.example`), IP addresses and CIDR ranges that
   * webhook URLs may reach although they are internal (loopback, private, link-local, …); every
   * other internal address is refused, when subscribing and again at each delivery.
   */
  allowedHosts: string[];
}

/** How tokens of the city's identity provider are verified and read. */
export interface JwtConfig {
  /** JWKS endpoint of the identity provider (preferred: keys rotate without a restart). */
  jwksUrl?: string;
  /** Or a fixed SPKI PEM public key. */
  publicKey?: string;
  issuer?: string;
  audience?: string;
  algorithms: string[];
  rolesClaim: string;
  departmentClaim: string;
  regionClaim: string;
  nameClaim: string;
  /** The identity provider's role names → ours. */
  roleMap: Record<string, Role>;
}

export class ConfigError extends Error {}

function parseIntVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function parseBoolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

const DEV_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'];

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  const isProduction = nodeEnv === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const corsOrigins = (env.CORS_ORIGINS ?? (isProduction ? '' : DEV_ORIGINS.join(',')))
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entries must be origins like https://admin.example.cn, got "${origin}"`);
    }
  }
  return {
    nodeEnv,
    isProduction,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    port: parseIntVar(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embeddedDataDir: path.resolve(env.EMBEDDED_DATA_DIR || path.join(process.cwd(), '.data', 'pglite')),
    embeddedImageDir: path.resolve(env.EMBEDDED_IMAGE_DIR || path.join(projectRoot(), 'node_modules', '.cache', 'yizhan')),
    dbPoolMax: parseIntVar(env, 'DB_POOL_MAX', 10, 1, 200),
    corsOrigins,
    migrateOnStart: parseBoolVar(env, 'MIGRATE_ON_START', !databaseUrl),
    seedOnFirstStart: parseBoolVar(env, 'SEED_ON_FIRST_START', !databaseUrl),
    logSql: parseBoolVar(env, 'LOG_SQL', false),
    heapGrowingPercent: parseIntVar(env, 'HEAP_GROWING_PERCENT', 100, 0, 300),
    bootstrapAdmin: parseBoolVar(env, 'BOOTSTRAP_ADMIN', !databaseUrl),
    jwt: loadJwtConfig(env),
    webhooks: {
      enabled: parseBoolVar(env, 'WEBHOOK_ENABLED', true),
      pollMs: parseIntVar(env, 'WEBHOOK_POLL_MS', 1000, 10, 600_000),
      retryBaseMs: parseIntVar(env, 'WEBHOOK_RETRY_BASE_MS', 5000, 10, 3_600_000),
      maxAttempts: parseIntVar(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
      timeoutMs: parseIntVar(env, 'WEBHOOK_TIMEOUT_MS', 5000, 100, 120_000),
      allowedHosts: parseAllowedHosts(env),
    },
    guard: loadGuardConfig(env),
  };
}

/** The folder holding package.json: the project, whether this runs from src/ or dist/src/. */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** `TRUST_PROXY`: a number of proxy hops, or addresses, CIDR ranges and Express's names for them. */
function parseTrustProxy(raw: string | undefined): string[] | number {
  if (raw === undefined || raw.trim() === '') return ['loopback'];
  if (/^\d{1,2}$/.test(raw.trim())) return Number(raw.trim());
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const address = /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(entry);
    if (!named && !address) throw new ConfigError(`TRUST_PROXY entries are loopback, linklocal, uniquelocal, addresses or CIDR ranges (or a number of hops), got "${entry}"`);
  }
  return entries;
}

const DEFAULT_MAX_COST: Record<CallerClass, number> = {
  ANONYMOUS: 5_000,
  ANALYST: 25_000,
  DEPARTMENT_PARTNER: 25_000,
  REGION_OPERATOR: 25_000,
  ADMIN: 100_000,
};

const DEFAULT_RATE_BUDGETS: Record<CallerClass, RateBudget> = {
  ANONYMOUS: { capacity: 20_000, refillPerSecond: 200 },
  ANALYST: { capacity: 200_000, refillPerSecond: 2_000 },
  DEPARTMENT_PARTNER: { capacity: 200_000, refillPerSecond: 2_000 },
  REGION_OPERATOR: { capacity: 200_000, refillPerSecond: 2_000 },
  ADMIN: { capacity: 500_000, refillPerSecond: 5_000 },
};

function isCallerClass(value: string): value is CallerClass {
  return (CALLER_CLASSES as readonly string[]).includes(value);
}

/** `CLASS:value,…` overrides of per-class settings; classes left out keep their defaults. */
function parseClassMap<T>(env: NodeJS.ProcessEnv, name: string, defaults: Record<CallerClass, T>, parse: (raw: string) => T | null, shape: string): Record<CallerClass, T> {
  const result = { ...defaults };
  for (const entry of (env[name] || '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const key = entry.slice(0, separator).trim();
    const value = separator > 0 ? parse(entry.slice(separator + 1).trim()) : null;
    if (!isCallerClass(key) || value === null) throw new ConfigError(`${name} entries look like ${shape}, got "${entry}"`);
    result[key] = value;
  }
  return result;
}

function positiveInt(raw: string, max: number): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= max ? Number(raw) : null;
}

function loadGuardConfig(env: NodeJS.ProcessEnv): GuardConfig {
  const maxCost = parseClassMap(env, 'QUERY_MAX_COST', DEFAULT_MAX_COST, (raw) => positiveInt(raw, 100_000_000), 'ANONYMOUS:5000');
  const budgets = parseClassMap(
    env,
    'RATE_LIMIT_BUDGETS',
    DEFAULT_RATE_BUDGETS,
    (raw) => {
      const [capacity, refill] = raw.split('/').map((part) => positiveInt(part.trim(), 1_000_000_000));
      return capacity && refill ? { capacity, refillPerSecond: refill } : null;
    },
    'ANONYMOUS:20000/200 (capacity/points per second)',
  );
  const rateLimited = parseBoolVar(env, 'RATE_LIMIT_ENABLED', true);
  if (rateLimited) {
    for (const callerClass of CALLER_CLASSES) {
      if (budgets[callerClass].capacity < maxCost[callerClass]) {
        throw new ConfigError(
          `RATE_LIMIT_BUDGETS: the ${callerClass} budget (${budgets[callerClass].capacity}) must hold at least one request of the highest cost (QUERY_MAX_COST ${maxCost[callerClass]})`,
        );
      }
    }
  }
  const statementTimeoutMs = parseIntVar(env, 'STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000);
  return {
    maxDepth: parseIntVar(env, 'QUERY_MAX_DEPTH', 15, 1, 100),
    maxAliases: parseIntVar(env, 'QUERY_MAX_ALIASES', 30, 0, 100_000),
    maxRootFields: parseIntVar(env, 'QUERY_MAX_ROOT_FIELDS', 20, 1, 1000),
    maxDirectives: parseIntVar(env, 'QUERY_MAX_DIRECTIVES', 20, 0, 1000),
    maxTokens: parseIntVar(env, 'QUERY_MAX_TOKENS', 3_000, 100, 1_000_000),
    maxEvaluatedFields: parseIntVar(env, 'QUERY_MAX_FIELDS', 10_000, 100, 10_000_000),
    maxCost,
    rateBudgets: rateLimited ? budgets : null,
    statementTimeoutMs,
    requestTimeoutMs: parseIntVar(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000),
    poolWaitMs: parseIntVar(env, 'DB_POOL_WAIT_MS', 5_000, 100, 600_000),
  };
}

function parseAllowedHosts(env: NodeJS.ProcessEnv): string[] {
  const entries = (env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!parseAllowedHost(entry)) {
      throw new ConfigError(`WEBHOOK_ALLOWED_HOSTS must list host names, *.domains, IP addresses or CIDR ranges (e.g. partner.intranet.example,10.20.0.0/16), got "${entry}"`);
    }
  }
  return entries;
}

function loadJwtConfig(env: NodeJS.ProcessEnv): JwtConfig | null {
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  const publicKey = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined;
  if (!jwksUrl && !publicKey) return null;
  if (jwksUrl && publicKey) throw new ConfigError('set JWT_JWKS_URL or JWT_PUBLIC_KEY, not both');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError('JWT_JWKS_URL must be an http(s) URL');
  if (publicKey && !publicKey.includes('BEGIN PUBLIC KEY')) throw new ConfigError('JWT_PUBLIC_KEY must be an SPKI PEM ("-----BEGIN PUBLIC KEY-----")');
  const algorithms = (env.JWT_ALGORITHMS || 'RS256')
    .split(',')
    .map((alg) => alg.trim())
    .filter(Boolean);
  const roleMap: Record<string, Role> = {};
  for (const pair of (env.JWT_ROLE_MAP || '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [theirs, ours] = pair.split(':').map((part) => part.trim());
    if (!theirs || !ours || !isRole(ours)) throw new ConfigError(`JWT_ROLE_MAP entries look like idp-role:ADMIN, got "${pair}"`);
    roleMap[theirs] = ours;
  }
  return {
    jwksUrl,
    publicKey,
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
    algorithms,
    rolesClaim: env.JWT_ROLES_CLAIM || 'roles',
    departmentClaim: env.JWT_DEPARTMENT_CLAIM || 'department_code',
    regionClaim: env.JWT_REGION_CLAIM || 'region_code',
    nameClaim: env.JWT_NAME_CLAIM || 'name',
    roleMap,
  };
}
