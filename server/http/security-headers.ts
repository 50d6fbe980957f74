import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * Whop frames the app, so no X-Frame-Options; CSP frame-ancestors allows Whop
 * (and the app's own origin, which the local sandbox uses to frame it).
 */
export const FRAME_ANCESTORS = "frame-ancestors 'self' https://whop.com https://*.whop.com";

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', FRAME_ANCESTORS);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  };
}
