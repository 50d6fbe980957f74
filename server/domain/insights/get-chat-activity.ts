import type { ActivityResponse } from '../../../shared/schemas/insights';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export const ACTIVITY_DAYS = 30;

/**
 * Students' settled answers per UTC day (answered, or not covered), distinct students,
 * and the day's chat cost; every day of the window appears, zeros included, so a chart
 * and its table read the same. Costs are the creator's chat operations (api_costs, read
 * through its table), so a creator's own trials count in cost (they were paid for) but
 * not in questions.
 * $1 creator, $2 first day (UTC date), $3 days.
 */
const DAYS_SQL = `
  with days as (select ($2::date + g)::date as day from generate_series(0, $3::int - 1) g),
  answers as (
    select (a.created_at at time zone 'UTC')::date as day,
           count(*) filter (where jsonb_array_length(a.sources) > 0)::int as answered,
           count(*) filter (where jsonb_array_length(a.sources) = 0)::int as unanswered,
           count(distinct a.user_id)::int as students
      from chat_messages a
      join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'
     where a.creator_id = $1 and a.role = 'assistant' and a.status = 'complete' and a.created_at >= $2::date
     group by 1
  )
  select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(a.answered, 0) as answered, coalesce(a.unanswered, 0) as unanswered,
         coalesce(a.students, 0) as students
    from days d left join answers a on a.day = d.day
   order by d.day`;

/** Lessons by how often answers in the window cited them; titles from the live lesson. */
const CITED_SQL = `
  select (c->>'videoId')::uuid as video_id, v.title, count(*)::int as citations
    from chat_messages a
    join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'
    cross join lateral jsonb_array_elements(a.citations) c
    join videos v on v.id = (c->>'videoId')::uuid and v.creator_id = $1
   where a.creator_id = $1 and a.role = 'assistant' and a.created_at >= $2::date
   group by 1, 2
   order by citations desc, v.title
   limit 10`;

/** What the Insights charts draw: the last 30 days of questions, students and cost, and the most-cited lessons. */
export async function getChatActivity(
  ports: { db: Db; clock: Clock },
  input: { creatorId: string },
): Promise<ActivityResponse> {
  const today = ports.clock.now();
  const first = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (ACTIVITY_DAYS - 1)),
  );
  const firstDay = first.toISOString().slice(0, 10);
  const [days, costs, cited] = await Promise.all([
    ports.db.query<{ day: string; answered: number; unanswered: number; students: number }>(DAYS_SQL, [
      input.creatorId,
      firstDay,
      ACTIVITY_DAYS,
    ]),
    ports.db.tables.apiCosts.dailyChatCosts({ creatorId: input.creatorId, since: firstDay }),
    ports.db.query<{ video_id: string; title: string; citations: number }>(CITED_SQL, [input.creatorId, firstDay]),
  ]);
  const costOf = new Map(costs.map((c) => [c.day, Number(c.cost_usd)]));
  const series = days.map((d) => ({
    day: d.day,
    answered: Number(d.answered),
    unanswered: Number(d.unanswered),
    students: Number(d.students),
    costUsd: costOf.get(d.day) ?? 0,
  }));
  const answers = series.reduce((n, d) => n + d.answered + d.unanswered, 0);
  const cost = series.reduce((n, d) => n + d.costUsd, 0);
  return {
    days: series,
    costPerAnswerUsd: answers > 0 ? cost / answers : null,
    mostCitedLessons: cited.map((c) => ({ videoId: c.video_id, videoTitle: c.title, citations: Number(c.citations) })),
  };
}
