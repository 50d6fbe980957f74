import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * API paths that are not one viewer's data and keep their own caching:
 * the public health check, and the disk store's signed file URLs (their grant,
 * not a viewer, decides; video ranges may be cached privately for an hour).
 */
function keepsOwnCaching(path: string): boolean {
  return path === '/api/health' || path.startsWith('/api/local-blobs/');
}

/**
 * Every other API answer is private to the viewer who asked (or a refusal of one):
 * `private, no-store`, so no shared cache, proxy or back/forward cache keeps one
 * creator's or student's data for the next person. One rule here instead of one
 * line per route, so a new route cannot forget it. Errors included: onError's
 * response passes back through this middleware.
 */
export function privateNoStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!keepsOwnCaching(c.req.path)) c.res.headers.set('cache-control', 'private, no-store');
  };
}
