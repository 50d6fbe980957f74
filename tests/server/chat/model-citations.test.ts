import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicAnswerer } from '../../../server/adapters/answerer/anthropic-answerer';
import { createOpenAiCompatibleAnswerer } from '../../../server/adapters/answerer/openai-compatible-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import type { Answerer } from '../../../server/ports/answerer';
import type { Db } from '../../../server/ports/db';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { ChatSessionMessages } from '../../../shared/schemas/chat-history';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { answerText, readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopServer, world } from '../../support/whop-world';
import { anthropicStream, openAiStream } from '../adapters/answerer/provider-streams';

installWhopWorld();
const ANTHROPIC = 'https://api.anthropic.com/v1/messages';
const LOCAL_LLM = 'http://localhost:11434/v1';
let db: Db;
let care = '';
let baking = '';

beforeAll(async () => {
  db = await createTestDb();
  // Lines are 10-second segments: each cited sentence has its own second.
  care = await addCompletedVideo(db, world.A.companyId, 'Lesson 1 · Starter care', [
    'Welcome back to the kitchen, today we look after the starter.',
    'From day three, feed the starter once a day with fifty grams of flour.',
    'Keep the starter jar somewhere warm, around twenty five degrees.',
    'A grey liquid on top of the starter is called hooch, and you can pour it off.',
  ]);
  baking = await addCompletedVideo(db, world.A.companyId, 'Lesson 4 · Baking the loaf', [
    'Now we bake the loaf made with the starter.',
    'Preheat the dutch oven for forty five minutes before you bake the loaf.',
    'Bake the loaf covered for twenty minutes, then uncovered until deep brown.',
  ]);
});
afterAll(() => db.close());

const QUESTION = 'How do I look after my starter and bake the loaf?';

/** The model's answer: paraphrases of three moments, [care] … [baking] … [care], with markers split across pieces. */
function answerPieces(careN: number, bakingN: number): string[] {
  return [
    'Feed your starter every day, fifty grams of flour at a time [',
    `${careN}]. When you bake, heat the dutch oven for forty five minutes first [${bakingN}`,
    ']. If a grey liquid forms on the starter, that is hooch: pour it off [',
    `${careN}].`,
  ];
}

async function ask(answerer: Answerer, question: string) {
  const { app } = await createTestApp(db, {
    ai: { embedder: createOfflineLexicalEmbedder(), answerer, transcriber: null },
  });
  const headers = {
    [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
    [EXPERIENCE_HEADER]: world.A.experienceId,
  };
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  const meta = events[0] as Extract<ChatStreamEvent, { type: 'meta' }>;
  const stored = ChatSessionMessages.parse(
    await (await app.request(`/api/chat/sessions/${meta.sessionId}`, { headers })).json(),
  );
  const n = (videoId: string) => meta.sources.find((s) => s.videoId === videoId)!.n;
  return { events, meta, n, stored: stored.messages.at(-1)! };
}

const citationsOf = (events: ChatStreamEvent[]) =>
  events.flatMap((e) =>
    e.type === 'citation' ? [{ videoId: e.videoId, occurrence: e.occurrence, startSeconds: e.startSeconds }] : [],
  );

/** What both providers must do with the same answer. */
async function expectThreeMoments(answerer: Answerer, setPieces: (p: string[]) => void) {
  // The source numbers depend on retrieval's ranking: ask once to learn them, then stream the answer that uses them.
  setPieces(['Feeding the starter [1].']);
  const probe = await ask(answerer, QUESTION);
  setPieces(answerPieces(probe.n(care), probe.n(baking)));
  const { events, stored } = await ask(answerer, QUESTION);
  const expected = [
    { videoId: care, occurrence: 0, startSeconds: 10 },
    { videoId: baking, occurrence: 0, startSeconds: 10 },
    { videoId: care, occurrence: 1, startSeconds: 30 },
  ];
  expect(citationsOf(events)).toEqual(expected);
  expect(
    stored.citations.map(({ videoId, occurrence, startSeconds }) => ({ videoId, occurrence, startSeconds })),
  ).toEqual(expected);
  expect(events.at(-1)).toMatchObject({ type: 'done' });
}

describe('model answers cite several moments', () => {
  it('Anthropic: a streamed [1] … [2] … [1] is three citations, each at the second its sentence paraphrases', async () => {
    let pieces: string[] = [];
    whopServer.use(http.post(ANTHROPIC, () => anthropicStream(pieces, { input: 400, output: 40 }, 'msg_c')));
    await expectThreeMoments(
      createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5' }),
      (p) => (pieces = p),
    );
  });

  it('OpenAI-compatible: the same over chat.completions chunks', async () => {
    let pieces: string[] = [];
    whopServer.use(http.post(`${LOCAL_LLM}/chat/completions`, () => openAiStream(pieces)));
    await expectThreeMoments(
      createOpenAiCompatibleAnswerer({ baseURL: LOCAL_LLM, model: 'llama3.2' }),
      (p) => (pieces = p),
    );
  });
});

describe('model answers refuse when the sources do not answer', () => {
  const REFUSAL = [
    "The course videos don't seem to cover this.",
    ' The lessons cover feeding the starter and baking the loaf.',
  ];

  it('Anthropic: the prompt says how to refuse, and the refusal streams through with no citation', async () => {
    let system = '';
    whopServer.use(
      http.post(ANTHROPIC, async ({ request }) => {
        system = ((await request.json()) as { system: string }).system;
        return anthropicStream(REFUSAL, { input: 400, output: 40 }, 'msg_c');
      }),
    );
    const { events } = await ask(
      createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5' }),
      'How long do I bake the starter loaf on a pizza stone?',
    );
    expect(system).toMatch(/do not contain the answer/);
    expect(system).toMatch(/do not guess/);
    expect(answerText(events)).toBe(REFUSAL.join(''));
    expect(citationsOf(events)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });

  it('OpenAI-compatible: the same, with the rules in the system message', async () => {
    let messages: { role: string; content: string }[] = [];
    whopServer.use(
      http.post(`${LOCAL_LLM}/chat/completions`, async ({ request }) => {
        messages = ((await request.json()) as { messages: typeof messages }).messages;
        return openAiStream(REFUSAL);
      }),
    );
    const { events } = await ask(
      createOpenAiCompatibleAnswerer({ baseURL: LOCAL_LLM, model: 'llama3.2' }),
      'How long do I bake the starter loaf on a pizza stone?',
    );
    expect(messages[0]).toMatchObject({ role: 'system' });
    expect(messages[0]!.content).toMatch(/do not contain the answer/);
    expect(answerText(events)).toBe(REFUSAL.join(''));
    expect(citationsOf(events)).toEqual([]);
  });
});
