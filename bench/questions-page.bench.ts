import { applyMigrations } from '../server/adapters/db/migrate';
import { readMigrationFiles } from '../server/adapters/db/migration-files';
import { openPgliteDb } from '../server/adapters/db/pglite-db';
import { exportStudentQuestions } from '../server/domain/questions/export-student-questions';
import { listStudentQuestions } from '../server/domain/questions/list-student-questions';
import type { Db } from '../server/ports/db';
import { ms, spread } from './support/latency-stats';

const CREATOR = 'biz_questionsbench';
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const RUNS = 30;
const SEED_BATCH = 10_000;
const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';

/**
 * 100,000 student questions for one creator (over a year, 2,000 students, one in
 * eight unanswered, one in twenty 👎, a third citing one lesson), written in SQL in
 * the shape the chat writes; a second creator's 10,000 beside them.
 */
async function seed(db: Db) {
  await db.query(`insert into creators (id) values ($1), ('biz_otherbench')`, [CREATOR]);
  await db.query(
    `insert into experiences (id, creator_id) values ('exp_questionsbench', $1), ('exp_otherbench', 'biz_otherbench')`,
    [CREATOR],
  );
  await db.query(
    `insert into users (id, name, username) select 'user_b' || g, 'Student ' || g, 'student' || g from generate_series(1, 2000) g`,
  );
  for (const [creator, experience, count] of [
    [CREATOR, 'exp_questionsbench', QUESTIONS],
    ['biz_otherbench', 'exp_otherbench', 10_000],
  ] as const) {
    // In batches of 10,000: one statement of 300,000 rows holds every row's triggers in memory.
    for (let start = 1; start <= count; start += SEED_BATCH) {
      await db.query(
        `with q as (
         select g, gen_random_uuid() as sid, 'user_b' || (1 + g % 2000) as uid,
                now() - make_interval(secs => g * (365.0 * 86400 / $3)) as at
           from generate_series($5::int, least($5::int + $6::int - 1, $3::int)) g
       ), s as (
         insert into chat_sessions (id, creator_id, experience_id, user_id, created_at, updated_at)
         select sid, $1, $2, uid, at, at from q returning id
       ), u as (
         insert into chat_messages (session_id, creator_id, user_id, role, content, created_at)
         select sid, $1, uid, 'user', 'Question ' || g || ' about ' || (array['hydration','starter','crumb','scoring','proofing'])[1 + g % 5], at - interval '1 second'
           from q where exists (select 1 from s) returning id
       )
       insert into chat_messages (session_id, creator_id, user_id, role, content, status, sources, citations, feedback, latency_ms, created_at)
       select sid, $1, uid, 'assistant', 'An answer [1] with some length to it, as answers have.', 'complete',
              case when g % 8 = 0 then '[]'::jsonb else jsonb_build_array(jsonb_build_object('n', 1, 'videoId', $4::text, 'videoTitle', 'Lesson', 'startSeconds', 30, 'score', 0.03)) end,
              case when g % 8 = 0 then '[]'::jsonb when g % 3 = 0 then jsonb_build_array(jsonb_build_object('n', 1, 'videoId', $4::text, 'startSeconds', 30)) else '[]'::jsonb end,
              case when g % 20 = 0 then -1 when g % 7 = 0 then 1 end, 900, at
         from q where exists (select 1 from u)`,
        [creator, experience, count, VIDEO, start, SEED_BATCH],
      );
    }
  }
  await db.query('analyze');
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

/** The Questions tab's pages at 100k questions: first, deep (keyset) beside OFFSET, filtered, and a CSV export. */
export async function benchQuestionsPage() {
  const db = await openPgliteDb();
  await applyMigrations(db, await readMigrationFiles());
  const seeding = performance.now();
  await seed(db);
  const seeded = performance.now() - seeding;
  const ports = { db, clock: { now: () => new Date() } };
  const list = (input: Partial<Parameters<typeof listStudentQuestions>[1]>) =>
    listStudentQuestions(ports, { creatorId: CREATOR, limit: 20, ...input });
  // A cursor half-way down: the 50,000th question.
  const [middle] = await db.query<{ at: string; id: string }>(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from chat_messages
      where creator_id = $1 and role = 'assistant' order by created_at desc, id desc offset $2 limit 1`,
    [CREATOR, Math.floor(QUESTIONS / 2)],
  );
  const cursor = `${middle!.at}_${middle!.id}`;
  const offsetPage = () =>
    db.query(
      `select a.id from chat_messages a join chat_sessions s on s.id = a.session_id and s.asked_as = 'student'
        where a.creator_id = $1 and a.role = 'assistant' order by a.created_at desc, a.id desc offset $2 limit 20`,
      [CREATOR, Math.floor(QUESTIONS / 2)],
    );
  const figures: Record<string, string> = {
    questions: `${QUESTIONS.toLocaleString('en-US')} (+10,000 of another creator), seeded in ${(seeded / 1000).toFixed(1)} s`,
    'first page': spread(await time(() => list({}))),
    'page at row 50,000': spread(await time(() => list({ cursor }))),
    'OFFSET 50,000 (ids only)': spread(await time(offsetPage)),
    unanswered: spread(await time(() => list({ outcome: 'unanswered' }))),
    'thumbs down, deep': spread(await time(() => list({ outcome: 'thumbs_down', cursor }))),
    'one lesson': spread(await time(() => list({ videoId: VIDEO }))),
    'last 7 days': spread(
      await time(() => list({ from: new Date(Date.now() - 7 * 86400_000).toISOString().slice(0, 10) })),
    ),
    'search (common word)': spread(await time(() => list({ search: 'crumb' }))),
    'search (no match)': spread(await time(() => list({ search: 'xylophone' }))),
  };
  const started = performance.now();
  const exported = await exportStudentQuestions({ db }, { creatorId: CREATOR, outcome: 'all' });
  figures['CSV export'] =
    `${exported.rows.toLocaleString('en-US')} rows, ${(exported.csv.length / 1e6).toFixed(1)} MB in ${ms(performance.now() - started)}`;
  await db.close();
  return {
    name: `Questions tab at ${QUESTIONS.toLocaleString('en-US')} questions (PGlite; p50 / p95 / p99 of ${RUNS})`,
    figures,
  };
}
