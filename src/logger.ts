import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * One JSON line per event (pino). Callers pass only what is safe to keep: never request bodies,
 * variables, credentials or personal data — and the redaction below is the safety net behind
 * that rule: whatever a line carries under these keys is replaced with "[redacted]", at any depth
 * pino can reach (top level and one level down).
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'idempotency-key',
  'key',
  'apiKey',
  'token',
  'secret',
  'password',
  'phone',
  'contactPhone',
  'idNumber',
  'residentName',
  'personName',
  'variables',
  'body',
  'query',
] as const;

const REDACT_PATHS = [...REDACTED_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`]), 'req.headers["authorization"]', 'req.headers["cookie"]', 'req.headers["idempotency-key"]'];

type Fields = Record<string, string | number | boolean | null | undefined>;

/** A pino logger with the project's redaction and ISO timestamps; `destination` defaults to stdout. */
export function createPinoLogger(destination?: DestinationStream): Logger {
  const silent = process.env.LOG_SILENT === 'true' && !destination;
  return pino(
    {
      level: silent ? 'silent' : (process.env.LOG_LEVEL ?? 'info'),
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

let current: Logger = createPinoLogger();

/** Sends every log line to `destination` from now on (tests capture lines this way); returns the logger. */
export function setLogDestination(destination: DestinationStream): Logger {
  current = createPinoLogger(destination);
  return current;
}

/** The logger in use, fetched at each write by code that holds no logger of its own (request-log.ts). */
export function pinoLogger(): Logger {
  return current;
}

export const logger = {
  info: (message: string, fields: Fields = {}) => current.info(fields, message),
  warn: (message: string, fields: Fields = {}) => current.warn(fields, message),
  error: (message: string, fields: Fields = {}) => current.error(fields, message),
};
