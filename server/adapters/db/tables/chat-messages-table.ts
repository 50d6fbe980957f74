import type { Db } from '../../../ports/db';
import type { ChatMessageRow } from '../../../ports/db-schema/tables';
import type { AssistantChoices } from '../../../ports/tables/assistant-settings-table';
import type { ChatMessagesTable, HeldQuestionRow, SessionMessageRow } from '../../../ports/tables/chat-messages-table';
import type { FreshViewerRow } from '../../../ports/tables/identity-tables';
import { RESERVED_COLUMNS, reserveChatQuestionCtes } from './chat-usage-table';
import { freshViewerCtes } from './identity-tables';

type RawHeldRow = Omit<HeldQuestionRow, 'assistant'> & { assistant: AssistantChoices | string | null };
type ChatTurnRow = Pick<ChatMessageRow, 'role' | 'content'>;

/** SQL expressions for what a hold writes; `viewer` is a condition every write waits on. */
interface HoldSql {
  creator: string;
  user: string;
  today: string;
  experience: string;
  title: string;
  askedAs: string;
  session: string;
  question: string;
  counted: string;
  viewer?: string;
}

const HOLD_PARAMS: HoldSql = {
  creator: '$1',
  user: '$2',
  today: '$3',
  experience: '$4',
  title: '$5',
  askedAs: '$6',
  session: '$7::uuid',
  question: '$8',
  counted: '$9::boolean',
};

/**
 * The hold as CTEs: the session continued (`own`, through the session row: a conversation
 * deleted since it was read is "not found"), the reservation, the session created if new,
 * the question and its answer's row `streaming` in the reserved period.
 */
function holdCtes(x: HoldSql): string {
  return `own as (
           select s.id from chat_sessions s
            where ${x.session} is not null and s.id = ${x.session} and s.creator_id = ${x.creator} and s.user_id = ${x.user}
         ),
         found as (select ${x.viewer ?? 'true'} and (${x.session} is null or exists (select 1 from own)) as ok),
         ${reserveChatQuestionCtes(`${x.counted} and (select ok from found)`, x)},
         held as (select (select ok from found) and (not ${x.counted} or exists (select 1 from reserved)) as ok),
         created as (
           insert into chat_sessions (creator_id, experience_id, user_id, title, asked_as)
           select ${x.creator}, ${x.experience}, ${x.user}, ${x.title}, ${x.askedAs} from held where held.ok and ${x.session} is null
           returning id
         ),
         target as (select id from created union all select own.id from own, held where held.ok),
         asked as (
           insert into chat_messages (session_id, creator_id, user_id, role, content, status)
           select target.id, ${x.creator}, ${x.user}, 'user', ${x.question}, 'complete' from target
           returning id
         ),
         answer as (
           insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period)
           select target.id, ${x.creator}, ${x.user}, 'assistant', '', 'streaming', (select period_start from reserved)::date from target
           returning id
         ),
         -- What prepareAnswer needs of the creator, here rather than two more round trips on the hot path.
         creator_facts as (
           select exists (select 1 from creator_notes n where n.creator_id = ${x.creator}) as has_notes,
                  (select json_build_object('name', st.name, 'greeting', st.greeting, 'starters', st.starters, 'teaching_mode', st.teaching_mode)
                     from assistant_settings st where st.creator_id = ${x.creator}) as assistant
         )`;
}

/**
 * The continued session's turns before this question (a statement's reads do not see its
 * own inserts); a new conversation has none, and its statement plans one table fewer.
 */
const SESSION_HISTORY = `select role, content, created_at from chat_messages
            where session_id = (select id from own) and creator_id = (select creator_id from v) and status = 'complete'
            order by created_at desc limit $11`;
const NO_HISTORY = `select null::text as role, null::text as content, null::timestamptz as created_at where $11::int < 0`;

const HELD_COLUMNS = `(select ok from found) as found, (select id from target) as session_id,
       (select id from asked) as user_message_id, (select id from answer) as message_id, ${RESERVED_COLUMNS},
       (select has_notes from creator_facts) as has_notes, (select assistant from creator_facts) as assistant`;

/** Both adapters parse json (postgres-db.ts); text is accepted too, so a driver without that parser reads the same. */
function parsedAssistant<R extends RawHeldRow>(row: R): Omit<R, 'assistant'> & { assistant: AssistantChoices | null } {
  const assistant = typeof row.assistant === 'string' ? (JSON.parse(row.assistant) as AssistantChoices) : row.assistant;
  return { ...row, assistant };
}

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
      const [row] = await db.query<RawHeldRow>(`with ${holdCtes(HOLD_PARAMS)} select ${HELD_COLUMNS}`, [
        q.creatorId,
        q.userId,
        q.today,
        q.experienceId,
        q.title,
        q.askedAs,
        q.sessionId,
        q.question,
        q.counted,
      ]);
      return row ? parsedAssistant(row) : null;
    },
    async holdAsViewer(q) {
      // The viewer's CTEs (identity-tables.ts) take $1–$6; $7 today, $8 title, $9 session (or null), $10 question,
      // $11 history turns. Every write below waits on `v`: nothing is written for a viewer who is not fresh.
      const level = '(select access_level from v)';
      const [row] = await db.query<
        RawHeldRow & Omit<FreshViewerRow, 'tier'> & { fresh: boolean; history: ChatTurnRow[] | string }
      >(
        `with ${freshViewerCtes()},
         v as (select a.access_level, e.name as experience_name, e.creator_id, e.creator_name, u.username, u.name
                 from a, e, u),
         ${holdCtes({
           creator: '(select creator_id from v)',
           user: '$1',
           today: '$7',
           experience: '$2',
           title: '$8',
           askedAs: `(case when ${level} = 'admin' then 'creator' else 'student' end)`,
           session: '$9::uuid',
           question: '$10',
           counted: `(${level} <> 'admin')`,
           viewer: 'exists (select 1 from v)',
         })},
         history as (${q.sessionId === null ? NO_HISTORY : SESSION_HISTORY})
         select v.access_level is not null as fresh, v.access_level, v.experience_name, v.creator_id, v.creator_name,
                v.username, v.name, ${HELD_COLUMNS},
                (select coalesce(json_agg(json_build_object('role', h.role, 'content', h.content) order by h.created_at), '[]'::json)
                   from history h) as history
           from (select 1) one left join v on true`,
        [
          q.userId,
          q.experienceId,
          q.now,
          q.experienceTtlSeconds,
          q.profileTtlSeconds,
          q.seenResolutionSeconds,
          q.today,
          q.title,
          q.sessionId,
          q.question,
          q.historyTurns,
        ],
      );
      if (!row?.fresh) return null;
      const history = typeof row.history === 'string' ? (JSON.parse(row.history) as ChatTurnRow[]) : row.history;
      return { ...parsedAssistant(row), history };
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
