import type { Handler } from 'hono';
import { SignInQuery } from '../../shared/schemas/auth';
import type { AppDeps } from '../app';
import { beginSignIn } from '../domain/identity/begin-sign-in';
import type { AppEnv } from '../http/context';
import { attemptCookieName, writeCookie } from '../http/session-cookies';
import { requireSignIn, sessionPorts } from './auth-sign-in-deps';

/** GET /api/auth/login?next=/path — off to Whop's authorize page (state, nonce, PKCE kept server-side). */
export function authLoginGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const signIn = requireSignIn(deps.signIn);
    const { next } = SignInQuery.parse({ next: c.req.query('next') });
    // The callback and its cookies live on the configured origin: start there (localhost → 127.0.0.1).
    const url = new URL(c.req.url);
    if (url.origin !== signIn.origin()) return c.redirect(`${signIn.origin()}${url.pathname}${url.search}`, 302);
    const { authorizeUrl, attemptCookie } = await beginSignIn(sessionPorts(deps, signIn), {
      ...(next === undefined ? {} : { next }),
    });
    writeCookie(c, signIn, attemptCookieName(signIn), attemptCookie);
    return c.redirect(authorizeUrl, 302);
  };
}
