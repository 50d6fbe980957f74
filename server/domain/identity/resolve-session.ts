import type { LiveSessionRow } from '../../ports/tables/auth-tables';
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

type SessionRow = LiveSessionRow;

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
  const row = await ports.db.tables.authSessions.findLive({ idHash: hash, now });
  if (!row) return null;
  const session: ResolvedSession = { id: row.id, userId: row.whop_user_id, csrfToken: row.csrf_token, rotated: null };

  if (at(row.access_expires_at) - ACCESS_EXPIRY_SKEW_MS > now.getTime() || !row.is_current) {
    // Fresh enough, or an in-flight request with the previous id whose sibling already refreshed.
    if (row.is_current && now.getTime() - at(row.last_used_at) > TOUCH_EVERY_MS) await touch(ports, row, now);
    return session;
  }

  const lease = await ports.db.tables.authSessions.takeRefreshLease({
    id: row.id,
    idHash: hash,
    until: new Date(now.getTime() + REFRESH_LEASE_MS),
    now,
  });
  // Another request holds the lease and is refreshing right now; this one goes on as the same user.
  if (!lease.taken) return session;
  if (!lease.refreshTokenSealed) return revoke(ports, row.id, 'refresh_rejected');

  let refreshToken: string;
  try {
    refreshToken = await ports.crypto.open(lease.refreshTokenSealed);
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
    await ports.db.tables.authSessions.releaseRefreshLease(row.id);
    return session;
  }

  const value = ports.crypto.randomToken();
  const rotated = await ports.db.tables.authSessions.rotate({
    id: row.id,
    idHash: await ports.crypto.digest(value),
    previousIdHash: hash,
    previousValidUntil: new Date(now.getTime() + ROTATION_GRACE_MS),
    accessTokenSealed: await ports.crypto.seal(tokens.accessToken),
    refreshTokenSealed: tokens.refreshToken ? await ports.crypto.seal(tokens.refreshToken) : null,
    accessExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
    now,
    idleUntil: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  if (!rotated) return session;
  return { ...session, rotated: { value, expiresAt: new Date(rotated.expires_at) } };
}

async function touch(ports: SessionPorts, row: SessionRow, now: Date) {
  await ports.db.tables.authSessions.touch({ id: row.id, now, idleUntil: new Date(now.getTime() + SESSION_IDLE_MS) });
}

async function revoke(ports: SessionPorts, id: string, reason: 'refresh_rejected' | 'unreadable'): Promise<null> {
  await ports.db.tables.authSessions.revoke({ id, now: ports.clock.now(), reason });
  return null;
}
