import type { Db } from '../../server/ports/db';

export interface SeededQuestion {
  userId: string;
  question: string;
  /** null: nothing cleared the floor (sources empty), as the chat stores it. */
  cited?: { videoId: string; videoTitle: string; startSeconds: number; score: number } | null;
  feedback?: 1 | -1 | null;
  /** Days before now. */
  daysAgo?: number;
  userName?: string;
}

/**
 * Student questions written the way the chat writes them (a session, the user
 * message, the settled assistant message with its sources and citations), in bulk.
 * For worlds with many students; tests that need the real chat path ask through it.
 */
export async function seedStudentQuestions(
  db: Db,
  tenant: { companyId: string; experienceId: string },
  rows: readonly SeededQuestion[],
) {
  await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [tenant.companyId]);
  await db.query(`insert into experiences (id, creator_id) values ($1, $2) on conflict do nothing`, [
    tenant.experienceId,
    tenant.companyId,
  ]);
  const payload = rows.map((r) => ({
    user_id: r.userId,
    user_name: r.userName ?? null,
    question: r.question,
    sources: r.cited
      ? [
          {
            n: 1,
            videoId: r.cited.videoId,
            videoTitle: r.cited.videoTitle,
            startSeconds: r.cited.startSeconds,
            endSeconds: r.cited.startSeconds + 30,
            score: r.cited.score,
            text: '…',
          },
        ]
      : [],
    citations: r.cited ? [{ n: 1, videoId: r.cited.videoId, startSeconds: r.cited.startSeconds }] : [],
    feedback: r.feedback ?? null,
    days_ago: r.daysAgo ?? 0,
  }));
  await db.query(
    `with input as (
       select x.*, gen_random_uuid() as session_id, now() - make_interval(secs => x.days_ago * 86400) as at
         from jsonb_to_recordset($3::jsonb) as x(user_id text, user_name text, question text, sources jsonb, citations jsonb, feedback smallint, days_ago float8)
     ), users_in as (
       insert into users (id, name) select distinct on (user_id) user_id, user_name from input
       on conflict (id) do update set name = coalesce(excluded.name, users.name) returning id
     ), sessions_in as (
       insert into chat_sessions (id, creator_id, experience_id, user_id, title, created_at, updated_at)
       select session_id, $1, $2, user_id, left(question, 60), at, at from input where exists (select 1 from users_in) returning id
     ), questions_in as (
       insert into chat_messages (session_id, creator_id, user_id, role, content, created_at)
       select i.session_id, $1, i.user_id, 'user', i.question, i.at - interval '1 second' from input i join sessions_in s on s.id = i.session_id returning id
     )
     insert into chat_messages (session_id, creator_id, user_id, role, content, status, sources, citations, feedback, latency_ms, created_at)
     select i.session_id, $1, i.user_id, 'assistant',
            case when jsonb_array_length(i.sources) = 0 then 'Nothing in this course covers that yet.' else 'Here is what the lesson says [1].' end,
            'complete', i.sources, i.citations, i.feedback, 800, i.at
       from input i join sessions_in s on s.id = i.session_id where exists (select 1 from questions_in)`,
    [tenant.companyId, tenant.experienceId, JSON.stringify(payload)],
  );
}
