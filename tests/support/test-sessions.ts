import { createSession } from '../../server/domain/identity/create-session';
import type { SignInDeps } from '../../server/http/sign-in-deps';
import type { Clock } from '../../server/ports/clock';
import type { Db } from '../../server/ports/db';

export type SessionState = 'live' | 'expired' | 'idle' | 'revoked';

export interface TestSession {
  /** The Cookie header value a signed-in browser sends. */
  cookie: string;
  csrfToken: string;
  /** What the database holds in place of the cookie value. */
  storedDigest: string;
}

export type SessionMaker = (userId: string, state?: SessionState) => Promise<TestSession>;

/** App → how to sign a user in on it; filled by createTestApp, read by describeSecurity's session cases. */
const makers = new WeakMap<object, SessionMaker>();

export function registerSessionMaker(app: object, deps: { db: Db; clock: Clock; signIn: SignInDeps }): void {
  makers.set(app, async (userId, state = 'live') => {
    const { db, clock, signIn } = deps;
    // A session as a completed Sign in with Whop leaves it (tokens fresh for the hour).
    const { cookie, csrfToken } = await createSession(
      { db, clock, crypto: signIn.crypto },
      { userId, tokens: { accessToken: `at_${userId}`, refreshToken: `rt_${userId}`, expiresInSeconds: 3600 } },
    );
    const storedDigest = await signIn.crypto.digest(cookie.value);
    const past = new Date(clock.now().getTime() - 1000);
    if (state === 'expired')
      await db.query(`update auth_sessions set expires_at = $2 where id_hash = $1`, [storedDigest, past]);
    if (state === 'idle')
      await db.query(`update auth_sessions set idle_expires_at = $2 where id_hash = $1`, [storedDigest, past]);
    if (state === 'revoked') {
      await db.query(`update auth_sessions set revoked_at = $2, revoked_reason = 'sign_out' where id_hash = $1`, [
        storedDigest,
        past,
      ]);
    }
    const name = signIn.origin().startsWith('https://') ? '__Host-chronos_session' : 'chronos_session';
    return { cookie: `${name}=${cookie.value}`, csrfToken, storedDigest };
  });
}

export function sessionMakerFor(app: object): SessionMaker {
  const maker = makers.get(app);
  if (!maker)
    throw new Error('describeSecurity needs an app from createTestApp (with Sign in with Whop) for its session cases');
  return maker;
}
