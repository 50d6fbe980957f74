import type { Context } from 'hono';
import { ApiError } from '../../shared/api-error';
import { CSRF_HEADER } from '../../shared/schemas/auth';
import { resolveSession } from '../domain/identity/resolve-session';
import type { Clock } from '../ports/clock';
import type { Db } from '../ports/db';
import type { AppEnv } from './context';
import { clearCookie, readCookie, sessionCookieName, writeCookie } from './session-cookies';
import type { SignInDeps } from './sign-in-deps';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Constant-time for equal lengths: a CSRF token is not learned byte by byte from timing. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The session path of authentication. No cookie → null (the caller says "no token").
 * A cookie that names no live session → 401 and the cookie is cleared. Writes need the
 * session's CSRF token in `x-chronos-csrf` (a foreign page cannot read it, and cannot send
 * a custom header cross-origin without a preflight we never grant) and, when the browser
 * names one, our own Origin.
 */
export async function authenticateSession(
  c: Context<AppEnv>,
  deps: { db: Db; clock: Clock; signIn: SignInDeps },
): Promise<string | null> {
  const name = sessionCookieName(deps.signIn);
  const cookie = readCookie(c, name);
  if (!cookie) return null;
  const session = await resolveSession(
    { db: deps.db, clock: deps.clock, crypto: deps.signIn.crypto, oauth: deps.signIn.oauth },
    { cookie },
  );
  if (!session) {
    clearCookie(c, deps.signIn, name);
    throw new ApiError('UNAUTHENTICATED', 'Your sign-in has ended. Sign in with Whop again.');
  }
  if (session.rotated) writeCookie(c, deps.signIn, name, session.rotated);
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== deps.signIn.origin()) {
      throw new ApiError('FORBIDDEN', 'This request did not come from a Chronos page.');
    }
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!sameToken(sent, session.csrfToken))
      throw new ApiError('FORBIDDEN', 'This request did not come from a Chronos page. Reload and try again.');
  }
  c.set('userId', session.userId);
  c.set('session', { id: session.id, userId: session.userId, csrfToken: session.csrfToken });
  c.set('logger', c.get('logger').child({ userId: session.userId, via: 'session' }));
  return session.userId;
}
