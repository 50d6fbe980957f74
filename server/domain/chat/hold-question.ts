import { ApiError } from '../../../shared/api-error';
import type { AssistantSettings } from '../../../shared/schemas/assistant-settings';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { toAssistantSettings } from '../assistant/get-assistant-settings';
import type { ViewerContext } from '../identity/viewer-context';
import { releaseAnswerQuota } from '../quotas/answer-quota';
import { type ChatReservation, reservationOf, utcDay } from '../quotas/chat-quota';

/** What a counted question holds until its answer is settled. */
export interface HeldQuestion {
  sessionId: string;
  /** The session was created for this question: abandoning the question deletes it. */
  sessionCreated: boolean;
  userMessageId: string;
  /** The answer's row, `streaming` until stream-answer (or the reconcile) settles it. */
  messageId: string;
  reservation: ChatReservation | null;
  /** The creator has notes (corrections) to search; read in the same statement, so a creator without any costs none. */
  hasNotes: boolean;
  /** The creator's assistant (name, greeting, teaching mode), read in the same statement. */
  assistant: AssistantSettings;
}

/**
 * Counts the question and writes its rows in one statement: the reservation (a
 * refused question creates nothing: no session, no message), the session if it is
 * new, the question and its answer's row in state `streaming` holding the reserved
 * period. A process that dies after this leaves a row the reconcile finds. One
 * statement, not a transaction of five: it is all that stands between a student's
 * request and the stream opening, and 200 students asking at once each pay for it
 * before their first byte.
 */
export async function holdQuestion(
  ports: { db: Db; clock: Clock },
  viewer: ViewerContext,
  input: { question: string; sessionId: string | null },
): Promise<HeldQuestion> {
  const creatorId = viewer.creator.id;
  const now = ports.clock.now();
  const quota = { creatorId, userId: viewer.user.id };
  const counted = viewer.role === 'student';
  const row = await ports.db.tables.chatMessages.hold({
    ...quota,
    today: utcDay(now),
    experienceId: viewer.experience!.id,
    title: input.question.slice(0, 80),
    askedAs: viewer.role,
    sessionId: input.sessionId,
    question: input.question,
    counted,
  });
  if (!row?.found) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  // Refused: 403 with the student's usage (reservationOf reads it); nothing was written.
  const reservation = counted ? await reservationOf(ports, quota, row, now) : null;
  return {
    sessionId: row.session_id!,
    sessionCreated: !input.sessionId,
    userMessageId: row.user_message_id!,
    messageId: row.message_id!,
    reservation,
    hasNotes: Boolean(row.has_notes),
    assistant: toAssistantSettings(row.assistant),
  };
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
      await tx.tables.chatSessions.remove({ sessionId: held.sessionId, creatorId });
    } else {
      await tx.tables.chatMessages.removeMany({ ids: [held.userMessageId, held.messageId], creatorId });
    }
  });
}
