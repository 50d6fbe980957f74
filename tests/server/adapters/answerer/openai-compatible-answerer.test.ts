import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleAnswerer } from '../../../../server/adapters/answerer/openai-compatible-answerer';
import { AnswerFailedError, AnswerInterruptedError } from '../../../../server/ports/answerer';
import { collect, SOURCES, sseResponse } from './sse';

// An Ollama-style server: OpenAI's chat.completions API under a custom base URL.
const BASE_URL = 'http://localhost:11434/v1';
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
  createOpenAiCompatibleAnswerer({
    baseURL: BASE_URL,
    model: 'llama3.2',
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
const input = {
  question: 'What is an expense ratio?',
  sources: SOURCES,
  history: [
    { role: 'user' as const, content: 'hi' },
    { role: 'assistant' as const, content: 'Hello! [1]' },
  ],
};

const data = (payload: object | string) =>
  `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
const chunk = (delta: object, finish: string | null = null) =>
  data({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1767225600,
    model: 'llama3.2',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
const usage = data({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1767225600,
  model: 'llama3.2',
  choices: [],
  usage: { prompt_tokens: 311, completion_tokens: 17, total_tokens: 328 },
});
const whole = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ content: 'The expense ratio' }),
  chunk({ content: ' is a yearly fee [1].' }),
  chunk({}, 'stop'),
  usage,
  data('[DONE]'),
];

function serve(...responses: (() => Response)[]) {
  server.use(
    http.post(`${BASE_URL}/chat/completions`, ({ request }) => {
      requests.push(request.clone());
      return (responses.shift() ?? (() => HttpResponse.json({}, { status: 500 })))();
    }),
  );
}

describe('OpenAI-compatible answerer', () => {
  it('streams content deltas from a custom base URL and reports the final usage chunk', async () => {
    serve(() => sseResponse(whole));
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeUndefined();
    expect(result.texts).toEqual(['The expense ratio', ' is a yearly fee [1].']);
    expect(result.usage).toEqual({ inputTokens: 311, outputTokens: 17 });

    const body = (await requests[0]!.json()) as Record<string, any>;
    expect(body).toMatchObject({
      model: 'llama3.2',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 1024,
    });
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(body.messages[0].content).toMatch(/ONLY the numbered/);
    expect(body.messages[2].content).toBe('Hello!');
    expect(body.messages[3].content).toContain(
      '<source n="2" video="Lesson 2: Compound interest" start="0:00" end="0:46">',
    );
  });

  it('retries a 429 before the first token, honouring retry-after', async () => {
    serve(
      () =>
        HttpResponse.json(
          { error: { message: 'Too many requests', type: 'rate_limit_error' } },
          { status: 429, headers: { 'retry-after': '2' } },
        ),
      () => sseResponse(whole),
    );
    const result = await collect(answerer().stream(input));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('The expense ratio is a yearly fee [1].');
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('fails with AnswerInterruptedError, without retrying, when the stream is cut after text', async () => {
    serve(
      () => sseResponse(whole.slice(0, 2), { cut: true }),
      () => sseResponse(whole),
    );
    const result = await collect(answerer().stream(input));
    expect(result.text).toBe('The expense ratio');
    expect(result.error).toBeInstanceOf(AnswerInterruptedError);
    expect(requests).toHaveLength(1);
  });

  it('treats a stream that ends without a finish_reason as interrupted', async () => {
    serve(() => sseResponse(whole.slice(0, 3)));
    const result = await collect(answerer().stream(input));
    expect(result.text).toBe('The expense ratio is a yearly fee [1].');
    expect(result.error).toBeInstanceOf(AnswerInterruptedError);
  });

  it('retries a connection cut before the first token, then gives up with a retryable error', async () => {
    serve(...[1, 2, 3].map(() => () => sseResponse([chunk({ role: 'assistant', content: '' })], { cut: true })));
    const result = await collect(answerer().stream(input));
    expect(result.texts).toEqual([]);
    expect(result.error).toBeInstanceOf(AnswerFailedError);
    expect((result.error as AnswerFailedError).retryable).toBe(true);
    expect(requests).toHaveLength(3);
  });

  it('completes without streaming (query rewriting)', async () => {
    serve(() =>
      HttpResponse.json({
        id: 'chatcmpl-2',
        object: 'chat.completion',
        created: 1767225600,
        model: 'llama3.2',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'index fund expense ratio' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 70, completion_tokens: 5, total_tokens: 75 },
      }),
    );
    const reply = await answerer().complete!({
      system: 'rewrite',
      messages: [{ role: 'user', content: 'q' }],
      maxTokens: 60,
    });
    expect(reply).toEqual({ text: 'index fund expense ratio', inputTokens: 70, outputTokens: 5 });
    expect(await requests[0]!.json()).toMatchObject({
      max_tokens: 60,
      messages: [
        { role: 'system', content: 'rewrite' },
        { role: 'user', content: 'q' },
      ],
    });
  });

  it('asks OpenAI itself for max_completion_tokens', async () => {
    server.use(
      http.post('https://api.openai.com/v1/chat/completions', ({ request }) => {
        requests.push(request.clone());
        return sseResponse(whole);
      }),
    );
    const openai = createOpenAiCompatibleAnswerer({ apiKey: 'sk-test', model: 'gpt-test' });
    expect((await collect(openai.stream(input))).error).toBeUndefined();
    const body = (await requests[0]!.json()) as Record<string, any>;
    expect(body.max_completion_tokens).toBe(1024);
    expect(body.max_tokens).toBeUndefined();
    expect(openai.name).toBe('openai-compatible:gpt-test');
  });
});
