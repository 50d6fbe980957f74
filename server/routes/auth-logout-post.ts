import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import { SignOutRequest, type SignOutResponse } from '../../shared/schemas/auth';
import type { AppDeps } from '../app';
import { endSession } from '../domain/identity/end-session';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';
import { authenticateSession } from '../http/session-auth';
import { clearCookie, sessionCookieName } from '../http/session-cookies';
import { requireSignIn, sessionPorts } from './auth-sign-in-deps';

/** POST /api/auth/logout `{ everywhere? }` — ends this session (or all of the user's), here and at Whop. */
export function authLogoutPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const signIn = requireSignIn(deps.signIn);
    // A session write like any other: cookie, CSRF header, own Origin.
    const userId = await authenticateSession(c, { db: deps.db, clock: deps.clock, signIn });
    if (!userId) throw new ApiError('UNAUTHENTICATED', 'You are not signed in.');
    const { everywhere = false } = SignOutRequest.parse(await readJson(c));
    const { sessionsEnded } = await endSession(sessionPorts(deps, signIn), {
      sessionId: c.get('session').id,
      userId,
      everywhere,
    });
    clearCookie(c, signIn, sessionCookieName(signIn));
    return c.json<SignOutResponse>({ signedOut: true, sessionsEnded });
  };
}
