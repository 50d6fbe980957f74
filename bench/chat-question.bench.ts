import { createInstantAnswerer } from './support/bench-answerers';
import { benchTokens, chatRequestInit, createBenchApp } from './support/bench-app';
import { type BenchDatabase, openBenchDatabase } from './support/bench-database';
import { openBenchPostgresDatabase } from './support/bench-postgres-database';
import { sampleQuestions } from './support/course-corpus';
import { median, spread } from './support/latency-stats';
import { completed, type ReadChatStream, readChatStream } from './support/sse-reader';

/** Students asking per creator: each is warmed up once, as a student who already opened the app. */
const STUDENTS_PER_CREATOR = 4;
/**
 * Questions asked before timing, per creator (other questions than the measured ones):
 * enough that each creator's HNSW graph and chunks are mostly in Postgres' buffers, as
 * they are on a server in use. With 4 per creator, the first run on a cold machine read
 * most of its pages from disk during the measured questions (p50 29–40 ms vs 21–25 warm).
 */
const WARMUP_PER_CREATOR = 20;
const MEASURED = 250;

/**
 * The server's own cost of one student question, through the real HTTP app
 * (token verification, Whop facts from the database cache, quota reservation,
 * hybrid retrieval over 100k chunks, prompt sources, stream, exchange stored),
 * with the LLM replaced by an answerer that replies at once.
 * Target (issue #6): p50 < 25 ms.
 */
export async function benchChatQuestion() {
  return measureChatQuestion(await openBenchDatabase(), 'PGlite');
}

/** The same on a real PostgreSQL 15 server, through the app's connection pool (printed beside PGlite's). */
export async function benchChatQuestionPostgres() {
  return measureChatQuestion(await openBenchPostgresDatabase(), 'PostgreSQL 15 server');
}

async function measureChatQuestion({ db, creators, chunks, buildMs }: BenchDatabase, engine: string) {
  const { app, whopCalls } = await createBenchApp(db, createInstantAnswerer());
  const warmup = sampleQuestions(creators * WARMUP_PER_CREATOR, creators, 3);
  const questions = sampleQuestions(MEASURED, creators, 5);
  const tokens = await benchTokens(creators, STUDENTS_PER_CREATOR);

  const ask = async (q: (typeof questions)[number], i: number): Promise<ReadChatStream> => {
    // Questions go round the creators; the student follows the question's rank among its creator's.
    const init = chatRequestInit(q, Math.floor(i / creators) % STUDENTS_PER_CREATOR, tokens);
    const started = performance.now();
    return readChatStream(await app.request('/api/chat', init), started);
  };
  for (const [i, q] of warmup.entries()) await ask(q, i);

  const whopCallsBefore = whopCalls.count;
  const results: ReadChatStream[] = [];
  const started = performance.now();
  for (const [i, q] of questions.entries()) results.push(await ask(q, i));
  const wallMs = performance.now() - started;

  const ok = results.filter(completed);
  // Ground truth: the lesson whose chunk the question was written from.
  const rightLesson = results.filter(
    (r, i) =>
      completed(r) && r.meta?.sources?.some((s) => s.videoTitle.startsWith(`Lesson ${questions[i]!.video + 1}:`)),
  ).length;
  const p50 = median(ok.map((r) => r.totalMs));
  return {
    name: `one chat question, server side, ${engine} (${chunks.toLocaleString('en')} chunks, ${creators} creators, instant answerer)`,
    figures: {
      questions: `${results.length} (after ${warmup.length} warm-up)`,
      errors: results.length - ok.length,
      'to meta p50/p95/p99': spread(ok.map((r) => r.metaMs)),
      'whole p50/p95/p99': spread(ok.map((r) => r.totalMs)),
      'questions/s (serial)': (results.length / (wallMs / 1000)).toFixed(0),
      'answer lesson cited': `${rightLesson}/${ok.length} in the sources`,
      'Whop API calls': whopCalls.count - whopCallsBefore,
      'data set build': buildMs === null ? 'cached' : `${(buildMs / 1000).toFixed(0)} s (one-off)`,
      target: 'p50 < 25 ms',
      verdict: p50 < 25 ? 'met' : 'MISSED',
    },
  };
}
