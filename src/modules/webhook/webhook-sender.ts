import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { checkTarget, systemResolve, type Resolve, type WebhookTargetPolicy } from './webhook-target';

/** What one attempt came to; `error` is short and never holds the receiver's answer. */
export interface SendOutcome {
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface SendOptions {
  policy: WebhookTargetPolicy;
  /** For the whole attempt: resolving, connecting and the receiver's status line. */
  timeoutMs: number;
  resolve?: Resolve;
}

/** last_error is short. */
const MAX_ERROR_LENGTH = 200;

class AttemptTimeout extends Error {}

function failure(error: unknown, timeoutMs: number): SendOutcome {
  if (error instanceof AttemptTimeout) return { delivered: false, statusCode: null, error: `timed out after ${timeoutMs} ms` };
  const code = (error as { code?: unknown } | null)?.code;
  const detail = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return { delivered: false, statusCode: null, error: `network error: ${detail}`.slice(0, MAX_ERROR_LENGTH) };
}

/**
 * POSTs one webhook: resolves the URL's host once, refuses it unless every address it has may be
 * reached (see checkTarget), then connects to the first of those very addresses — the host name
 * goes only into the Host header and the TLS server name, so the certificate is still checked
 * against it. Redirects are not followed (a 3xx is a failed attempt, like any answer but 2xx); the
 * answer's body is never read. A refused target fails with "target address not allowed: <kind>"
 * and no connection is made.
 */
export async function sendWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { delivered: false, statusCode: null, error: 'invalid URL' };
  }
  const secure = target.protocol === 'https:';
  let timer: NodeJS.Timeout | undefined;
  let request: http.ClientRequest | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new AttemptTimeout();
      request?.destroy(error);
      reject(error);
    }, options.timeoutMs);
  });
  // Raced below; once the attempt is over nobody waits for it.
  timedOut.catch(() => undefined);
  try {
    const check = await Promise.race([checkTarget(target.hostname, options.policy, options.resolve ?? systemResolve), timedOut]);
    if (!check.allowed) return { delivered: false, statusCode: null, error: `target address not allowed: ${check.reason}` };
    const [{ address, family }] = check.addresses;
    const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const payload = Buffer.from(body, 'utf8');
    const statusCode = await Promise.race([
      new Promise<number>((resolve, reject) => {
        request = (secure ? https : http).request({
          host: address,
          family,
          port: target.port || (secure ? 443 : 80),
          path: `${target.pathname}${target.search}`,
          method: 'POST',
          headers: { ...headers, host: target.host, 'content-length': String(payload.length) },
          // TLS: the name the certificate must carry (an IP literal is checked as itself).
          ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
          // A connection of its own, closed after the answer: nothing pooled under an address.
          agent: false,
        });
        request.on('error', reject);
        request.on('response', (response) => {
          // The answer's body is of no interest (and may be large): drop the connection.
          response.destroy();
          resolve(response.statusCode ?? 0);
        });
        request.end(payload);
      }),
      timedOut,
    ]);
    const delivered = statusCode >= 200 && statusCode < 300;
    return { delivered, statusCode, error: delivered ? null : `HTTP ${statusCode}` };
  } catch (error) {
    request?.destroy();
    return failure(error, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
