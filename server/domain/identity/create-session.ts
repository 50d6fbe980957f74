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
  await ports.db.query(
    `delete from auth_sessions where whop_user_id = $1 and (expires_at <= $2 or idle_expires_at <= $2 or revoked_at <= $2)`,
    [input.userId, ended],
  );
  await ports.db.query(
    `insert into auth_sessions
       (id_hash, whop_user_id, csrf_token, access_token_sealed, refresh_token_sealed, access_expires_at,
        created_at, last_used_at, idle_expires_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
    [
      await ports.crypto.digest(value),
      input.userId,
      csrfToken,
      await ports.crypto.seal(input.tokens.accessToken),
      input.tokens.refreshToken ? await ports.crypto.seal(input.tokens.refreshToken) : null,
      new Date(now + input.tokens.expiresInSeconds * 1000),
      new Date(now),
      new Date(Math.min(now + SESSION_IDLE_MS, expiresAt.getTime())),
      expiresAt,
    ],
  );
  return { cookie: { value, expiresAt }, csrfToken };
}
