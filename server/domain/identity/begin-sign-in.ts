import type { z } from 'zod';
import { SignInQuery, safeNextPath } from '../../../shared/schemas/auth';
import { type SessionCookie, type SessionPorts, SIGN_IN_ATTEMPT_TTL_MS } from './session-ports';

export const BeginSignInInput = SignInQuery;
export type BeginSignInInput = z.infer<typeof BeginSignInInput>;

/**
 * Starts Sign in with Whop: state, nonce and PKCE verifier are kept server-side, under the
 * digest of a cookie only this browser receives, so a callback that another browser started
 * (login CSRF) or that was already used finds nothing.
 */
export async function beginSignIn(
  ports: Omit<SessionPorts, 'oauth'> & { oauth: Pick<SessionPorts['oauth'], 'beginSignIn'> },
  input: BeginSignInInput,
): Promise<{ authorizeUrl: string; attemptCookie: SessionCookie }> {
  const { next } = BeginSignInInput.parse(input);
  const now = ports.clock.now();
  const request = await ports.oauth.beginSignIn();
  const attempt = ports.crypto.randomToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_ATTEMPT_TTL_MS);
  await ports.db.tables.authSignInAttempts.start({
    now,
    id_hash: await ports.crypto.digest(attempt),
    state: request.state,
    nonce: request.nonce,
    code_verifier_sealed: await ports.crypto.seal(request.codeVerifier),
    next_path: safeNextPath(next),
    expires_at: expiresAt,
  });
  return { authorizeUrl: request.authorizeUrl, attemptCookie: { value: attempt, expiresAt } };
}
