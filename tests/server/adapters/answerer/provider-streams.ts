import { sseResponse } from './sse';

/**
 * Streamed answers in the providers' own wire formats, for msw handlers at the network
 * edge: what the real SDKs read, piece by piece. Tests that count cost give the usage
 * the provider reports.
 */

const event = (name: string, data: object) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** Anthropic Messages API (`stream: true`): one `text_delta` per piece; usage from message_start and message_delta. */
export function anthropicStream(
  pieces: readonly string[],
  usage: { input: number; output: number } = { input: 300, output: 12 },
  id = 'msg_s',
) {
  return sseResponse([
    event('message_start', {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        content: [],
        model: 'claude-haiku-4-5',
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.input, output_tokens: 1 },
      },
    }),
    event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ...pieces.map((text) =>
      event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    ),
    event('content_block_stop', { type: 'content_block_stop', index: 0 }),
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: usage.output },
    }),
    event('message_stop', { type: 'message_stop' }),
  ]);
}

const data = (payload: object) => `data: ${JSON.stringify(payload)}\n\n`;
const chunk = (delta: object, finish: string | null = null) =>
  data({
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1767225600,
    model: 'llama3.2',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

/**
 * OpenAI chat.completions (an Ollama-style server, `stream_options.include_usage`): the
 * role, one chunk per piece, `finish_reason: stop`, a usage chunk, then `[DONE]`.
 */
export function openAiStream(
  pieces: readonly string[],
  usage: { prompt: number; completion: number } = { prompt: 400, completion: 40 },
) {
  return sseResponse([
    chunk({ role: 'assistant', content: '' }),
    ...pieces.map((content) => chunk({ content })),
    chunk({}, 'stop'),
    data({
      id: 'c1',
      object: 'chat.completion.chunk',
      created: 1767225600,
      model: 'llama3.2',
      choices: [],
      usage: {
        prompt_tokens: usage.prompt,
        completion_tokens: usage.completion,
        total_tokens: usage.prompt + usage.completion,
      },
    }),
    'data: [DONE]\n\n',
  ]);
}
