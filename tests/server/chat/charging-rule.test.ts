import { http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicAnswerer } from '../../../server/adapters/answerer/anthropic-answerer';
import {
  createOfflineExtractiveAnswerer,
  OFFLINE_NOT_COVERED,
} from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { getChatUsage } from '../../../server/domain/quotas/chat-quota';
import type { Answerer } from '../../../server/ports/answerer';
import type { Db } from '../../../server/ports/db';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { answerText, readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopServer, world } from '../../support/whop-world';
import { anthropicStream } from '../adapters/answerer/provider-streams';

/**
 * One charging rule (issue #12 item 6): an answer that says the course does not
 * cover the question never costs a question, whether or not sources were found.
 */
installWhopWorld();
const ANTHROPIC = 'https://api.anthropic.com/v1/messages';
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  await addCompletedVideo(db, world.A.companyId, 'Lesson 2 · Hydration', [
    'Hydration is the weight of water divided by the weight of flour.',
    'A dough with seven hundred grams of water per kilogram of flour is seventy percent hydration.',
    'Higher hydration gives a more open crumb but a stickier dough.',
  ]);
});
afterAll(() => db.close());
beforeEach(() => db.query(`delete from chat_usage`));

// Anthropic's wire format, the pieces as the API streams them (usage: 300 in, 12 out).
const anthropicStreamOf = (...deltas: string[]) => anthropicStream(deltas);
const anthropic = () =>
  createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5', retry: { sleep: async () => {} } });

async function askAs(answerer: Answerer, question: string) {
  const { app } = await createTestApp(db, {
    ai: { embedder: createOfflineLexicalEmbedder(), answerer, transcriber: null },
  });
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  const meta = events[0] as Extract<ChatStreamEvent, { type: 'meta' }>;
  const done = events.at(-1) as Extract<ChatStreamEvent, { type: 'done' }>;
  expect(meta.type).toBe('meta');
  expect(done.type).toBe('done');
  return { events, meta, done };
}
const used = async () =>
  (
    await getChatUsage(
      { db, clock: { now: () => new Date() } },
      { creatorId: world.A.companyId, userId: world.A.student },
    )
  ).used;

describe('the charging rule', () => {
  it('charges a normal answer, and done says so with the usage after it', async () => {
    const { done } = await askAs(createOfflineExtractiveAnswerer(), 'What does seventy percent hydration mean?');
    expect(done).toMatchObject({ charged: true, noAnswer: false, usage: { used: 1, remaining: 2 } });
    expect(await used()).toBe(1);
  });

  it('does not charge "not covered" when no source was found', async () => {
    const { meta, done } = await askAs(createOfflineExtractiveAnswerer(), 'What is the password for the vault?');
    expect(meta.sources).toEqual([]);
    expect(done).toMatchObject({ charged: false, noAnswer: true, usage: { used: 0, remaining: 3 } });
    expect(await used()).toBe(0);
  });

  it('does not charge the offline answerer saying "not covered" although sources were found', async () => {
    const { meta, done, events } = await askAs(
      createOfflineExtractiveAnswerer(),
      'What is the weight of salt in a dough?',
    );
    expect(meta.sources.length).toBeGreaterThan(0);
    expect(answerText(events)).toBe(OFFLINE_NOT_COVERED);
    expect(done).toMatchObject({ charged: false, noAnswer: true, usage: { used: 0 } });
    expect(await used()).toBe(0);
  });

  it('does not charge a model that refuses with sources found (Anthropic stream)', async () => {
    whopServer.use(
      http.post(ANTHROPIC, () =>
        anthropicStreamOf(
          'The course videos don\u2019t seem to cover ',
          'which flour brand is best. Try asking about hydration.',
        ),
      ),
    );
    const { meta, done } = await askAs(anthropic(), 'What is the weight of salt in a dough?');
    expect(meta.sources.length).toBeGreaterThan(0);
    expect(done).toMatchObject({ charged: false, noAnswer: true, usage: { used: 0 } });
    expect(await used()).toBe(0);
  });

  it('charges a model answer that cites a source, even if it mentions what is missing', async () => {
    whopServer.use(
      http.post(ANTHROPIC, () =>
        anthropicStreamOf(
          'Seventy percent hydration means 700 g of water per kilogram of flour [1]. ',
          "The course videos don't seem to cover flour brands.",
        ),
      ),
    );
    const { done } = await askAs(
      anthropic(),
      'What does seventy percent hydration mean and which flour brand is best?',
    );
    expect(done).toMatchObject({ charged: true, noAnswer: false, usage: { used: 1 } });
    expect(await used()).toBe(1);
  });

  it('charges a refusal-looking opening that goes on to cite the course', async () => {
    whopServer.use(
      http.post(ANTHROPIC, () =>
        anthropicStreamOf("The course videos don't seem to cover brands, but hydration is water over flour [1]."),
      ),
    );
    const { done } = await askAs(anthropic(), 'What is the weight of salt in a dough?');
    expect(done).toMatchObject({ charged: true, usage: { used: 1 } });
  });
});
