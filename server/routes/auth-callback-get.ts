import type { Context, Handler } from 'hono';
import { html } from 'hono/html';
import { ApiError } from '../../shared/api-error';
import { SignInCallbackQuery, safeNextPath } from '../../shared/schemas/auth';
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
    let signedIn;
    try {
      signedIn = await completeSignIn(sessionPorts(deps, signIn), { attemptCookie, callbackUrl: c.req.url });
    } catch (err) {
      // A person arrives here in a browser: they get a page with a way back; API clients the shared error body.
      if (
        err instanceof ApiError &&
        err.code === 'BAD_REQUEST' &&
        (c.req.header('accept') ?? '').includes('text/html')
      ) {
        return signInFailedPage(c, err);
      }
      throw err;
    }
    const { cookie, next } = signedIn;
    clearCookie(c, signIn, name);
    writeCookie(c, signIn, sessionCookieName(signIn), cookie);
    // `next` was made a same-origin path when the sign-in began; a relative Location stays on our origin.
    return c.redirect(next, 302);
  };
}

function signInFailedPage(c: Context<AppEnv>, err: ApiError) {
  const back = safeNextPath(typeof err.details?.['next'] === 'string' ? err.details['next'] : '/');
  const requestId = c.get('requestId');
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>Sign-in did not finish · Chronos</title>
        </head>
        <body>
          <main>
            <h1>Sign-in did not finish</h1>
            <p>${err.message}</p>
            <p><a href="${back}">Back to Chronos</a></p>
            <p><small>Request id <code>${requestId}</code></small></p>
          </main>
        </body>
      </html>`,
    400,
  );
}
