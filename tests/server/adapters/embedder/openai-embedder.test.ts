import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiEmbedder, type OpenAiEmbedderOptions } from '../../../../server/adapters/embedder/openai-embedder';
import { createJsonLogger } from '../../../../server/adapters/logger/json-logger';
import { EmbeddingFailedError } from '../../../../server/ports/embedder';
import {
  type EmbeddingsRequest,
  embeddingsApi,
  fakeEmbedding,
  openAiError,
} from '../../../support/openai-embeddings-api';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const texts = (n: number) => Array.from({ length: n }, (_, i) => `chunk ${i} about index funds and fees`);

function setup(options: Partial<OpenAiEmbedderOptions> = {}) {
  const sleeps: number[] = [];
  const logs: Record<string, unknown>[] = [];
  const embedder = createOpenAiEmbedder({
    apiKey: 'sk-test-123',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5, // jitter factor 1: the nominal 1 s, 2 s, 4 s
    logger: createJsonLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line)) }),
    ...options,
  });
  return { embedder, sleeps, logs };
}

describe('OpenAI embedder', () => {
  it('sends batches of 96 as the SDK does, and returns vectors in input order', async () => {
    const requests: EmbeddingsRequest[] = [];
    server.use(embeddingsApi({ requests }));
    const { embedder } = setup();
    const input = texts(250);
    const result = await embedder.embed(input);

    expect(embedder.model).toBe('text-embedding-3-small');
    expect(requests.map((r) => r.input.length).sort()).toEqual([58, 96, 96]);
    expect(requests.flatMap((r) => r.input).sort()).toEqual([...input].sort());
    for (const r of requests) {
      expect(r).toMatchObject({
        model: 'text-embedding-3-small',
        encoding_format: 'base64',
        authorization: 'Bearer sk-test-123',
      });
      expect(r).not.toHaveProperty('dimensions');
    }
    expect(result.vectors).toEqual(input.map((t) => fakeEmbedding(t)));
    expect(result.tokens).toBe(250 * 7);
  });

  it('keeps three batches in flight and splits batches by token budget', async () => {
    let inFlight = 0;
    let peak = 0;
    const requests: EmbeddingsRequest[] = [];
    server.use(
      embeddingsApi({
        requests,
        intercept: async () => {
          peak = Math.max(peak, ++inFlight);
          await delay(20);
          inFlight--;
          return undefined;
        },
      }),
    );
    // 34–35 characters ≈ 12 estimated tokens each (characters ÷ 3): four fit in a 48-token budget.
    const { embedder } = setup({ maxBatchTokens: 48 });
    const result = await embedder.embed(texts(40));
    expect(requests).toHaveLength(10);
    expect(peak).toBe(3);
    expect(result.vectors).toEqual(texts(40).map((t) => fakeEmbedding(t)));
  });

  it('waits as long as a 429 says, logs the retry, then succeeds', async () => {
    let calls = 0;
    server.use(
      embeddingsApi({
        intercept: () => (++calls === 1 ? openAiError(429, 'Rate limit reached', { 'retry-after': '7' }) : undefined),
      }),
    );
    const { embedder, sleeps, logs } = setup();
    const result = await embedder.embed(['hello world']);
    expect(result.vectors).toEqual([fakeEmbedding('hello world')]);
    expect(sleeps).toEqual([7000]);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'openai embeddings retry',
        batch: 1,
        attempt: 1,
        delayMs: 7000,
        reason: 'OpenAI answered 429',
      }),
    ]);
  });

  it('prefers retry-after-ms, which OpenAI also sends', async () => {
    let calls = 0;
    server.use(
      embeddingsApi({
        intercept: () =>
          ++calls === 1 ? openAiError(429, 'slow down', { 'retry-after': '7', 'retry-after-ms': '1500' }) : undefined,
      }),
    );
    const { embedder, sleeps } = setup();
    await embedder.embed(['hello']);
    expect(sleeps).toEqual([1500]);
  });

  it('gives up after a 500 on every attempt, backing off 1 s, 2 s, 4 s, and says so', async () => {
    let calls = 0;
    server.use(embeddingsApi({ intercept: () => (calls++, openAiError(500, 'The server had an error')) }));
    const { embedder, sleeps, logs } = setup();
    const err = await embedder.embed(['hello']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingFailedError);
    expect(err).toMatchObject({
      retryable: true,
      message: 'Embedding batch 1 of 1 failed after 4 attempts: OpenAI answered 500',
    });
    expect(calls).toBe(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(logs.map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it('retries only the batch that failed', async () => {
    const requests: EmbeddingsRequest[] = [];
    let failed = false;
    server.use(
      embeddingsApi({
        requests,
        intercept: (r) =>
          r.input[0] === 'chunk 96 about index funds and fees' && !failed
            ? ((failed = true), openAiError(503, 'Overloaded'))
            : undefined,
      }),
    );
    const { embedder, sleeps } = setup();
    const result = await embedder.embed(texts(250));
    const sent = requests.map((r) => r.input[0]!.split(' ')[1]).sort();
    expect(sent).toEqual(['0', '192', '96', '96']);
    expect(sleeps).toEqual([1000]);
    expect(result.vectors).toEqual(texts(250).map((t) => fakeEmbedding(t)));
  });

  it('retries network errors', async () => {
    let calls = 0;
    server.use(embeddingsApi({ intercept: () => (++calls === 1 ? HttpResponse.error() : undefined) }));
    const { embedder, logs } = setup();
    expect((await embedder.embed(['hello'])).vectors).toEqual([fakeEmbedding('hello')]);
    expect(logs[0]).toMatchObject({ reason: expect.stringMatching(/^network error/) });
  });

  it('does not retry a request OpenAI refuses', async () => {
    let calls = 0;
    server.use(
      embeddingsApi({
        intercept: () => (calls++, openAiError(400, "This model's maximum context length is 8192 tokens")),
      }),
    );
    const { embedder, sleeps } = setup();
    const err = await embedder.embed(['hello']).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'EmbeddingFailedError',
      retryable: false,
      message: expect.stringContaining('(400)'),
    });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('reads JSON floats from compatible servers that ignore base64, and checks the dimension', async () => {
    server.use(embeddingsApi({ ignoreEncodingFormat: true }));
    expect((await setup().embedder.embed(['hello'])).vectors).toEqual([fakeEmbedding('hello')]);
    server.use(embeddingsApi({ dimensions: 512 }));
    await expect(setup().embedder.embed(['hello'])).rejects.toMatchObject({
      retryable: false,
      message: 'The embeddings API returned 512 dimensions; Chronos expects 1536',
    });
  });

  it('sends the model, dimensions and base URL it is given', async () => {
    const requests: EmbeddingsRequest[] = [];
    server.use(embeddingsApi({ requests }));
    const { embedder } = setup({
      model: 'text-embedding-3-large',
      dimensions: 1536,
      baseURL: 'https://api.openai.com/v1/',
    });
    await embedder.embed(['hello']);
    expect(requests[0]).toMatchObject({ model: 'text-embedding-3-large', dimensions: 1536 });
  });

  it('gives empty texts a zero vector without asking, and sends nothing for nothing', async () => {
    const requests: EmbeddingsRequest[] = [];
    server.use(embeddingsApi({ requests }));
    const { embedder } = setup();
    expect(await embedder.embed([])).toEqual({ vectors: [], tokens: 0 });
    const result = await embedder.embed(['', 'hello', '  ']);
    expect(requests.map((r) => r.input)).toEqual([['hello']]);
    expect(result.vectors[0]!.every((v) => v === 0)).toBe(true);
    expect(result.vectors[1]).toEqual(fakeEmbedding('hello'));
    expect(result.vectors[2]).toHaveLength(1536);
  });
});
