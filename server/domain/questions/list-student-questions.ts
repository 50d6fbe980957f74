import type { CitedMoment, QuestionsQuery, StudentQuestion, StudentQuestionsPage } from '../../../shared/schemas/questions';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export interface ListStudentQuestionsPorts {
  db: Db;
  clock: Clock;
}

export type ListStudentQuestionsInput = QuestionsQuery & { creatorId: string };

/** Characters of the answer shown in the list: enough to judge it, not the whole answer. */
export const EXCERPT_CHARS = 280;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * One row per answer to a student (the assistant message; a creator trying their own
 * course in the student view is left out), newest first, with the question
 * that led to it (the session's latest user message at or before it: both are
 * written in one transaction). Cited moments take their titles from the stored
 * sources, so a deleted lesson still reads as it did. $1 creator id, $2/$3 the
 * cursor (time, id) or nulls, $4 rows wanted.
 */
const PAGE_SQL = `
  select a.id, a.status, a.feedback, a.latency_ms, left(a.content, 600) as answer,
         to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
         jsonb_array_length(a.sources) = 0 as no_answer,
         coalesce(q.content, '') as question,
         coalesce((
           select jsonb_agg(jsonb_build_object(
                    'videoId', c->>'videoId',
                    'startSeconds', (c->>'startSeconds')::numeric,
                    'videoTitle', (select s->>'videoTitle' from jsonb_array_elements(a.sources) s where s->'n' = c->'n' limit 1))
                  order by x.ord)
             from jsonb_array_elements(a.citations) with ordinality as x(c, ord)
         ), '[]'::jsonb) as cited
    from chat_messages a
    join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'
    left join lateral (
      select u.content from chat_messages u
       where u.session_id = a.session_id and u.creator_id = $1 and u.role = 'user' and u.created_at <= a.created_at
       order by u.created_at desc limit 1
    ) q on true
   where a.creator_id = $1 and a.role = 'assistant' and a.status <> 'streaming'
     and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
   order by a.created_at desc, a.id desc
   limit $4`;

const SUMMARY_SQL = `
  select count(*)::int as questions,
         count(*) filter (where feedback = 1)::int as up,
         count(*) filter (where feedback = -1)::int as down,
         count(*) filter (where jsonb_array_length(sources) = 0)::int as unanswered
    from chat_messages m
    join chat_sessions s on s.id = m.session_id and s.creator_id = $1 and s.asked_as = 'student'
   where m.creator_id = $1 and m.role = 'assistant' and m.status <> 'streaming' and m.created_at >= $2::timestamptz`;

interface PageRow {
  id: string;
  status: StudentQuestion['status'];
  feedback: number | null;
  latency_ms: number | null;
  answer: string;
  at: string;
  no_answer: boolean;
  question: string;
  cited: unknown;
}

/** The answer's opening, without citation markers, cut at a word. */
export function answerExcerpt(answer: string): string {
  const plain = answer.replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= EXCERPT_CHARS) return plain;
  const cut = plain.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Each cited moment once, in citation order. */
function citedMoments(raw: unknown): CitedMoment[] {
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { videoId: string; videoTitle: string | null; startSeconds: number | string }[];
  const seen = new Set<string>();
  const moments: CitedMoment[] = [];
  for (const c of list ?? []) {
    const moment = { videoId: c.videoId, videoTitle: c.videoTitle ?? '', startSeconds: Number(c.startSeconds) };
    const key = `${moment.videoId}@${moment.startSeconds}`;
    if (!seen.has(key)) moments.push(moment);
    seen.add(key);
  }
  return moments;
}

/** What the creator's students asked, newest first, with how each answer went, and this week's counts. */
export async function listStudentQuestions(ports: ListStudentQuestionsPorts, input: ListStudentQuestionsInput): Promise<StudentQuestionsPage> {
  const [cursorAt, cursorId] = input.cursor ? input.cursor.split('_') : [null, null];
  const weekAgo = new Date(ports.clock.now().getTime() - WEEK_MS).toISOString();
  const [rows, [summary]] = await Promise.all([
    ports.db.query<PageRow>(PAGE_SQL, [input.creatorId, cursorAt, cursorId, input.limit + 1]),
    ports.db.query<{ questions: number; up: number; down: number; unanswered: number }>(SUMMARY_SQL, [input.creatorId, weekAgo]),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    summary: {
      questionsThisWeek: Number(summary?.questions ?? 0),
      thumbsUp: Number(summary?.up ?? 0),
      thumbsDown: Number(summary?.down ?? 0),
      unanswered: Number(summary?.unanswered ?? 0),
    },
    questions: page.map((r) => ({
      id: r.id,
      question: r.question,
      askedAt: r.at,
      answerExcerpt: answerExcerpt(r.answer),
      status: r.status,
      feedback: r.feedback === 1 || r.feedback === -1 ? r.feedback : null,
      noAnswer: r.no_answer,
      cited: citedMoments(r.cited),
      latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.at}_${last.id}` : null,
  };
}
