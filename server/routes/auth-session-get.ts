import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { AuthSession } from '../../shared/schemas/auth';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';
import { authenticateSession } from '../http/session-auth';

/** GET /api/auth/session — is this browser signed in outside Whop, and its CSRF token for writes. */
export function authSessionGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const signIn = deps.signIn;
    if (!signIn) return c.json<AuthSession>({ signedIn: false, available: false });
    let userId: string | null;
    try {
      userId = await authenticateSession(c, { db: deps.db, clock: deps.clock, signIn });
    } catch (err) {
      // An ended session is an answer here ("signed out"), not an error; the cookie was cleared.
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED')
        return c.json<AuthSession>({ signedIn: false, available: true });
      throw err;
    }
    if (!userId) return c.json<AuthSession>({ signedIn: false, available: true });
    return c.json<AuthSession>({ signedIn: true, available: true, userId, csrfToken: c.get('session').csrfToken });
  };
}
