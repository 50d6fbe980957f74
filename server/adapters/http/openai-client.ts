import OpenAI, { APIConnectionError, APIError } from 'openai';
import { parseRetryAfter, RETRYABLE_STATUSES, RetryableError } from './retry';

export interface OpenAiClientOptions {
  apiKey: string;
  /** An OpenAI-compatible server instead of api.openai.com. */
  baseURL?: string | undefined;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

/**
 * The one way adapters make an OpenAI SDK client. Every setting is explicit:
 * left undefined, the SDK would read OPENAI_* variables behind env.ts's back.
 * The SDK's own retries are off, so ours (withRetries) are the only ones and are logged.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    fetch: options.fetch,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });
}

/**
 * A RetryableError when trying again can help (network errors, 429/5xx, with
 * OpenAI's retry-after-ms or Retry-After); null for any other failure.
 */
export function openAiRetryable(err: unknown): RetryableError | null {
  if (err instanceof APIConnectionError)
    return new RetryableError(`network error (${err.message})`, undefined, { cause: err });
  if (err instanceof APIError && err.status !== undefined && RETRYABLE_STATUSES.has(err.status)) {
    // OpenAI sends retry-after-ms as well as Retry-After; the finer one wins.
    const ms = Number(err.headers?.get('retry-after-ms') ?? NaN);
    const retryAfter = Number.isFinite(ms) ? ms : parseRetryAfter(err.headers?.get('retry-after') ?? null);
    return new RetryableError(`OpenAI answered ${err.status}`, retryAfter, { cause: err });
  }
  return null;
}
