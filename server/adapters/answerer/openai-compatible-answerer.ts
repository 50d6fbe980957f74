import type OpenAI from 'openai';
import { buildAnswerPrompt } from '../../domain/chat/build-answer-prompt';
import type { AnswerEvent, Answerer, ChatTurn, Completion, CompletionRequest } from '../../ports/answerer';
import { createOpenAiClient } from '../http/openai-client';
import type { RetryOptions } from '../http/retry';
import { callWithRetries, StreamCutError, streamWithRetries } from './provider-stream';

export interface OpenAiCompatibleAnswererOptions {
  /** Local servers (Ollama, vLLM) ignore it, but the SDK wants one. */
  apiKey?: string;
  /** OpenAI when omitted; e.g. http://localhost:11434/v1 for Ollama, http://host:8000/v1 for vLLM. */
  baseURL?: string;
  model: string;
  maxTokens?: number;
  /** Shown to students; defaults to `openai-compatible:<model>`. */
  name?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
}

type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/**
 * OpenAI's newer models refuse `max_tokens` and want `max_completion_tokens`;
 * Ollama and older vLLM know only `max_tokens`. So: the new name for OpenAI itself,
 * the old one for any other server.
 */
function tokenLimit(baseURL: string | undefined, maxTokens: number): Partial<ChatParams> {
  return baseURL === undefined ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };
}

function toMessages(system: string, turns: readonly ChatTurn[]): ChatParams['messages'] {
  return [{ role: 'system', content: system }, ...turns.map((t) => ({ role: t.role, content: t.content }))];
}

/** Maps chat.completions chunks to answer events; usage arrives in a last chunk with no choices. */
async function* completionEvents(client: OpenAI, body: ChatParams, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
  const stream = await client.chat.completions.create(
    { ...body, stream: true, stream_options: { include_usage: true } },
    { signal },
  );
  let finished = false;
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (choice?.delta?.content) yield { type: 'text', text: choice.delta.content };
    if (choice?.finish_reason) finished = true;
    if (chunk.usage) {
      inputTokens = chunk.usage.prompt_tokens;
      outputTokens = chunk.usage.completion_tokens;
    }
  }
  // The SDK ends quietly when the body ends, [DONE] or not; only a finish_reason says the answer is whole.
  if (!finished) throw new StreamCutError('the chat completion stream ended without a finish_reason');
  yield { type: 'usage', inputTokens, outputTokens };
}

export function createOpenAiCompatibleAnswerer(options: OpenAiCompatibleAnswererOptions): Answerer {
  // Local servers (Ollama, vLLM) ignore the key, but the SDK wants one.
  const client = createOpenAiClient({
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: options.baseURL,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const provider = options.baseURL ? `The model server at ${new URL(options.baseURL).host}` : 'OpenAI';
  const maxTokens = options.maxTokens ?? 1024;

  return {
    name: options.name ?? `openai-compatible:${options.model}`,
    provider: 'openai-compatible',
    mode: 'real',
    stream(input, signal) {
      const prompt = buildAnswerPrompt(input);
      const body: ChatParams = {
        model: options.model,
        messages: toMessages(prompt.system, prompt.messages),
        ...tokenLimit(options.baseURL, maxTokens),
      };
      return streamWithRetries((abort) => completionEvents(client, body, abort), {
        provider,
        retry: options.retry,
        signal,
      });
    },
    async complete(request: CompletionRequest, signal): Promise<Completion> {
      const body: ChatParams = {
        model: options.model,
        messages: toMessages(request.system, request.messages),
        ...tokenLimit(options.baseURL, request.maxTokens),
      };
      const reply = await callWithRetries((abort) => client.chat.completions.create(body, { signal: abort }), {
        provider,
        retry: options.retry,
        signal,
      });
      return {
        text: reply.choices[0]?.message.content ?? '',
        inputTokens: reply.usage?.prompt_tokens ?? 0,
        outputTokens: reply.usage?.completion_tokens ?? 0,
      };
    },
  };
}
