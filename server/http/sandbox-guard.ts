import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { AppEnv } from './context';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The media type without parameters: `text/plain; x=application/json` is text/plain. */
function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The Host the request names (Node's server builds the URL from it; app.request from the URL). */
export function requestHost(headerHost: string | undefined, url: string): string {
  return (headerHost ?? new URL(url).host).trim().toLowerCase();
}

export function isOwnLoopbackHost(host: string, port: number): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!match || !LOOPBACK_NAMES.has(match[1]!)) return false;
  // A Host without a port means the scheme's default (80 for http).
  return Number(match[2] ?? 80) === port;
}

/**
 * The sandbox routes mint tokens and deliver signed plan events, with no Whop to
 * ask: only this machine's own pages may call them.
 * - Host must be a loopback name with our port: a DNS-rebinding name (evil.example
 *   resolving to 127.0.0.1) arrives with its own Host and is refused.
 * - Origin, when the browser sends one, must be exactly our own origin: another
 *   local origin (a dev server on :3000) is refused even though it is loopback.
 * - Writes must be application/json: a text/plain or form body is a "simple"
 *   request that a foreign page can send without a CORS preflight.
 */
export function sandboxGuard(options: { port: () => number }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = requestHost(c.req.header('host'), c.req.url);
    if (!isOwnLoopbackHost(host, options.port())) {
      throw new ApiError('FORBIDDEN', 'The sandbox answers only on this machine’s own address.');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
      throw new ApiError('FORBIDDEN', 'The sandbox answers only to its own pages.');
    }
    if (!SAFE_METHODS.has(c.req.method) && essence(c.req.header('content-type')) !== 'application/json') {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    }
    await next();
  };
}
