import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicAnswerer } from '../../../../server/adapters/answerer/anthropic-answerer';
import { AnswerFailedError, AnswerInterruptedError } from '../../../../server/ports/answerer';
import { collect, SOURCES, sseResponse } from './sse';

const URL = 'https://api.anthropic.com/v1/messages';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let sleeps: number[];
let requests: Request[];
beforeEach(() => {
  sleeps = [];
  requests = [];
});

const answerer = () =>
  createAnthropicAnswerer({
    apiKey: 'sk-ant-test',
    model: 'claude-test-model',
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
const input = { question: 'What is an expense ratio?', sources: SOURCES, history: [] };

// The Messages API streaming wire format, event by event.
const event = (name: string, data: object) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const start = event('message_start', {
  type: 'message_start',
  message: {
    id: 'msg_01',
    type: 'message',
    role: 'assistant',
    content: [],
    model: 'claude-test-model',
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 412, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 8 },
  },
});
const blockStart = event('content_block_start', {
  type: 'content_block_start',
  index: 0,
  content_block: { type: 'text', text: '' },
});
const ping = event('ping', { type: 'ping' });
const delta = (text: string) =>
  event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
const blockStop = event('content_block_stop', { type: 'content_block_stop', index: 0 });
const messageDelta = event('message_delta', {
  type: 'message_delta',
  delta: { stop_reason: 'end_turn', stop_sequence: null },
  usage: { output_tokens: 23 },
});
const stop = event('message_stop', { type: 'message_stop' });
const overloaded = event('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
const whole = [
  start,
  blockStart,
  ping,
  delta('The expense ratio is the yearly fee'),
  delta(' a fund keeps [1'),
  delta('].'),
  blockStop,
  messageDelta,
  stop,
];

/** Serves the given responses in turn, recording each request. */
function serve(...responses: (() => Response)[]) {
  server.use(
    http.post(URL, ({ request }) => {
      requests.push(request.clone());
      return (responses.shift() ?? (() => HttpResponse.json({}, { status: 500 })))();
    }),
  );
}

describe('Anthropic answerer', () => {
  it('streams text deltas and reports usage from message_start and message_delta', async () => {
    serve(() => sseResponse(whole));
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeUndefined();
    expect(result.texts).toEqual(['The expense ratio is the yearly fee', ' a fund keeps [1', '].']);
    expect(result.usage).toEqual({ inputTokens: 420, outputTokens: 23 });

    const body = (await requests[0]!.json()) as Record<string, any>;
    expect(body).toMatchObject({ model: 'claude-test-model', max_tokens: 1024, stream: true });
    expect(body.system).toMatch(/ONLY the numbered/);
    expect(body.messages.at(-1).content).toContain(
      '<source n="1" video="Lesson 1: Index funds and fees" start="0:35" end="1:19">',
    );
  });

  it('retries a 429 before the first token, honouring retry-after', async () => {
    serve(
      () =>
        HttpResponse.json(
          { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      () => sseResponse(whole),
    );
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('The expense ratio is the yearly fee a fund keeps [1].');
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('retries an overloaded error that arrives in the stream before any text', async () => {
    serve(
      () => sseResponse([start, overloaded]),
      () => sseResponse(whole),
    );
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeUndefined();
    expect(result.text).toContain('expense ratio');
    expect(requests).toHaveLength(2);
  });

  it('fails with AnswerInterruptedError, without retrying, when the stream errors after text', async () => {
    serve(
      () => sseResponse([start, blockStart, delta('The expense ratio'), delta(' is'), overloaded]),
      () => sseResponse(whole),
    );
    const result = await collect(answerer().stream(input));
    expect(result.text).toBe('The expense ratio is');
    expect(result.error).toBeInstanceOf(AnswerInterruptedError);
    expect(requests).toHaveLength(1);
  });

  it('fails with AnswerInterruptedError when the connection drops or ends early after text', async () => {
    serve(() => sseResponse([start, blockStart, delta('The expense')], { cut: true }));
    const dropped = await collect(answerer().stream(input));
    expect(dropped.text).toBe('The expense');
    expect(dropped.error).toBeInstanceOf(AnswerInterruptedError);

    serve(() => sseResponse([start, blockStart, delta('The expense'), blockStop]));
    const ended = await collect(answerer().stream(input));
    expect(ended.error).toBeInstanceOf(AnswerInterruptedError);
  });

  it('gives up before the first token after three 500s with a retryable AnswerFailedError', async () => {
    serve(
      ...[1, 2, 3, 4].map(
        () => () =>
          HttpResponse.json({ type: 'error', error: { type: 'api_error', message: 'boom' } }, { status: 500 }),
      ),
    );
    const result = await collect(answerer().stream(input));
    expect(result.texts).toEqual([]);
    expect(result.error).toBeInstanceOf(AnswerFailedError);
    expect((result.error as AnswerFailedError).retryable).toBe(true);
    expect(requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a request the provider refuses', async () => {
    serve(() =>
      HttpResponse.json({ type: 'error', error: { type: 'invalid_request_error', message: 'bad' } }, { status: 400 }),
    );
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeInstanceOf(AnswerFailedError);
    expect((result.error as AnswerFailedError).retryable).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('ends quietly when the caller aborts mid-answer', async () => {
    serve(() =>
      sseResponse([start, blockStart, delta('one'), delta(' two'), delta(' three'), blockStop, messageDelta, stop]),
    );
    const controller = new AbortController();
    const texts: string[] = [];
    for await (const e of answerer().stream(input, controller.signal)) {
      if (e.type === 'text') texts.push(e.text);
      controller.abort();
    }
    expect(texts).toEqual(['one']);
  });

  it('completes without streaming (query rewriting)', async () => {
    serve(() =>
      HttpResponse.json({
        id: 'msg_02',
        type: 'message',
        role: 'assistant',
        model: 'claude-test-model',
        stop_reason: 'end_turn',
        stop_sequence: null,
        content: [{ type: 'text', text: 'expense ratio index fund' }],
        usage: { input_tokens: 80, output_tokens: 6 },
      }),
    );
    const reply = await answerer().complete!({
      system: 'rewrite',
      messages: [{ role: 'user', content: 'q' }],
      maxTokens: 60,
    });
    expect(reply).toEqual({ text: 'expense ratio index fund', inputTokens: 80, outputTokens: 6 });
    expect(await requests[0]!.json()).toMatchObject({ max_tokens: 60, system: 'rewrite' });
  });
});
