import { ApiError } from '../../../shared/api-error';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { ViewerContext } from '../identity/viewer-context';
import { releaseAnswerQuota } from '../quotas/answer-quota';
import { reserveChatQuota, type ChatReservation } from '../quotas/chat-quota';

/** What a counted question holds until its answer is settled. */
export interface HeldQuestion {
  sessionId: string;
  /** The session was created for this question: abandoning the question deletes it. */
  sessionCreated: boolean;
  userMessageId: string;
  /** The answer's row, `streaming` until stream-answer (or the reconcile) settles it. */
  messageId: string;
  reservation: ChatReservation | null;
}

/**
 * Counts the question and writes its rows in one transaction: the reservation first
 * (a refused question creates nothing: no session, no message), then the session if
 * it is new, the question and its answer's row in state `streaming` holding the
 * reserved period. A process that dies after this leaves a row the reconcile finds.
 */
export async function holdQuestion(
  ports: { db: Db; clock: Clock },
  viewer: ViewerContext,
  input: { question: string; sessionId: string | null },
): Promise<HeldQuestion> {
  const creatorId = viewer.creator.id;
  return ports.db.transaction(async (tx) => {
    const quota = { creatorId, userId: viewer.user.id };
    const reservation = viewer.role === 'student' ? await reserveChatQuota({ db: tx, clock: ports.clock }, quota) : null;
    let sessionId = input.sessionId;
    if (!sessionId) {
      const [created] = await tx.query<{ id: string }>(
        `insert into chat_sessions (creator_id, experience_id, user_id, title, asked_as) values ($1, $2, $3, $4, $5) returning id`,
        [creatorId, viewer.experience!.id, viewer.user.id, input.question.slice(0, 80), viewer.role],
      );
      sessionId = created!.id;
    }
    // Through the session row: a conversation deleted since startQuestion checked it is "not found", not a 500.
    const [user] = await tx.query<{ id: string }>(
      `insert into chat_messages (session_id, creator_id, user_id, role, content, status)
       select s.id, s.creator_id, s.user_id, 'user', $4, 'complete' from chat_sessions s
        where s.id = $1 and s.creator_id = $2 and s.user_id = $3
       returning id`,
      [sessionId, creatorId, viewer.user.id, input.question],
    );
    if (!user) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
    const [answer] = await tx.query<{ id: string }>(
      `insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period)
       values ($1, $2, $3, 'assistant', '', 'streaming', $4::date) returning id`,
      [sessionId, creatorId, viewer.user.id, reservation?.periodStart ?? null],
    );
    return { sessionId, sessionCreated: !input.sessionId, userMessageId: user!.id, messageId: answer!.id, reservation };
  });
}

/**
 * The question failed before its answer started (retrieval, the rewrite): the student
 * gets an ordinary error, so nothing of it is kept — the question is given back and
 * its rows (and its session, if it was created for it) are deleted, together.
 */
export async function abandonQuestion(db: Db, held: HeldQuestion, creatorId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await releaseAnswerQuota(tx, held.messageId);
    if (held.sessionCreated) {
      await tx.query(`delete from chat_sessions where id = $1 and creator_id = $2`, [held.sessionId, creatorId]);
    } else {
      await tx.query(`delete from chat_messages where id = any($1::uuid[]) and creator_id = $2`, [[held.userMessageId, held.messageId], creatorId]);
    }
  });
}
