import Anthropic from '@anthropic-ai/sdk';
import { buildAnswerPrompt } from '../../domain/chat/build-answer-prompt';
import type { AnswerEvent, Answerer, Completion, CompletionRequest } from '../../ports/answerer';
import type { RetryOptions } from '../http/retry';
import { callWithRetries, StreamCutError, streamWithRetries } from './provider-stream';

export interface AnthropicAnswererOptions {
  apiKey: string;
  /** e.g. the ANSWER_MODEL from env; the caller picks it, so upgrading a model is configuration. */
  model: string;
  /** Room for a few cited paragraphs; longer answers are cut at this, not billed beyond it. */
  maxTokens?: number;
  baseURL?: string;
  /** Per HTTP request, including the whole stream. */
  timeoutMs?: number;
  retry?: RetryOptions;
}

type Usage = {
  input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
};

/** Cached prompt tokens are still prompt tokens: count them, or cost records undercount. */
const inputTokensOf = (u: Usage) =>
  (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);

/** Maps the Messages streaming events to answer events; usage comes from message_start and message_delta. */
async function* messageEvents(
  client: Anthropic,
  body: Anthropic.MessageCreateParamsNonStreaming,
  signal: AbortSignal,
): AsyncGenerator<AnswerEvent> {
  const stream = await client.messages.create({ ...body, stream: true }, { signal });
  let inputTokens = 0;
  let outputTokens = 0;
  let stopped = false;
  for await (const event of stream) {
    if (event.type === 'message_start') {
      inputTokens = inputTokensOf(event.message.usage);
      outputTokens = event.message.usage.output_tokens;
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta' && event.delta.text) {
      yield { type: 'text', text: event.delta.text };
    } else if (event.type === 'message_delta') {
      // message_delta usage is cumulative; input counts appear there only on some requests.
      if (event.usage.input_tokens != null) inputTokens = inputTokensOf(event.usage);
      outputTokens = event.usage.output_tokens;
    } else if (event.type === 'message_stop') stopped = true;
  }
  if (!stopped) throw new StreamCutError('the Anthropic stream ended before message_stop');
  yield { type: 'usage', inputTokens, outputTokens };
}

export function createAnthropicAnswerer(options: AnthropicAnswererOptions): Answerer {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 60_000,
  });
  const provider = 'Anthropic';
  const maxTokens = options.maxTokens ?? 1024;

  return {
    name: `anthropic:${options.model}`,
    provider: 'anthropic',
    mode: 'real',
    stream(input, signal) {
      const prompt = buildAnswerPrompt(input);
      const body = { model: options.model, max_tokens: maxTokens, system: prompt.system, messages: prompt.messages };
      return streamWithRetries((abort) => messageEvents(client, body, abort), {
        provider,
        retry: options.retry,
        signal,
      });
    },
    async complete(request: CompletionRequest, signal): Promise<Completion> {
      const message = await callWithRetries(
        (abort) =>
          client.messages.create(
            { model: options.model, max_tokens: request.maxTokens, system: request.system, messages: request.messages },
            { signal: abort },
          ),
        { provider, retry: options.retry, signal },
      );
      const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      return { text, inputTokens: inputTokensOf(message.usage), outputTokens: message.usage.output_tokens };
    },
  };
}
