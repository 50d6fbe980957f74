import type { QuestionsFilters } from '../../../../shared/schemas/questions';
import type { Db } from '../../../ports/db';
import type {
  AnswerCountsRow,
  QuestionCountsRow,
  QuestionReads,
  QuestionsPageRow,
} from '../../../ports/tables/question-reads';

/**
 * One row per answer to a student (the assistant message; a creator trying their own
 * course in the student view is left out), newest first, with the question that led
 * to it (the session's latest user message at or before it: both are written in one
 * transaction) and the student as Whop names them. Cited moments take their titles
 * from the stored sources, so a deleted lesson still reads as it did. Reads
 * chat_messages, with the session (who asked) and users (the student's name).
 *
 * $1 creator id, $2/$3 the cursor (time, id) or nulls, $4 rows wanted,
 * $5 outcome, $6 cited lesson, $7/$8 from (inclusive) / to (exclusive) times,
 * $9 words the question must hold (full-text, English stemming), $10 answer characters kept.
 * Keyset order on (created_at, id) walks chat_messages_answers_page_idx (or the
 * unanswered / 👎 partial index), so a page costs the same at row 100,000 as at row 1
 * (bench/questions-page.bench.ts). The outcome test is written so that, with the
 * parameter's value planned in, it folds to the partial index's own predicate.
 */
const QUESTIONS_PAGE_SQL = `
  select a.id, a.status, a.feedback, a.latency_ms, left(a.content, $10) as answer,
         to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
         jsonb_array_length(a.sources) = 0 as no_answer,
         coalesce(q.content, '') as question,
         a.user_id, usr.name as user_name, usr.username as user_username,
         coalesce((
           select jsonb_agg(jsonb_build_object(
                    'videoId', c->>'videoId',
                    'startSeconds', (c->>'startSeconds')::numeric,
                    'videoTitle', (select s->>'videoTitle' from jsonb_array_elements(a.sources) s where s->'n' = c->'n' limit 1))
                  order by x.ord)
             from jsonb_array_elements(a.citations) with ordinality as x(c, ord)
         ), '[]'::jsonb) as cited
    from chat_messages a
    -- Per row, not hashed: with LIMIT the walk stops after a page, while a hash join would
    -- first read every session of the creator (measured 0.6 s at 100k). OFFSET 0 keeps it a subquery.
    cross join lateral (
      select 1 from chat_sessions s where s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student' offset 0
    ) student
    left join lateral (select usr.name, usr.username from users usr where usr.id = a.user_id offset 0) usr on true
    left join lateral (
      select u.content from chat_messages u
       where u.session_id = a.session_id and u.creator_id = $1 and u.role = 'user' and u.created_at <= a.created_at
       order by u.created_at desc limit 1
    ) q on true
   where a.creator_id = $1 and a.role = 'assistant' and a.status <> 'streaming'
     and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
     and ($5::text = 'all'
          or ($5::text = 'unanswered' and jsonb_array_length(a.sources) = 0)
          or ($5::text = 'thumbs_down' and a.feedback = -1))
     and ($6::text is null or a.citations @> jsonb_build_array(jsonb_build_object('videoId', $6::text)))
     and ($7::timestamptz is null or a.created_at >= $7::timestamptz)
     and ($8::timestamptz is null or a.created_at < $8::timestamptz)
     -- Words (stemmed, all of them): sessions with a matching question through the GIN index,
     -- then the answer's own question.
     and ($9::text is null or (a.session_id in (
           select m.session_id from chat_messages m
            where m.creator_id = $1 and m.role = 'user' and to_tsvector('english', m.content) @@ plainto_tsquery('english', $9::text))
         and to_tsvector('english', q.content) @@ plainto_tsquery('english', $9::text)))
   order by a.created_at desc, a.id desc
   limit $4`;

const ANSWER_COUNTS_SQL = `
  select count(*)::int as questions,
         count(*) filter (where feedback = 1)::int as up,
         count(*) filter (where feedback = -1)::int as down,
         count(*) filter (where jsonb_array_length(sources) = 0)::int as unanswered
    from chat_messages m
   where m.creator_id = $1 and m.role = 'assistant' and m.status <> 'streaming' and m.created_at >= $2::timestamptz
     -- Per row (OFFSET 0 keeps it a subplan): a week's answers, not a hash of every session.
     and exists (select 1 from chat_sessions s where s.id = m.session_id and s.creator_id = $1 and s.asked_as = 'student' offset 0)`;

const DAY_MS = 24 * 3600 * 1000;

/** The filter parameters ($5…$9) in order; `to` is a whole day, so the bound is the next midnight. */
function filterParams(filters: Partial<QuestionsFilters>): unknown[] {
  const from = filters.from ? new Date(`${filters.from}T00:00:00Z`) : null;
  const to = filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS) : null;
  return [
    filters.outcome ?? 'all',
    filters.videoId ?? null,
    from && !Number.isNaN(from.getTime()) ? from.toISOString() : null,
    to && !Number.isNaN(to.getTime()) ? to.toISOString() : null,
    filters.search ? filters.search : null,
  ];
}

/** Reads of chat_messages for the Questions tab, notes and plan (the chat module writes the table). */
export function questionReads(db: Pick<Db, 'query'>): QuestionReads {
  const one = async <Row>(sql: string, params: readonly unknown[]) => (await db.query<Row>(sql, params))[0] ?? null;
  return {
    answersPage: (input) =>
      db.query<QuestionsPageRow>(QUESTIONS_PAGE_SQL, [
        input.creatorId,
        input.cursor?.at ?? null,
        input.cursor?.id ?? null,
        input.limit,
        ...filterParams(input.filters),
        input.answerChars,
      ]),
    answerCounts: (input) => one<AnswerCountsRow>(ANSWER_COUNTS_SQL, [input.creatorId, input.since]),
    questionOfAnswer: (input) =>
      one<{ question: string | null }>(
        `select (select u.content from chat_messages u
                  where u.session_id = a.session_id and u.creator_id = $2 and u.role = 'user' and u.created_at <= a.created_at
                  order by u.created_at desc limit 1) as question
           from chat_messages a where a.id = $1 and a.creator_id = $2 and a.role = 'assistant'`,
        [input.messageId, input.creatorId],
      ),
    questionCounts: (input) =>
      one<QuestionCountsRow>(
        `select count(*) filter (where created_at >= $2::date)::text as today_q,
                count(*)::text as month_q,
                count(distinct user_id)::text as students
           from chat_messages
          where creator_id = $1 and role = 'user' and created_at >= $3::date`,
        [input.creatorId, input.today, input.monthStart],
      ),
  };
}
