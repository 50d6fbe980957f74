import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { SessionCrypto } from '../../ports/session-crypto';
import type { WhopOAuth } from '../../ports/whop-oauth';

/** What the sign-in and session verbs need: the database, time, secrets and Whop's OAuth server. */
export interface SessionPorts {
  db: Db;
  clock: Clock;
  crypto: SessionCrypto;
  oauth: WhopOAuth;
}

/** A session ends 30 days after sign-in at the latest, or after 7 days unused. */
export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** A sign-in must come back from Whop within 10 minutes. */
export const SIGN_IN_ATTEMPT_TTL_MS = 10 * 60 * 1000;
/**
 * After a rotation the old cookie works this long, for requests the browser had already
 * sent with it (an SSE stream and a list load racing); a stolen old cookie is dead after it.
 */
export const ROTATION_GRACE_MS = 30 * 1000;
/** One request refreshes at a time; a crashed refresh frees the lease after this. */
export const REFRESH_LEASE_MS = 30 * 1000;
/** Refresh a little early, so a request never carries a token that expires on the way. */
export const ACCESS_EXPIRY_SKEW_MS = 60 * 1000;
/** Idle expiry moves forward at most once a minute: no write per request. */
export const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionCookie {
  value: string;
  expiresAt: Date;
}
