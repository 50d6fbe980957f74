import { OAuthRejectedError } from '../../ports/whop-oauth';
import {
  ACCESS_EXPIRY_SKEW_MS,
  REFRESH_LEASE_MS,
  ROTATION_GRACE_MS,
  SESSION_IDLE_MS,
  type SessionCookie,
  type SessionPorts,
  TOUCH_EVERY_MS,
} from './session-ports';

export interface ResolvedSession {
  id: string;
  userId: string;
  csrfToken: string;
  /** Set when this request rotated the session: the cookie to send back. */
  rotated: SessionCookie | null;
}

interface SessionRow {
  id: string;
  whop_user_id: string;
  csrf_token: string;
  refresh_token_sealed: string | null;
  access_expires_at: Date;
  last_used_at: Date;
  expires_at: Date;
  is_current: boolean;
}

const at = (d: Date | string) => new Date(d).getTime();

/**
 * The Whop user behind a session cookie, or null (unknown, expired, idle, revoked, or an
 * old id past its grace). When Whop's access token is due, one request refreshes it — Whop
 * rotates the refresh token, so two refreshes at once would be a replay — and the session id
 * rotates with it. A refresh Whop refuses ends the session: signing out at Whop, or Whop
 * revoking the grant, reaches Chronos within the hour.
 */
export async function resolveSession(ports: SessionPorts, input: { cookie: string }): Promise<ResolvedSession | null> {
  const now = ports.clock.now();
  const hash = await ports.crypto.digest(input.cookie);
  const [row] = await ports.db.query<SessionRow>(
    `select id, whop_user_id, csrf_token, refresh_token_sealed, access_expires_at, last_used_at, expires_at,
            (id_hash = $1) as is_current
       from auth_sessions
      where (id_hash = $1 or (previous_id_hash = $1 and previous_valid_until > $2))
        and revoked_at is null and expires_at > $2 and idle_expires_at > $2`,
    [hash, now],
  );
  if (!row) return null;
  const session: ResolvedSession = { id: row.id, userId: row.whop_user_id, csrfToken: row.csrf_token, rotated: null };

  if (at(row.access_expires_at) - ACCESS_EXPIRY_SKEW_MS > now.getTime() || !row.is_current) {
    // Fresh enough, or an in-flight request with the previous id whose sibling already refreshed.
    if (row.is_current && now.getTime() - at(row.last_used_at) > TOUCH_EVERY_MS) await touch(ports, row, now);
    return session;
  }

  const [lease] = await ports.db.query<{ refresh_token_sealed: string | null }>(
    `update auth_sessions set refreshing_until = $3
      where id = $1 and id_hash = $2 and revoked_at is null and (refreshing_until is null or refreshing_until <= $4)
      returning refresh_token_sealed`,
    [row.id, hash, new Date(now.getTime() + REFRESH_LEASE_MS), now],
  );
  // Another request holds the lease and is refreshing right now; this one goes on as the same user.
  if (!lease) return session;
  if (!lease.refresh_token_sealed) return revoke(ports, row.id, 'refresh_rejected');

  let refreshToken: string;
  try {
    refreshToken = await ports.crypto.open(lease.refresh_token_sealed);
  } catch {
    // Sealed under another key (the key was rotated): nothing to refresh with.
    return revoke(ports, row.id, 'unreadable');
  }
  let tokens;
  try {
    tokens = await ports.oauth.refresh(refreshToken);
  } catch (err) {
    if (err instanceof OAuthRejectedError) return revoke(ports, row.id, 'refresh_rejected');
    // Whop unreachable: identity was proven and the session is live; the next request tries again.
    await ports.db.query(`update auth_sessions set refreshing_until = null where id = $1`, [row.id]);
    return session;
  }

  const value = ports.crypto.randomToken();
  const rotated = await ports.db.query<{ expires_at: Date }>(
    `update auth_sessions
        set id_hash = $2, previous_id_hash = $3, previous_valid_until = $4,
            access_token_sealed = $5, refresh_token_sealed = coalesce($6, refresh_token_sealed),
            access_expires_at = $7, refreshing_until = null, last_used_at = $8,
            idle_expires_at = least($9, expires_at)
      where id = $1 and id_hash = $3
      returning expires_at`,
    [
      row.id,
      await ports.crypto.digest(value),
      hash,
      new Date(now.getTime() + ROTATION_GRACE_MS),
      await ports.crypto.seal(tokens.accessToken),
      tokens.refreshToken ? await ports.crypto.seal(tokens.refreshToken) : null,
      new Date(now.getTime() + tokens.expiresInSeconds * 1000),
      now,
      new Date(now.getTime() + SESSION_IDLE_MS),
    ],
  );
  if (!rotated[0]) return session;
  return { ...session, rotated: { value, expiresAt: new Date(rotated[0].expires_at) } };
}

async function touch(ports: SessionPorts, row: SessionRow, now: Date) {
  await ports.db.query(
    `update auth_sessions set last_used_at = $2, idle_expires_at = least($3, expires_at) where id = $1`,
    [row.id, now, new Date(now.getTime() + SESSION_IDLE_MS)],
  );
}

async function revoke(ports: SessionPorts, id: string, reason: 'refresh_rejected' | 'unreadable'): Promise<null> {
  await ports.db.query(
    `update auth_sessions
        set revoked_at = $2, revoked_reason = $3, refreshing_until = null, access_token_sealed = '', refresh_token_sealed = null
      where id = $1`,
    [id, ports.clock.now(), reason],
  );
  return null;
}
