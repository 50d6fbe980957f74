import type { Handler } from 'hono';
import { SignInCallbackQuery } from '../../shared/schemas/auth';
import type { AppDeps } from '../app';
import { completeSignIn } from '../domain/identity/complete-sign-in';
import type { AppEnv } from '../http/context';
import { attemptCookieName, clearCookie, readCookie, sessionCookieName, writeCookie } from '../http/session-cookies';
import { requireSignIn, sessionPorts } from './auth-sign-in-deps';

/** GET /api/auth/callback — Whop sends the browser back here; a session cookie, then the page it came from. */
export function authCallbackGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const signIn = requireSignIn(deps.signIn);
    SignInCallbackQuery.parse(c.req.query());
    const name = attemptCookieName(signIn);
    const attemptCookie = readCookie(c, name);
    const { cookie, next } = await completeSignIn(sessionPorts(deps, signIn), { attemptCookie, callbackUrl: c.req.url });
    clearCookie(c, signIn, name);
    writeCookie(c, signIn, sessionCookieName(signIn), cookie);
    // `next` was made a same-origin path when the sign-in began; a relative Location stays on our origin.
    return c.redirect(next, 302);
  };
}
