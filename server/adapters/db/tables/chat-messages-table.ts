import type { Db } from '../../../ports/db';
import type { ChatMessageRow } from '../../../ports/db-schema/tables';
import type { AssistantChoices } from '../../../ports/tables/assistant-settings-table';
import type { ChatMessagesTable, HeldQuestionRow, SessionMessageRow } from '../../../ports/tables/chat-messages-table';
import { RESERVED_COLUMNS, reserveChatQuestionCtes } from './chat-usage-table';

/**
 * The `chat_messages` table's chat statements, on whichever connection or transaction
 * `db` is. The hold, the settle, the release and the reconcile also write chat_usage
 * (and the hold chat_sessions): each is one statement, and lives here because the
 * answer's row is what holds the question and what each of them locks or writes first.
 */
export function chatMessagesTable(db: Pick<Db, 'query'>): ChatMessagesTable {
  return {
    async hold(q) {
      // $1 creator, $2 user, $3 today, $4 experience, $5 title, $6 asked as, $7 session (or null), $8 question, $9 counted.
      const [row] = await db.query<
        Omit<HeldQuestionRow, 'assistant'> & { assistant: AssistantChoices | string | null }
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
        [q.creatorId, q.userId, q.today, q.experienceId, q.title, q.askedAs, q.sessionId, q.question, q.counted],
      );
      if (!row) return null;
      // Both adapters parse json (postgres-db.ts); text is accepted too, so a driver without that parser reads the same.
      const assistant =
        typeof row.assistant === 'string' ? (JSON.parse(row.assistant) as AssistantChoices) : row.assistant;
      return { ...row, assistant };
    },
    listForSession: (key) =>
      db.query<SessionMessageRow>(
        `select id, role, content, status, citations, sources, feedback, created_at
           from chat_messages where session_id = $1 and creator_id = $2 and status <> 'streaming'
          order by created_at, role desc`,
        [key.sessionId, key.creatorId],
      ),
    recentTurns: (key) =>
      db.query<Pick<ChatMessageRow, 'role' | 'content'>>(
        `select role, content from (
           select role, content, created_at from chat_messages
            where session_id = $1 and creator_id = $2 and status = 'complete'
            order by created_at desc limit $3) recent
          order by created_at`,
        [key.sessionId, key.creatorId, key.limit],
      ),
    async setFeedback(key) {
      const updated = await db.query(
        `update chat_messages set feedback = $4 where id = $1 and creator_id = $2 and user_id = $3 and role = 'assistant' returning id`,
        [key.messageId, key.creatorId, key.userId, key.feedback],
      );
      return updated.length > 0;
    },
    async removeMany(input) {
      await db.query(`delete from chat_messages where id = any($1::uuid[]) and creator_id = $2`, [
        input.ids,
        input.creatorId,
      ]);
    },
    async releaseQuestion(messageId) {
      const [row] = await db.query<{ released: number }>(
        `with held as (
           select id, creator_id, user_id, quota_period from chat_messages
            where id = $1 and status = 'streaming' and quota_period is not null
            for update
         ), cleared as (
           update chat_messages m set quota_period = null from held where m.id = held.id returning m.id
         ), released as (
           update chat_usage u set questions_used = greatest(u.questions_used - 1, 0), updated_at = now()
             from held
            where u.creator_id = held.creator_id and u.user_id = held.user_id and u.period_start = held.quota_period
           returning 1
         )
         select (select count(*) from released)::int as released, (select count(*) from cleared)::int as cleared`,
        [messageId],
      );
      return (row?.released ?? 0) > 0;
    },
    async settle(answer) {
      const [row] = await db.query<{ settled: number; released: number }>(
        // The touched session's updated_at (chat_sessions) is written here too: its place in the student's list.
        `with held as (
           select id, creator_id, user_id, quota_period from chat_messages
            where id = $1 and status = 'streaming'
            for update
         ), settled as (
           update chat_messages m
              set status = $2, content = $3, citations = $4, sources = $5, latency_ms = $6,
                  input_tokens = $7, output_tokens = $8, cost_usd = $9,
                  quota_period = case when $10::boolean then held.quota_period end
             from held where m.id = held.id
           returning m.id
         ), released as (
           update chat_usage u set questions_used = greatest(u.questions_used - 1, 0), updated_at = now()
             from held
            where not $10::boolean and held.quota_period is not null
              and u.creator_id = held.creator_id and u.user_id = held.user_id and u.period_start = held.quota_period
           returning 1
         ), touched as (
           update chat_sessions s set updated_at = now() where $11::uuid is not null and s.id = $11::uuid
         )
         select (select count(*) from settled)::int as settled, (select count(*) from released)::int as released`,
        [
          answer.messageId,
          answer.status,
          answer.content,
          JSON.stringify(answer.citations),
          JSON.stringify(answer.sources),
          answer.latencyMs,
          answer.inputTokens,
          answer.outputTokens,
          answer.costUsd,
          answer.keepQuestion,
          answer.sessionId,
        ],
      );
      return { settled: (row?.settled ?? 0) > 0, released: (row?.released ?? 0) > 0 };
    },
    async failUnfinished(input) {
      const [row] = await db.query<{ answers: number; released: number }>(
        `with held as (
           select id, creator_id, user_id, quota_period from chat_messages
            where status = 'streaming' and created_at < $1
            order by id
            for update
         ), flipped as (
           update chat_messages m set status = 'failed', quota_period = null from held where m.id = held.id returning m.id
         ), given as (
           select creator_id, user_id, quota_period, count(*)::int as n from held
            where quota_period is not null group by creator_id, user_id, quota_period
         ), released as (
           update chat_usage u set questions_used = greatest(u.questions_used - given.n, 0), updated_at = now()
             from given
            where u.creator_id = given.creator_id and u.user_id = given.user_id and u.period_start = given.quota_period
           returning given.n
         )
         select (select count(*) from flipped)::int as answers, (select coalesce(sum(n), 0) from released)::int as released`,
        [input.olderThan.toISOString()],
      );
      return { answers: row?.answers ?? 0, released: row?.released ?? 0 };
    },
  };
}
