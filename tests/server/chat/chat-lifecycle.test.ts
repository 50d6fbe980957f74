import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { holdQuestion } from '../../../server/domain/chat/hold-question';
import { reconcileUnfinishedAnswers } from '../../../server/domain/chat/reconcile-unfinished-answers';
import { startQuestion } from '../../../server/domain/chat/start-question';
import { streamAnswer } from '../../../server/domain/chat/stream-answer';
import type { ViewerContext } from '../../../server/domain/identity/viewer-context';
import { indexTranscript } from '../../../server/domain/ingestion/index-transcript';
import { getChatUsage } from '../../../server/domain/quotas/chat-quota';
import {
  type AbortSignalLike,
  type AnswerEvent,
  type Answerer,
  AnswerInterruptedError,
} from '../../../server/ports/answerer';
import type { Db } from '../../../server/ports/db';
import type { Embedder } from '../../../server/ports/embedder';
import { ChatSessionList, ChatSessionMessages } from '../../../shared/schemas/chat-history';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

/**
 * The life of one question from the quota's point of view: reserved before the
 * stream, kept only when an answer was delivered, given back exactly once when
 * the answer fails, is refused, or the server dies mid-stream.
 */
installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];

/** What the next answers do; the default is the real offline answerer. */
type Script = (signal?: AbortSignalLike) => AsyncIterable<AnswerEvent>;
let script: Script | null = null;
const offline = createOfflineExtractiveAnswerer();
const answerer: Answerer = {
  name: 'scripted',
  provider: null,
  mode: 'offline',
  stream: (input, signal) => (script ? script(signal) : offline.stream(input, signal)),
};
let embedderFails = false;
/** When set, the search waits for it: what the student receives while the server is still searching. */
let searchGate: Promise<void> | null = null;
const lexical = createOfflineLexicalEmbedder();
const embedder: Embedder = {
  ...lexical,
  embed: async (texts) => {
    if (searchGate) await searchGate;
    return embedderFails ? Promise.reject(new Error('embedding provider down')) : lexical.embed(texts);
  },
};

const LESSON = [
  'Welcome back to the course.',
  'Hydration is the weight of water divided by the weight of flour.',
  'A dough with seven hundred grams of water per kilogram of flour is seventy percent hydration.',
  'Higher hydration gives a more open crumb but a stickier dough.',
];
const QUESTION = 'What does seventy percent hydration mean?';

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db, { ai: { embedder, answerer, transcriber: null } }));
  for (const creatorId of [world.A.companyId, world.B.companyId]) {
    await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [creatorId]);
    const [v] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, status) values ($1, 'Lesson 2 · Hydration', 'captions', 'completed') returning id`,
      [creatorId],
    );
    const segments = LESSON.map((text, i) => ({ startSeconds: i * 10, endSeconds: i * 10 + 9, text }));
    await indexTranscript({ db, embedder: lexical }, { creatorId, videoId: v!.id, segments });
  }
});
afterAll(() => db.close());
beforeEach(async () => {
  script = null;
  embedderFails = false;
  searchGate = null;
  await db.query(`delete from chat_sessions`);
  await db.query(`delete from chat_usage`);
});

const headers = async (userId: string, experienceId: string) => ({
  [USER_TOKEN_HEADER]: await signUserToken(userId),
  [EXPERIENCE_HEADER]: experienceId,
});
async function ask(question = QUESTION, userId = world.A.student, experienceId = world.A.experienceId) {
  return app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await headers(userId, experienceId)) },
    body: JSON.stringify({ question }),
  });
}
const used = async (userId = world.A.student, creatorId = world.A.companyId) =>
  (await getChatUsage({ db, clock: { now: () => new Date() } }, { creatorId, userId })).used;
const assistantStatuses = async () =>
  (
    await db.query<{ status: string }>(`select status from chat_messages where role = 'assistant' order by created_at`)
  ).map((r) => r.status);
const sessionCount = async () =>
  Number((await db.query<{ n: string }>(`select count(*)::text as n from chat_sessions`))[0]!.n);

const viewer: ViewerContext = {
  user: { id: world.A.student, username: null, name: null },
  role: 'student',
  view: 'experience',
  creator: { id: world.A.companyId, name: null, tier: 'FREE' },
  experience: { id: world.A.experienceId, name: null },
};

/** Reads the body until `needle` has arrived, then leaves the stream as it is (nobody cancels it). */
async function readUntil(res: Response, needle: string) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${needle}: ${text}`);
    text += decoder.decode(value);
  }
  return { text, reader };
}

