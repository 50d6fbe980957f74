import { ApiError } from '../../../shared/api-error';
import { USER_ID } from '../../../shared/whop-context';
import { OAuthRejectedError } from '../../ports/whop-oauth';
import { createSession } from './create-session';
import type { SessionCookie, SessionPorts } from './session-ports';
import { whopUnavailable } from './whop-facts';

const NOT_THIS_SIGN_IN =
  'This sign-in was not started in this browser, was already used, or took too long. Sign in again.';

/**
 * Finishes Sign in with Whop: the attempt is taken once (deleted as it is read), the
 * callback checked and the code redeemed by the OAuth client, and a session created for
 * the Whop user id that userinfo confirmed — the same id an iframe token carries in `sub`.
 */
export async function completeSignIn(
  ports: SessionPorts,
  input: { attemptCookie: string | undefined; callbackUrl: string },
): Promise<{ cookie: SessionCookie; next: string }> {
  if (!input.attemptCookie) throw new ApiError('BAD_REQUEST', NOT_THIS_SIGN_IN);
  const attempt = await ports.db.tables.authSignInAttempts.take(await ports.crypto.digest(input.attemptCookie));
  if (!attempt || new Date(attempt.expires_at).getTime() <= ports.clock.now().getTime()) {
    throw new ApiError('BAD_REQUEST', NOT_THIS_SIGN_IN);
  }
  let signedIn;
  try {
    signedIn = await ports.oauth.completeSignIn({
      callbackUrl: input.callbackUrl,
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: await ports.crypto.open(attempt.code_verifier_sealed),
    });
  } catch (err) {
    if (err instanceof OAuthRejectedError) {
      const message =
        err.reason === 'denied'
          ? 'Sign-in was cancelled at Whop.'
          : 'Whop did not confirm this sign-in. Sign in again.';
      throw new ApiError('BAD_REQUEST', message, {
        cause: err,
        details: { reason: err.reason, next: attempt.next_path },
      });
    }
    throw whopUnavailable(err);
  }
  if (!USER_ID.test(signedIn.userId))
    throw new ApiError('BAD_REQUEST', 'Whop did not confirm this sign-in. Sign in again.');
  const { cookie } = await createSession(ports, { userId: signedIn.userId, tokens: signedIn });
  return { cookie, next: attempt.next_path };
}
