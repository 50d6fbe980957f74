import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../ports/logger';
import type { AppEnv } from './context';

const INBOUND_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Gives every request an id (a sane inbound `x-request-id` is kept, so a trace
 * can cross services), a logger carrying it, and one access-log line.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const inbound = c.req.header('x-request-id');
    const requestId = inbound && INBOUND_ID.test(inbound) ? inbound : crypto.randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', log);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { method: c.req.method, path: c.req.path, status, durationMs };
    if (status >= 500) log.error('request', line);
    else if (c.req.path.startsWith('/api/')) log.info('request', line);
    else log.debug('request', line);
  };
}
