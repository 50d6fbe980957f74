import type { OAuthTokens } from '../../ports/whop-oauth';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS, type SessionCookie, type SessionPorts } from './session-ports';

/** A new server-side session for a Whop user: the cookie value is returned once and stored only as its digest. */
export async function createSession(
  ports: Pick<SessionPorts, 'db' | 'clock' | 'crypto'>,
  input: { userId: string; tokens: OAuthTokens },
): Promise<{ cookie: SessionCookie; csrfToken: string }> {
  const now = ports.clock.now().getTime();
  const value = ports.crypto.randomToken();
  const csrfToken = ports.crypto.randomToken();
  const expiresAt = new Date(now + SESSION_LIFETIME_MS);
  // The user's sessions that ended over a week ago go now, so the table holds live sessions and recent history only.
  const ended = new Date(now - 7 * 24 * 3600 * 1000);
  await ports.db.tables.authSessions.pruneEnded({ userId: input.userId, endedBefore: ended });
  await ports.db.tables.authSessions.create({
    id_hash: await ports.crypto.digest(value),
    whop_user_id: input.userId,
    csrf_token: csrfToken,
    access_token_sealed: await ports.crypto.seal(input.tokens.accessToken),
    refresh_token_sealed: input.tokens.refreshToken ? await ports.crypto.seal(input.tokens.refreshToken) : null,
    access_expires_at: new Date(now + input.tokens.expiresInSeconds * 1000),
    created_at: new Date(now),
    idle_expires_at: new Date(Math.min(now + SESSION_IDLE_MS, expiresAt.getTime())),
    expires_at: expiresAt,
  });
  return { cookie: { value, expiresAt }, csrfToken };
}
