import { delay, HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicAnswerer } from '../../../server/adapters/answerer/anthropic-answerer';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOpenAiCompatibleAnswerer } from '../../../server/adapters/answerer/openai-compatible-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { REWRITE_TIMEOUT_MS, rewriteModelOf } from '../../../server/domain/chat/rewrite-deadline';
import type { Answerer } from '../../../server/ports/answerer';
import type { Db } from '../../../server/ports/db';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopServer, world } from '../../support/whop-world';
import { anthropicStream, openAiStream } from '../adapters/answerer/provider-streams';

installWhopWorld();
const ANTHROPIC = 'https://api.anthropic.com/v1/messages';
const LOCAL_LLM = 'http://localhost:11434/v1';
let db: Db;
let hydration = '';
let baking = '';
let bodies: Record<string, any>[];
beforeEach(() => {
  bodies = [];
});

beforeAll(async () => {
  db = await createTestDb();
  hydration = await addCompletedVideo(db, world.A.companyId, 'Lesson 2 · Hydration', [
    'Hydration is the weight of water divided by the weight of flour.',
    'Higher hydration gives a more open crumb but a stickier dough.',
  ]);
  baking = await addCompletedVideo(db, world.A.companyId, 'Lesson 4 · Baking', [
    'Preheat the dutch oven to two hundred and fifty degrees for forty five minutes.',
    'Bake covered for twenty minutes, then uncovered until the crust is deep brown.',
  ]);
});
afterAll(() => db.close());

// Streamed answers in the providers' wire formats (provider-streams.ts); the rewrite is a plain JSON message.
const anthropicMessage = (text: string) =>
  HttpResponse.json({
    id: 'msg_r',
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5',
    stop_reason: 'end_turn',
    stop_sequence: null,
    content: [{ type: 'text', text }],
    usage: { input_tokens: 80, output_tokens: 6 },
  });

async function appWith(answerer: Answerer) {
  const { app } = await createTestApp(db, {
    ai: { embedder: createOfflineLexicalEmbedder(), answerer, transcriber: null },
  });
  return app;
}

async function ask(app: Awaited<ReturnType<typeof appWith>>, question: string, sessionId?: string) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ question, ...(sessionId ? { sessionId } : {}) }),
  });
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  const meta = events[0] as Extract<ChatStreamEvent, { type: 'meta' }>;
  expect(meta.type).toBe('meta');
  return { events, meta };
}

const rewriteCosts = (messageId: string) =>
  db.query<{ provider: string; model: string; units: string; cost_usd: string }>(
    `select provider, model, units::text, cost_usd::text from api_costs where message_id = $1 and operation = 'query_rewrite'`,
    [messageId],
  );

