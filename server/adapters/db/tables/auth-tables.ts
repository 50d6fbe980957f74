import type { Db } from '../../../ports/db';
import type { AuthSessionRow } from '../../../ports/db-schema/tables';
import type {
  AuthSessionsTable,
  AuthSignInAttemptsTable,
  LiveSessionRow,
  SignInAttempt,
} from '../../../ports/tables/auth-tables';

/* The tables behind Sign in with Whop (server/domain/identity), one module each. */

export function authSignInAttemptsTable(db: Pick<Db, 'query'>): AuthSignInAttemptsTable {
  return {
    async start(attempt) {
      await db.query(`delete from auth_sign_in_attempts where expires_at <= $1`, [attempt.now]);
      await db.query(
        `insert into auth_sign_in_attempts (id_hash, state, nonce, code_verifier_sealed, next_path, expires_at)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          attempt.id_hash,
          attempt.state,
          attempt.nonce,
          attempt.code_verifier_sealed,
          attempt.next_path,
          attempt.expires_at,
        ],
      );
    },
    async take(idHash) {
      const [row] = await db.query<Omit<SignInAttempt, 'id_hash'>>(
        `delete from auth_sign_in_attempts where id_hash = $1
         returning state, nonce, code_verifier_sealed, next_path, expires_at`,
        [idHash],
      );
      return row ?? null;
    },
  };
}

export function authSessionsTable(db: Pick<Db, 'query'>): AuthSessionsTable {
  return {
    async pruneEnded(input) {
      await db.query(
        `delete from auth_sessions where whop_user_id = $1 and (expires_at <= $2 or idle_expires_at <= $2 or revoked_at <= $2)`,
        [input.userId, input.endedBefore],
      );
    },
    async create(session) {
      await db.query(
        `insert into auth_sessions
           (id_hash, whop_user_id, csrf_token, access_token_sealed, refresh_token_sealed, access_expires_at,
            created_at, last_used_at, idle_expires_at, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
        [
          session.id_hash,
          session.whop_user_id,
          session.csrf_token,
          session.access_token_sealed,
          session.refresh_token_sealed,
          session.access_expires_at,
          session.created_at,
          session.idle_expires_at,
          session.expires_at,
        ],
      );
    },
    async findLive(input) {
      const [row] = await db.query<LiveSessionRow>(
        `select id, whop_user_id, csrf_token, refresh_token_sealed, access_expires_at, last_used_at, expires_at,
                (id_hash = $1) as is_current
           from auth_sessions
          where (id_hash = $1 or (previous_id_hash = $1 and previous_valid_until > $2))
            and revoked_at is null and expires_at > $2 and idle_expires_at > $2`,
        [input.idHash, input.now],
      );
      return row ?? null;
    },
    async touch(input) {
      await db.query(
        `update auth_sessions set last_used_at = $2, idle_expires_at = least($3, expires_at) where id = $1`,
        [input.id, input.now, input.idleUntil],
      );
    },
    async takeRefreshLease(input) {
      // One request refreshes at a time: a rotating refresh token used twice is a replay to Whop.
      const [lease] = await db.query<Pick<AuthSessionRow, 'refresh_token_sealed'>>(
        `update auth_sessions set refreshing_until = $3
          where id = $1 and id_hash = $2 and revoked_at is null and (refreshing_until is null or refreshing_until <= $4)
          returning refresh_token_sealed`,
        [input.id, input.idHash, input.until, input.now],
      );
      return lease ? { taken: true, refreshTokenSealed: lease.refresh_token_sealed } : { taken: false };
    },
    async releaseRefreshLease(id) {
      await db.query(`update auth_sessions set refreshing_until = null where id = $1`, [id]);
    },
    async rotate(input) {
      const [row] = await db.query<Pick<AuthSessionRow, 'expires_at'>>(
        `update auth_sessions
            set id_hash = $2, previous_id_hash = $3, previous_valid_until = $4,
                access_token_sealed = $5, refresh_token_sealed = coalesce($6, refresh_token_sealed),
                access_expires_at = $7, refreshing_until = null, last_used_at = $8,
                idle_expires_at = least($9, expires_at)
          where id = $1 and id_hash = $3
          returning expires_at`,
        [
          input.id,
          input.idHash,
          input.previousIdHash,
          input.previousValidUntil,
          input.accessTokenSealed,
          input.refreshTokenSealed,
          input.accessExpiresAt,
          input.now,
          input.idleUntil,
        ],
      );
      return row ?? null;
    },
    async revoke(input) {
      await db.query(
        `update auth_sessions
            set revoked_at = $2, revoked_reason = $3, refreshing_until = null, access_token_sealed = '', refresh_token_sealed = null
          where id = $1`,
        [input.id, input.now, input.reason],
      );
    },
    signOut: (input) =>
      db.query<Pick<AuthSessionRow, 'refresh_token_sealed'>>(
        `with ended as (
           select id, refresh_token_sealed from auth_sessions
            where revoked_at is null and whop_user_id = $2 and ($5::boolean or id = $1::uuid)
            for update
         )
         update auth_sessions s
            set revoked_at = $3, revoked_reason = $4, access_token_sealed = '', refresh_token_sealed = null, refreshing_until = null
           from ended where s.id = ended.id
         returning ended.refresh_token_sealed`,
        [
          input.sessionId,
          input.userId,
          input.now,
          input.everywhere ? 'sign_out_everywhere' : 'sign_out',
          input.everywhere,
        ],
      ),
  };
}
