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
  const ended = await ports.db.tables.authSessions.signOut({
    sessionId: input.sessionId,
    userId: input.userId,
    now: ports.clock.now(),
    everywhere: input.everywhere,
  });
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
