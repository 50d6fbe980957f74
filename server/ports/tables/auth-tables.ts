import type { AuthSessionRow, AuthSignInAttemptRow } from '../db-schema/tables';

/** A sign-in in flight, keyed by the digest of its short-lived cookie. */
export type SignInAttempt = Pick<
  AuthSignInAttemptRow,
  'id_hash' | 'state' | 'nonce' | 'code_verifier_sealed' | 'next_path' | 'expires_at'
>;

/** The `auth_sign_in_attempts` table. */
export interface AuthSignInAttemptsTable {
  /** Drops attempts whose time is over at `now`, then records this one. */
  start(attempt: SignInAttempt & { now: Date }): Promise<void>;
  /** Takes the attempt once: it is deleted as it is read (null when unknown or already taken). */
  take(idHash: string): Promise<Omit<SignInAttempt, 'id_hash'> | null>;
}

/** A live session found by its cookie's digest (the current one, or the previous within its grace). */
export type LiveSessionRow = Pick<
  AuthSessionRow,
  'id' | 'whop_user_id' | 'csrf_token' | 'refresh_token_sealed' | 'access_expires_at' | 'last_used_at' | 'expires_at'
> & { is_current: boolean };

export type NewSession = Pick<
  AuthSessionRow,
  | 'id_hash'
  | 'whop_user_id'
  | 'csrf_token'
  | 'access_token_sealed'
  | 'refresh_token_sealed'
  | 'access_expires_at'
  | 'created_at'
  | 'idle_expires_at'
  | 'expires_at'
>;

/** The `auth_sessions` table: only digests of cookie values, Whop's tokens sealed. */
export interface AuthSessionsTable {
  /** Deletes the user's sessions that expired, went idle or were revoked before `endedBefore`. */
  pruneEnded(input: { userId: string; endedBefore: Date }): Promise<void>;
  /** A new session, last used when created. */
  create(session: NewSession): Promise<void>;
  findLive(input: { idHash: string; now: Date }): Promise<LiveSessionRow | null>;
  /** Used now: idle expiry moves to `idleUntil` (never past the session's end). */
  touch(input: { id: string; now: Date; idleUntil: Date }): Promise<void>;
  /**
   * Takes the one-refresh lease until `until` when nobody holds it (or theirs ran out);
   * the sealed refresh token when taken, null otherwise.
   */
  takeRefreshLease(input: {
    id: string;
    idHash: string;
    until: Date;
    now: Date;
  }): Promise<{ taken: false } | { taken: true; refreshTokenSealed: string | null }>;
  releaseRefreshLease(id: string): Promise<void>;
  /**
   * A refreshed session under a new id (the old one honoured until `previousValidUntil`),
   * only while `previousIdHash` is still its id; the session's end, or null when it was not.
   */
  rotate(input: {
    id: string;
    idHash: string;
    previousIdHash: string;
    previousValidUntil: Date;
    accessTokenSealed: string;
    /** Null keeps the stored one (Whop did not rotate it). */
    refreshTokenSealed: string | null;
    accessExpiresAt: Date;
    now: Date;
    idleUntil: Date;
  }): Promise<Pick<AuthSessionRow, 'expires_at'> | null>;
  /** Revokes one session, forgetting its tokens. */
  revoke(input: { id: string; now: Date; reason: 'refresh_rejected' | 'unreadable' }): Promise<void>;
  /**
   * Signs out: this session, or every live session of the user, revoked with their
   * tokens forgotten; each one's sealed refresh token, to revoke at Whop.
   */
  signOut(input: {
    sessionId: string;
    userId: string;
    now: Date;
    everywhere: boolean;
  }): Promise<Pick<AuthSessionRow, 'refresh_token_sealed'>[]>;
}
