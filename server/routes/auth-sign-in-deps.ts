import { ApiError } from '../../shared/api-error';
import type { SignInDeps } from '../http/sign-in-deps';

/** The auth routes exist everywhere; without configuration they say so (503) instead of half-working. */
export function requireSignIn(signIn: SignInDeps | null | undefined): SignInDeps {
  if (!signIn)
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      'Sign in with Whop is not set up on this server. Open Chronos inside Whop.',
    );
  return signIn;
}

export function sessionPorts(
  deps: { db: import('../ports/db').Db; clock: import('../ports/clock').Clock },
  signIn: SignInDeps,
) {
  return { db: deps.db, clock: deps.clock, crypto: signIn.crypto, oauth: signIn.oauth };
}
