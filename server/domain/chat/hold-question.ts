import { ApiError } from '../../../shared/api-error';
import type { AssistantSettings } from '../../../shared/schemas/assistant-settings';
import type { ChatTurn } from '../../ports/answerer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { HeldQuestionRow } from '../../ports/tables/chat-messages-table';
import { toAssistantSettings } from '../assistant/get-assistant-settings';
import { FRESH_VIEWER_TTLS, viewerOfFreshRow } from '../identity/resolve-experience-viewer';
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
  return heldOf(ports, { quota, counted, sessionCreated: !input.sessionId, now }, row);
}

/**
 * The hold of a returning user (a student asking again), with their viewer read in the
 * same statement: one round trip from the verified user id to the held question. The
 * creator, the role and whether the question counts come from the viewer's row: what
 * Whop said of this user and experience (cached within its TTL), never from the request.
 * Null, with nothing written, when that viewer is not fresh: the caller resolves it (Whop)
 * and calls holdQuestion.
 */
export async function holdQuestionAsViewer(
  ports: { db: Db; clock: Clock },
  who: { userId: string; experienceId: string },
  input: { question: string; sessionId: string | null; historyTurns: number },
): Promise<{ viewer: ViewerContext; held: HeldQuestion; history: ChatTurn[] } | null> {
  const now = ports.clock.now();
  const row = await ports.db.tables.chatMessages.holdAsViewer({
    ...who,
    now,
    ...FRESH_VIEWER_TTLS,
    today: utcDay(now),
    title: input.question.slice(0, 80),
    sessionId: input.sessionId,
    question: input.question,
    historyTurns: input.historyTurns,
  });
  if (!row) return null;
  const viewer = viewerOfFreshRow(who.userId, who.experienceId, row);
  const quota = { creatorId: viewer.creator.id, userId: who.userId };
  const counted = viewer.role === 'student';
  const held = await heldOf(ports, { quota, counted, sessionCreated: !input.sessionId, now }, row);
  return { viewer, held, history: row.history.map((t) => ({ role: t.role, content: t.content })) };
}

/** What a hold's row means: a session not found is 404; a refused question 403 with the usage (nothing was written). */
async function heldOf(
  ports: { db: Db; clock: Clock },
  how: { quota: { creatorId: string; userId: string }; counted: boolean; sessionCreated: boolean; now: Date },
  row: HeldQuestionRow | null,
): Promise<HeldQuestion> {
  if (!row?.found) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  // Refused: 403 with the student's usage (reservationOf reads it); nothing was written.
  const reservation = how.counted ? await reservationOf(ports, how.quota, row, how.now) : null;
  return {
    sessionId: row.session_id!,
    sessionCreated: how.sessionCreated,
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