describe('follow-up rewriting with the answer model', () => {
  it('Anthropic: rewrites a follow-up (never a first question), searches with it and bills it to the message', async () => {
    whopServer.use(
      http.post(ANTHROPIC, async ({ request }) => {
        const body = (await request.json()) as Record<string, any>;
        bodies.push(body);
        // "the second one" means the baking lesson here; the rules alone would carry hydration terms.
        return body['stream']
          ? anthropicStream(['Preheat for forty five minutes [1].'])
          : anthropicMessage('how long to preheat the dutch oven');
      }),
    );
    const app = await appWith(createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5' }));
    const first = await ask(app, 'What does higher hydration do to the crumb?');
    expect(bodies.map((b) => Boolean(b['stream']))).toEqual([true]);
    expect(first.meta.sources[0]?.videoId).toBe(hydration);

    bodies = [];
    const follow = await ask(app, 'And how long for that one?', first.meta.sessionId);
    expect(bodies.map((b) => Boolean(b['stream']))).toEqual([false, true]);
    expect(bodies[0]!['max_tokens']).toBeLessThanOrEqual(100);
    expect(bodies[0]!['system']).toMatch(/standalone search query/);
    expect(bodies[0]!['messages'][0].content).toContain('<follow_up>And how long for that one?</follow_up>');
    expect(follow.meta.sources[0]?.videoId).toBe(baking);
    // The answer model still gets the student's own words, not the search query.
    expect(JSON.stringify(bodies[1]!['messages'].at(-1))).toContain('And how long for that one?');

    expect(await rewriteCosts(follow.meta.messageId)).toEqual([
      {
        provider: 'anthropic',
        model: 'anthropic:claude-haiku-4-5',
        units: '86.0000',
        cost_usd: String(((80 * 1 + 6 * 5) / 1e6).toFixed(6)),
      },
    ]);
    expect(await rewriteCosts(first.meta.messageId)).toEqual([]);
  });

  it('OpenAI-compatible: rewrites through chat.completions without streaming', async () => {
    whopServer.use(
      http.post(`${LOCAL_LLM}/chat/completions`, async ({ request }) => {
        const body = (await request.json()) as Record<string, any>;
        bodies.push(body);
        if (body['stream'])
          return openAiStream(['Bake covered for twenty minutes [1].'], { prompt: 200, completion: 9 });
        return HttpResponse.json({
          id: 'c2',
          object: 'chat.completion',
          created: 1767225600,
          model: 'llama3.2',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'baking time covered and uncovered' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 70, completion_tokens: 5, total_tokens: 75 },
        });
      }),
    );
    const app = await appWith(createOpenAiCompatibleAnswerer({ baseURL: LOCAL_LLM, model: 'llama3.2' }));
    const first = await ask(app, 'What does higher hydration do to the crumb?');
    const follow = await ask(app, 'what about the second one?', first.meta.sessionId);
    expect(bodies.map((b) => Boolean(b['stream']))).toEqual([true, false, true]);
    expect(bodies[1]!['messages'][0]).toMatchObject({ role: 'system' });
    expect(follow.meta.sources[0]?.videoId).toBe(baking);
    expect(await rewriteCosts(follow.meta.messageId)).toEqual([
      { provider: 'openai-compatible', model: 'openai-compatible:llama3.2', units: '75.0000', cost_usd: '0.000000' },
    ]);
  });

  it('falls back to the rules when the provider refuses the rewrite, and the student still gets an answer', async () => {
    whopServer.use(
      http.post(ANTHROPIC, async ({ request }) => {
        const body = (await request.json()) as Record<string, any>;
        bodies.push(body);
        if (body['stream']) return anthropicStream(['Higher hydration opens the crumb [1].']);
        return HttpResponse.json(
          { type: 'error', error: { type: 'invalid_request_error', message: 'bad' } },
          { status: 400 },
        );
      }),
    );
    const app = await appWith(createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5' }));
    const first = await ask(app, 'What does higher hydration do to the crumb?');
    const follow = await ask(app, 'and why?', first.meta.sessionId);
    expect(bodies.map((b) => Boolean(b['stream']))).toEqual([true, false, true]);
    // The rules carried the earlier question's terms, so the hydration lesson is found again.
    expect(follow.meta.sources[0]?.videoId).toBe(hydration);
    expect(follow.events.at(-1)).toMatchObject({ type: 'done' });
    expect(await rewriteCosts(follow.meta.messageId)).toEqual([]);
  });

  it(`gives up on a rewrite that takes longer than ${REWRITE_TIMEOUT_MS} ms, cancelling the request`, async () => {
    let cancelled = false;
    whopServer.use(
      http.post(ANTHROPIC, async ({ request }) => {
        const body = (await request.json()) as Record<string, any>;
        bodies.push(body);
        if (body['stream']) return anthropicStream(['Higher hydration opens the crumb [1].']);
        request.signal.addEventListener('abort', () => (cancelled = true));
        await delay(20_000);
        return anthropicMessage('too late');
      }),
    );
    const app = await appWith(createAnthropicAnswerer({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5' }));
    const first = await ask(app, 'What does higher hydration do to the crumb?');
    const started = Date.now();
    const follow = await ask(app, 'and why?', first.meta.sessionId);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(REWRITE_TIMEOUT_MS - 50);
    expect(took).toBeLessThan(REWRITE_TIMEOUT_MS + 2000);
    expect(cancelled).toBe(true);
    expect(follow.meta.sources[0]?.videoId).toBe(hydration);
    expect(follow.events.at(-1)).toMatchObject({ type: 'done' });
    expect(await rewriteCosts(follow.meta.messageId)).toEqual([]);
  });

  it('keeps the rules for the offline answerer, which has no model', () => {
    expect(rewriteModelOf(createOfflineExtractiveAnswerer())).toBeUndefined();
  });
});
