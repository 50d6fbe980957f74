import type { Db } from '../../../ports/db';
import type { ChatMessageRow } from '../../../ports/db-schema/tables';
import type { AssistantChoices } from '../../../ports/tables/assistant-settings-table';
import type { ChatMessagesTable, HeldQuestionRow, SessionMessageRow } from '../../../ports/tables/chat-messages-table';

/** The held row as hold_question returns it (json). */
type RawHeldRow = Omit<HeldQuestionRow, 'assistant'> & { assistant: AssistantChoices | string | null };

/**
 * The `chat_messages` table's chat statements, on whichever connection or transaction
 * `db` is. The hold, the settle, the release and the reconcile also write chat_usage
 * (and the hold chat_sessions): each is one statement, and lives here because the
 * answer's row is what holds the question and what each of them locks or writes first.
 */
export function chatMessagesTable(db: Pick<Db, 'query'>): ChatMessagesTable {
  return {
    async hold(q) {
      // One short call: the statement lives in hold_question (migration 20261203000500), planned once a connection.
      const [row] = await db.query<{ held: RawHeldRow }>(
        `select hold_question($1, $2, $3, $4, $5, $6, $7, $8, $9) as held`,
        [q.creatorId, q.userId, q.today, q.experienceId, q.title, q.askedAs, q.sessionId, q.question, q.counted],
      );
      const held = typeof row?.held === 'string' ? (JSON.parse(row.held) as RawHeldRow) : row?.held;
      if (!held) return null;
      // Both adapters parse json (postgres-db.ts); text is accepted too, so a driver without that parser reads the same.
      const assistant =
        typeof held.assistant === 'string' ? (JSON.parse(held.assistant) as AssistantChoices) : held.assistant;
      return { ...held, assistant };
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
