import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../shared/whop-context';
import { createPacedAnswerer } from './support/bench-answerers';
import { benchTokens, chatRequestInit, createBenchApp } from './support/bench-app';
import { type BenchDatabase, openBenchDatabase } from './support/bench-database';
import { BENCH_POOL_SIZE, openBenchPostgresDatabase } from './support/bench-postgres-database';
import { experienceIdOf, sampleQuestions, studentIdOf } from './support/course-corpus';
import { ms, percentile, spread } from './support/latency-stats';
import type { LoadRequest } from './support/load-client';
import { startLoadClient } from './support/load-client-process';
import { completed } from './support/sse-reader';

const CHATS = 200;
/**
 * Chats sent first, untimed (see below): one burst the size of the timed one. With 40, the
 * variant run first in a process was the slower one whichever it was (first byte p95
 * 374–436 ms first against 337–394 ms second, 2026-12-03 10:10 UTC): the server's code for
 * 200 streams at once was not yet optimised, so the figure was partly a cold start.
 */
const WARM_CHATS = CHATS;
const STUDENTS_PER_CREATOR = 4;
/** ~50 tokens 20 ms apart (±50%): about a second of streaming, like a short LLM answer. */
const ANSWER = { tokens: 50, delayMs: 20 };

/**
 * 200 students asking at the same moment, over real HTTP: the app served by
 * @hono/node-server on a random port in this process, and the 200 students in a
 * second Node process (support/load-client.ts: as 200 browsers, they do not share
 * the server's event loop), each request reading the server-sent events to the end.
 * Target (issue #6): 0 errors; p95 time to first byte reported.
 */
export async function benchConcurrentChats() {
  return measureConcurrentChats(await openBenchDatabase(), 'PGlite', { errors: '0 errors' });
}

/**
 * The same 200 streams on a real PostgreSQL 15 server through a pool of BENCH_POOL_SIZE
 * connections (requests queue for one, as behind Hyperdrive or the Supabase pooler),
 * with named prepared statements as the Worker runs through Hyperdrive, and without, as
 * Node runs through Supabase's transaction pooler (DATABASE_PREPARE=false).
 * Target (issue #11): 0 errors, first byte p95 < 500 ms.
 */
export async function benchConcurrentChatsPostgres() {
  const pg = await openBenchPostgresDatabase();
  return measureConcurrentChats(
    { ...pg, db: pg.preparedDb },
    `PostgreSQL 15 server, pool of ${BENCH_POOL_SIZE}, prepared statements (as through Hyperdrive)`,
    POSTGRES_TARGET,
  );
}

export async function benchConcurrentChatsPostgresUnprepared() {
  return measureConcurrentChats(
    await openBenchPostgresDatabase(),
    `PostgreSQL 15 server, pool of ${BENCH_POOL_SIZE}, no prepared statements (as through a transaction pooler)`,
    POSTGRES_TARGET,
  );
}

const POSTGRES_TARGET = { errors: '0 errors, first byte p95 < 500 ms', firstByteP95Ms: 500 };

async function measureConcurrentChats(
  { db, creators, chunks }: BenchDatabase,
  engine: string,
  target: { errors: string; firstByteP95Ms?: number },
) {
  const { app } = await createBenchApp(db, createPacedAnswerer(ANSWER));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const tokens = await benchTokens(creators, STUDENTS_PER_CREATOR);
    const client = await startLoadClient(base);
    try {
      // Students who already opened the app: their Whop access and profile are cached, as in steady use.
      const warmUp: LoadRequest[] = [];
      for (let c = 0; c < creators; c++) {
        for (let s = 0; s < STUDENTS_PER_CREATOR; s++) {
          const headers = {
            [USER_TOKEN_HEADER]: tokens.get(studentIdOf(c, s))!,
            [EXPERIENCE_HEADER]: experienceIdOf(c),
          };
          warmUp.push({ path: '/api/usage', init: { headers } });
        }
      }
      await client.warm(warmUp);
      const toRequests = (questions: ReturnType<typeof sampleQuestions>) =>
        questions.map((q, i) => ({
          path: '/api/chat',
          init: chatRequestInit(q, Math.floor(i / creators) % STUDENTS_PER_CREATOR, tokens),
        }));
      // A first, untimed burst: the pool's connections, their statements, both processes' JIT and the
      // database's caches warm, so the figure is the steady state (as after chat-question's warm-up).
      const warmed = await client.burst(toRequests(sampleQuestions(WARM_CHATS, creators, 7)));
      if (!warmed.every(completed)) throw new Error('The warm-up burst did not complete.');
      const requests = toRequests(sampleQuestions(CHATS, creators, 13));
      const started = performance.now();
      const results = await client.burst(requests);
      const wallMs = performance.now() - started;
      const ok = results.filter(completed);
      const failures = results.filter((r) => !completed(r));
      return {
        name: `${CHATS} concurrent streaming chats, server in one Node process (clients in another), ${engine} (${chunks.toLocaleString('en')} chunks, ${ANSWER.tokens}-token answers)`,
        figures: {
          errors:
            failures.length === 0
              ? '0'
              : `${failures.length} (first: ${failures[0]!.status} ${failures[0]!.error?.slice(0, 120)})`,
          'first byte p50/p95/p99': spread(ok.map((r) => r.firstByteMs)),
          // The sources event: the search done, behind the opened stream (admission first: server/http/admission-first.ts).
          'sources p50/p95/p99': spread(ok.map((r) => r.metaMs)),
          'whole p50/p95/p99': spread(ok.map((r) => r.totalMs)),
          'all done in': ms(wallMs),
          'tokens streamed': ok.reduce((sum, r) => sum + r.events.filter((e) => e === 'token').length, 0),
          target: target.errors,
          verdict:
            failures.length === 0 &&
            (target.firstByteP95Ms === undefined ||
              percentile(
                [...ok.map((r) => r.firstByteMs)].sort((a, b) => a - b),
                95,
              ) < target.firstByteP95Ms)
              ? 'met'
              : 'MISSED',
        },
      };
    } finally {
      client.close();
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
