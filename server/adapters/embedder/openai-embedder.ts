import { APIError } from 'openai';
import { runInParallel } from '../../domain/run-in-parallel';
import { type Embedder, EmbeddingFailedError } from '../../ports/embedder';
import type { Logger } from '../../ports/logger';
import { createOpenAiClient, openAiRetryable } from '../http/openai-client';
import { RetryableError, withRetries } from '../http/retry';
import { decodeEmbedding, planBatches } from './embedding-batches';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible server instead of api.openai.com. */
  baseURL?: string;
  model?: string;
  /** Sent to the API only when given (text-embedding-3-* can shorten vectors; compatible servers may not know it). */
  dimensions?: number;
  maxBatchInputs?: number;
  /** Estimated tokens per request; OpenAI refuses requests over 300k. */
  maxBatchTokens?: number;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Why a failed call may or may not succeed later, in the shape `withRetries` understands. */
function classify(err: unknown): Error {
  const retryable = openAiRetryable(err);
  if (retryable) return retryable;
  if (err instanceof APIError) {
    return new EmbeddingFailedError(
      `OpenAI refused the embeddings request (${err.status ?? 'no status'}): ${err.message}`,
      { retryable: false, cause: err },
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * OpenAI embeddings: inputs in batches, a few batches in flight, each batch retried
 * alone (1 s, 2 s, 4 s with jitter, or as long as Retry-After says). The SDK's own
 * retries are off so that ours are the only ones, and every one is logged.
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const model = options.model ?? 'text-embedding-3-small';
  const dimensions = options.dimensions ?? 1536;
  const retries = options.retries ?? 3;
  const client = createOpenAiClient({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
  });

  async function embedBatch(input: string[], batch: number, batches: number) {
    let attempts = 0;
    const response = await withRetries(
      async () => {
        attempts++;
        try {
          // base64 is ~4× smaller on the wire than JSON floats; decodeEmbedding also accepts arrays
          // from compatible servers that ignore the option (the SDK would silently garble those).
          return await client.embeddings.create({
            model,
            input,
            encoding_format: 'base64',
            ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
          });
        } catch (err) {
          throw classify(err);
        }
      },
      {
        retries,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.random ? { random: options.random } : {}),
        onRetry: (info) =>
          options.logger?.warn('openai embeddings retry', { model, batch, batches, inputs: input.length, ...info }),
      },
    ).catch((err: unknown) => {
      if (err instanceof EmbeddingFailedError) throw err;
      const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
      throw new EmbeddingFailedError(
        `Embedding batch ${batch} of ${batches} failed after ${tries}: ${(err as Error).message}`,
        {
          retryable: err instanceof RetryableError,
          cause: err,
        },
      );
    });
    if (response.data.length !== input.length) {
      throw new EmbeddingFailedError(`OpenAI returned ${response.data.length} embeddings for ${input.length} inputs`, {
        retryable: true,
      });
    }
    const vectors: number[][] = new Array(input.length);
    for (const item of response.data) vectors[item.index] = decodeEmbedding(item.embedding as unknown, dimensions);
    if (vectors.length !== input.length || Array.from(vectors).includes(undefined as never)) {
      throw new EmbeddingFailedError('OpenAI returned embeddings with missing or unknown indexes', { retryable: true });
    }
    return { vectors, tokens: response.usage?.total_tokens ?? 0 };
  }

  return {
    model,
    provider: 'openai',
    dimensions,
    async embed(texts) {
      const vectors: number[][] = texts.map(() => []);
      // OpenAI rejects empty input; an empty text has no meaning to embed, so it gets the zero vector.
      const indexes = texts.flatMap((text, i) => (text.trim() === '' ? [] : [i]));
      for (let i = 0; i < texts.length; i++)
        if (texts[i]!.trim() === '') vectors[i] = new Array<number>(dimensions).fill(0);
      const batches = planBatches(
        indexes.map((i) => texts[i]!),
        options.maxBatchInputs ?? 96,
        options.maxBatchTokens ?? 100_000,
      );
      let tokens = 0;
      await runInParallel(batches, options.concurrency ?? 3, async ({ start, end }, b) => {
        const result = await embedBatch(
          indexes.slice(start, end).map((i) => texts[i]!),
          b + 1,
          batches.length,
        );
        result.vectors.forEach((vector, k) => {
          vectors[indexes[start + k]!] = vector;
        });
        tokens += result.tokens;
      });
      return { vectors, tokens };
    },
  };
}
