/**
 * Database failures a caller should hear about as such — not as an internal error: a statement
 * PostgreSQL cancelled for running too long, a request past its time budget, and a database that
 * is down, restarting or out of free connections.
 */
export type DatabaseFailure = 'TIMEOUT' | 'UNAVAILABLE';

/** Thrown instead of sending a statement once the request's time budget is spent. */
export class RequestDeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`request time budget of ${budgetMs} ms spent`);
    this.name = 'RequestDeadlineExceeded';
  }
}

/** SQLSTATEs and network codes that mean "the database cannot serve this now; retry later". */
const UNAVAILABLE_CODES = new Set([
  '53300', // too_many_connections
  '53200', // out_of_memory
  '53100', // disk_full
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57P05', // idle_session_timeout
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

function codeOf(error: object): string | undefined {
  const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
  if (typeof sqlState === 'string') return sqlState;
  return typeof code === 'string' ? code : undefined;
}

/** What kind of database failure an error is (following its causes), or null for anything else. */
export function classifyDatabaseFailure(error: unknown): DatabaseFailure | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current instanceof RequestDeadlineExceeded) return 'TIMEOUT';
    const code = codeOf(current);
    // 57014 query_canceled: statement_timeout (or a cancel request); 55P03: lock_timeout.
    if (code === '57014' || code === '55P03') return 'TIMEOUT';
    // 08xxx connection exceptions, except 08P01: a protocol violation is a bad request, not an outage.
    if (code && (UNAVAILABLE_CODES.has(code) || (code.startsWith('08') && code !== '08P01'))) return 'UNAVAILABLE';
    const { name, message } = current as { name?: unknown; message?: unknown };
    // knex: no pooled connection became free within acquireConnectionTimeout.
    if (name === 'KnexTimeoutError') return 'UNAVAILABLE';
    // pg: the server closed the connection (restart, crash, network).
    if (typeof message === 'string' && /^Connection terminated|^Client has encountered a connection error/.test(message)) return 'UNAVAILABLE';
    const next = (current as { cause?: unknown; previous?: unknown }).previous ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return null;
}

/**
 * Thrown instead of sending a statement that would bypass the request's open transaction (a
 * reader or loader made before it began, a second connection from the pool): a bug in the
 * calling code. Thrown at once, because waiting would hang: on the embedded database the pool
 * has one connection, and the open transaction holds it.
 */
export class StatementOutsideTransaction extends Error {
  constructor() {
    super('A statement was sent outside the open transaction: inside a unit of work every read goes through ctx.db, ctx.loaders or ctx.em');
    this.name = 'StatementOutsideTransaction';
  }
}
