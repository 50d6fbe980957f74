import type { Db } from '../../../ports/db';
import type { AnswersDayRow, CitedLessonRow, GapAnswerRow, InsightReads } from '../../../ports/tables/insight-reads';

/** For answers `a`: only those in students' sessions (a creator's own trials left out). */
const STUDENTS_ONLY = `join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'`;

/**
 * Students' settled answers that said nothing relevant was found (no sources), got a
 * 👎, or rested on a low-confidence source; minus those a later lesson answered
 * (content_gap_resolutions: read here, written by its own module).
 * $1 creator, $2 since, $3 low-confidence score, $4 rows at most (newest first).
 */
const GAP_ANSWERS_SQL = `
  select a.id, a.user_id, a.created_at, coalesce(q.content, '') as question,
         jsonb_array_length(a.sources) = 0 as no_answer, a.feedback = -1 as down
    from chat_messages a
    ${STUDENTS_ONLY}
    left join lateral (
      select u.content from chat_messages u
       where u.session_id = a.session_id and u.creator_id = $1 and u.role = 'user' and u.created_at <= a.created_at
       order by u.created_at desc limit 1
    ) q on true
   where a.creator_id = $1 and a.role = 'assistant' and a.status = 'complete' and a.created_at >= $2::timestamptz
     and (jsonb_array_length(a.sources) = 0 or a.feedback = -1
          or (select max((e->>'score')::float8) from jsonb_array_elements(a.sources) e) < $3)
     and not exists (select 1 from content_gap_resolutions r where r.message_id = a.id and r.creator_id = $1)
   order by a.created_at desc
   limit $4`;

/**
 * Students' settled answers per UTC day (answered, or not covered) and distinct
 * students; every day of the window appears, zeros included, so a chart and its table
 * read the same. $1 creator, $2 first day (UTC date), $3 days.
 */
const DAYS_SQL = `
  with days as (select ($2::date + g)::date as day from generate_series(0, $3::int - 1) g),
  answers as (
    select (a.created_at at time zone 'UTC')::date as day,
           count(*) filter (where jsonb_array_length(a.sources) > 0)::int as answered,
           count(*) filter (where jsonb_array_length(a.sources) = 0)::int as unanswered,
           count(distinct a.user_id)::int as students
      from chat_messages a
      ${STUDENTS_ONLY}
     where a.creator_id = $1 and a.role = 'assistant' and a.status = 'complete' and a.created_at >= $2::date
     group by 1
  )
  select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(a.answered, 0) as answered, coalesce(a.unanswered, 0) as unanswered,
         coalesce(a.students, 0) as students
    from days d left join answers a on a.day = d.day
   order by d.day`;

/** Lessons by how often answers in the window cited them; titles from the live lesson (videos, joined). */
const CITED_SQL = `
  select (c->>'videoId')::uuid as video_id, v.title, count(*)::int as citations
    from chat_messages a
    ${STUDENTS_ONLY}
    cross join lateral jsonb_array_elements(a.citations) c
    join videos v on v.id = (c->>'videoId')::uuid and v.creator_id = $1
   where a.creator_id = $1 and a.role = 'assistant' and a.created_at >= $2::date
   group by 1, 2
   order by citations desc, v.title
   limit 10`;

/**
 * Start seconds of every citation of this lesson in students' answers (creators'
 * own trials left out, as in Insights), the creator's rows only. $1 creator, $2 video.
 */
const CITATION_STARTS_SQL = `
  select (c->>'startSeconds')::float8 as start
    from chat_messages a
    ${STUDENTS_ONLY}
    cross join lateral jsonb_array_elements(a.citations) c
   where a.creator_id = $1 and a.role = 'assistant'
     and a.citations @> jsonb_build_array(jsonb_build_object('videoId', $2::text))
     and c->>'videoId' = $2::text`;

/** Reads of chat_messages for Insights and the heat strip (the chat module writes the table). */
export function insightReads(db: Pick<Db, 'query'>): InsightReads {
  return {
    gapAnswers: (input) =>
      db.query<GapAnswerRow>(GAP_ANSWERS_SQL, [
        input.creatorId,
        input.since.toISOString(),
        input.lowConfidenceScore,
        input.limit,
      ]),
    answersPerDay: (input) => db.query<AnswersDayRow>(DAYS_SQL, [input.creatorId, input.firstDay, input.days]),
    mostCitedLessons: (input) => db.query<CitedLessonRow>(CITED_SQL, [input.creatorId, input.since]),
    citationStarts: (input) => db.query<{ start: number }>(CITATION_STARTS_SQL, [input.creatorId, input.videoId]),
  };
}
