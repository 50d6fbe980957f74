import { ApiError } from '../../../shared/api-error';
import type { AssistantSettings } from '../../../shared/schemas/assistant-settings';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { type AssistantRow, toAssistantSettings } from '../assistant/get-assistant-settings';
import type { ViewerContext } from '../identity/viewer-context';
import { releaseAnswerQuota } from '../quotas/answer-quota';
import {
  type ChatReservation,
  RESERVED_COLUMNS,
  type ReservedRow,
  reservationOf,
  reserveChatQuestionCtes,
  utcDay,
} from '../quotas/chat-quota';

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
  // $1 creator, $2 user, $3 today, $4 experience, $5 title, $6 asked as, $7 session (or null), $8 question, $9 counted.
  const [row] = await ports.db.query<
    ReservedRow & {
      found: boolean;
      session_id: string | null;
      user_message_id: string | null;
      message_id: string | null;
      has_notes: boolean;
      assistant: AssistantRow | string | null;
    }
  >(
    `with own as (
       -- Through the session row: a conversation deleted since startQuestion checked it is "not found".
       select s.id from chat_sessions s where $7::uuid is not null and s.id = $7::uuid and s.creator_id = $1 and s.user_id = $2
     ),
     found as (select $7::uuid is null or exists (select 1 from own) as ok),
     ${reserveChatQuestionCtes('$9::boolean and (select ok from found)')},
     held as (select (select ok from found) and (not $9::boolean or exists (select 1 from reserved)) as ok),
     created as (
       insert into chat_sessions (creator_id, experience_id, user_id, title, asked_as)
       select $1, $4, $2, $5, $6 from held where held.ok and $7::uuid is null
       returning id
     ),
     target as (select id from created union all select own.id from own, held where held.ok),
     asked as (
       insert into chat_messages (session_id, creator_id, user_id, role, content, status)
       select target.id, $1, $2, 'user', $8, 'complete' from target
       returning id
     ),
     answer as (
       insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period)
       select target.id, $1, $2, 'assistant', '', 'streaming', (select period_start from reserved)::date from target
       returning id
     )
     select (select ok from found) as found, (select id from target) as session_id,
            (select id from asked) as user_message_id, (select id from answer) as message_id, ${RESERVED_COLUMNS},
            -- What prepareAnswer needs of the creator, here rather than two more round trips on the hot path.
            exists (select 1 from creator_notes n where n.creator_id = $1) as has_notes,
            (select json_build_object('name', a.name, 'greeting', a.greeting, 'starters', a.starters, 'teaching_mode', a.teaching_mode)
               from assistant_settings a where a.creator_id = $1) as assistant`,
    [
      creatorId,
      viewer.user.id,
      utcDay(now),
      viewer.experience!.id,
      input.question.slice(0, 80),
      viewer.role,
      input.sessionId,
      input.question,
      counted,
    ],
  );
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
    assistant: toAssistantSettings(
      (typeof row.assistant === 'string' ? JSON.parse(row.assistant) : row.assistant) ?? undefined,
    ),
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
      await tx.query(`delete from chat_sessions where id = $1 and creator_id = $2`, [held.sessionId, creatorId]);
    } else {
      await tx.query(`delete from chat_messages where id = any($1::uuid[]) and creator_id = $2`, [
        [held.userMessageId, held.messageId],
        creatorId,
      ]);
    }
  });
}
