import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { RequestLogFields } from './graphql/context';
import { pinoLogger } from './logger';

/** Probes a load balancer calls every few seconds: a line each would drown the real traffic. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz']);

/**
 * One log line per request: request id, caller, operation, cost, duration and status — never the
 * query, its variables, the body or any header but the request id (logger.ts's redaction is the
 * safety net behind that). The line is built and serialized once, when the response has finished
 * or its connection has closed: pino-http, used before, made three or four child loggers per
 * request, each serializing and redacting its bindings (about 8% of the server's CPU on a small
 * anonymous list).
 *
 * Handlers fill in `res.locals.requestLog` (see RequestLogFields) as they learn the caller and the
 * operation; the line copies whatever it holds when it is written.
 */
export function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.requestLog = {} satisfies RequestLogFields;
    const path = pathOf(req.url);
    if (UNLOGGED_PATHS.has(path)) return next();

    const start = performance.now();
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeLine(req.method, path, res, performance.now() - start);
    };
    // 'finish' when the answer has been handed to the socket; 'close' alone when the connection
    // went away first (the client gave up), and after 'finish' otherwise — hence `written`.
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}

function writeLine(method: string, path: string, res: Response, elapsedMs: number): void {
  const status = res.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  // Fetched now, not when the app was made: tests swap the logger (setLogDestination) at any time.
  const log = pinoLogger();
  if (!log.isLevelEnabled(level)) return;
  const aborted = !res.writableFinished;
  const fields = res.locals.requestLog as RequestLogFields | undefined;
  log[level](
    {
      requestId: String(res.getHeader('x-request-id')),
      req: { method, path },
      ...fields,
      res: { status },
      durationMs: Math.round(elapsedMs * 100) / 100,
      ...(aborted ? { aborted: true } : {}),
    },
    aborted || status >= 500 ? 'request failed' : 'request',
  );
}

/** The URL's path without its query string, cut to 200 characters (a path is the caller's to choose). */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).slice(0, 200);
}
