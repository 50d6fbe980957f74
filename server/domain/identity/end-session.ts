import type { SessionPorts } from './session-ports';

/**
 * Sign out: this session, or every session of its Whop user ("everywhere"). Sessions are
 * revoked in the database first (that is what makes the cookie dead); then their refresh
 * tokens are revoked at Whop, best effort, so the grant ends there too.
 */
export async function endSession(
  ports: SessionPorts,
  input: { sessionId: string; userId: string; everywhere: boolean },
): Promise<{ sessionsEnded: number }> {
  const ended = await ports.db.query<{ refresh_token_sealed: string | null }>(
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
      ports.clock.now(),
      input.everywhere ? 'sign_out_everywhere' : 'sign_out',
      input.everywhere,
    ],
  );
  await Promise.all(
    ended.map(async ({ refresh_token_sealed: sealed }) => {
      if (!sealed) return;
      try {
        await ports.oauth.revoke(await ports.crypto.open(sealed));
      } catch {
        // Whop unreachable or the key rotated: the session is already dead here, which is what signs the user out.
      }
    }),
  );
  return { sessionsEnded: ended.length };
}