describe('a server killed while an answer streams', () => {
  it('gives the question back and marks the answer failed on the next start, once', async () => {
    // One question answered normally: it stays counted whatever happens later.
    expect((await readChatEvents(await ask())).at(-1)).toMatchObject({ type: 'done' });
    expect(await used()).toBe(1);

    // The next answer starts and then the process "dies": the stream never ends, nothing settles it.
    script = async function* () {
      yield { type: 'text', text: 'Hydration is ' };
      await new Promise(() => {});
    };
    await readUntil(await ask(), 'event: token');
    expect(await used()).toBe(2);

    // A fresh boot on the same database reconciles what the dead process left unfinished.
    await createTestApp(db);
    const first = await reconcileUnfinishedAnswers({ db }, { olderThan: new Date() });
    expect(first).toEqual({ answers: 1, released: 1 });
    expect(await used()).toBe(1);
    expect(await assistantStatuses()).toEqual(['complete', 'failed']);

    // Running it again (or on a second instance) gives nothing back twice.
    const again = await Promise.all([
      reconcileUnfinishedAnswers({ db }, { olderThan: new Date() }),
      reconcileUnfinishedAnswers({ db }, { olderThan: new Date() }),
    ]);
    expect(again).toEqual([
      { answers: 0, released: 0 },
      { answers: 0, released: 0 },
    ]);
    expect(await used()).toBe(1);

    // The student's history shows the question and its failed answer, never a half-written one.
    const list = ChatSessionList.parse(
      await (
        await app.request('/api/chat/sessions', { headers: await headers(world.A.student, world.A.experienceId) })
      ).json(),
    );
    const crashed = list.sessions[0]!;
    const messages = ChatSessionMessages.parse(
      await (
        await app.request(`/api/chat/sessions/${crashed.id}`, {
          headers: await headers(world.A.student, world.A.experienceId),
        })
      ).json(),
    ).messages;
    expect(messages.map((m) => `${m.role}:${m.status}`)).toEqual(['user:complete', 'assistant:failed']);
  });

  it('on Workers reconciles only answers older than the bound, when no request can still be streaming them', async () => {
    script = async function* () {
      yield { type: 'text', text: 'Hydration is ' };
      await new Promise(() => {});
    };
    await readUntil(await ask(), 'event: token');
    await readUntil(await ask(), 'event: token');
    expect(await used()).toBe(2);
    await db.query(
      `update chat_messages set created_at = now() - interval '11 minutes'
        where id = (select id from chat_messages where role = 'assistant' order by created_at limit 1)`,
    );
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    expect(await reconcileUnfinishedAnswers({ db }, { olderThan: tenMinutesAgo })).toEqual({ answers: 1, released: 1 });
    expect(await used()).toBe(1);
    expect((await assistantStatuses()).sort()).toEqual(['failed', 'streaming']);
  });
});

describe('an answer that fails or is stopped', () => {
  it('gives the question back and marks the answer failed when the provider breaks mid-stream', async () => {
    script = async function* () {
      yield { type: 'text', text: 'Hydration is the weight ' };
      throw new AnswerInterruptedError('socket hang up');
    };
    const events = await readChatEvents(await ask());
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'UPSTREAM_UNAVAILABLE' });
    expect(await used()).toBe(0);
    expect(await assistantStatuses()).toEqual(['failed']);
    // The exchange was kept (the student saw it start), so its conversation stays.
    expect(await sessionCount()).toBe(1);
  });

  // The server cannot tell Stop from a dropped connection (both are the request going away before
  // `done`), and a dropped stream must cost nothing: every disconnect before `done` is free.
  it('gives the question back and settles the answer as failed when the request is aborted mid-answer', async () => {
    script = async function* (signal) {
      yield { type: 'text', text: 'Hydration is the weight of water [1]. ' };
      // A provider stream ends when the request is aborted.
      await new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', resolve)));
    };
    const before = await used();
    const { reader } = await readUntil(await ask(), 'event: token');
    expect(await used()).toBe(before + 1);
    await reader.cancel();
    await expect.poll(assistantStatuses).toEqual(['failed']);
    expect(await used()).toBe(before);
    // What the student saw before the drop is kept with the failed answer (reopening shows it).
    const [row] = await db.query<{ content: string }>(`select content from chat_messages where role = 'assistant'`);
    expect(row?.content).toContain('Hydration is the weight of water');
  });

  it('gives the question back when the student leaves before any text arrived', async () => {
    script = async function* (signal) {
      await new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', resolve)));
    };
    const { reader } = await readUntil(await ask(), 'event: meta');
    expect(await used()).toBe(1);
    await reader.cancel();
    await expect.poll(assistantStatuses).toEqual(['failed']);
    expect(await used()).toBe(0);
  });

  it('settles the answer as failed and gives the question back when the consumer stops pulling', async () => {
    await readChatEvents(await ask()); // the student's rows, as the auth middleware writes them
    const ports = { db, clock: { now: () => new Date() }, embedder, answerer };
    const prepared = await startQuestion(ports, viewer, { question: QUESTION });
    expect(await used()).toBe(2);
    const events = streamAnswer(ports, prepared, { requestId: 'req_test' });
    expect((await events.next()).value).toMatchObject({ type: 'meta' });
    await events.return(undefined);
    expect(await used()).toBe(1);
    expect(await assistantStatuses()).toEqual(['complete', 'failed']);
  });

  it('counts nothing when the conversation was deleted between the check and the count', async () => {
    await readChatEvents(await ask());
    const hold = holdQuestion({ db, clock: { now: () => new Date() } }, viewer, {
      question: QUESTION,
      sessionId: crypto.randomUUID(),
    });
    await expect(hold).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await used()).toBe(1);
    expect(await db.query(`select 1 from chat_messages`)).toHaveLength(2);
  });

  it('opens the stream once the question is counted, before the search has finished', async () => {
    let release!: () => void;
    searchGate = new Promise((resolve) => (release = resolve));
    const res = await ask();
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe(': accepted\n\n');
    expect(await used()).toBe(1);
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value;
    expect(rest).toMatch(/^event: meta\n/);
    expect(rest).toContain('event: done');
  });

  it('leaves no conversation and no count when the question fails before its answer starts', async () => {
    embedderFails = true;
    const res = await ask();
    // The question was counted and the stream opened before the search: the failure is its one event.
    expect(res.status).toBe(200);
    const events = await readChatEvents(res);
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'INTERNAL' })]);
    expect(JSON.stringify(events)).not.toMatch(/embed/i);
    expect(await sessionCount()).toBe(0);
    expect(await used()).toBe(0);
    expect(await db.query(`select 1 from chat_messages`)).toEqual([]);
  });
});

describe('conversations of refused questions', () => {
  it('creates exactly 3 conversations for 50 parallel questions of a FREE student at the limit', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => ask()));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 403)).toHaveLength(47);
    await Promise.all(results.filter((r) => r.status === 200).map(readChatEvents));
    expect(await sessionCount()).toBe(3);
    const list = ChatSessionList.parse(
      await (
        await app.request('/api/chat/sessions', { headers: await headers(world.A.student, world.A.experienceId) })
      ).json(),
    );
    expect(list.sessions).toHaveLength(3);
    expect(list.sessions.every((s) => s.messageCount === 2)).toBe(true);
  });
});
