import { APIError, APIUserAbortError, toFile } from 'openai';
import type { AbortSignalLike } from '../../ports/answerer';
import type { Logger } from '../../ports/logger';
import {
  MAX_TRANSCRIPTION_BYTES,
  type TranscribedSegment,
  type Transcriber,
  TranscriptionFailedError,
  type TranscriptionInput,
  type TranscriptionResult,
} from '../../ports/transcriber';
import { createOpenAiClient, openAiRetryable } from '../http/openai-client';
import { RetryableError, withRetries } from '../http/retry';

export interface OpenAiTranscriberOptions {
  apiKey: string;
  /** An OpenAI-compatible server instead of api.openai.com (faster-whisper, LocalAI, Groq…). */
  baseURL?: string;
  model?: string;
  /** Per attempt; a 25 MB upload plus transcription can take minutes. */
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof fetch;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What verbose_json carries; compatible servers may leave out segments, duration or language. */
interface VerboseTranscription {
  text?: string;
  duration?: number;
  language?: string | null;
  segments?: { start: number; end: number; text: string }[] | null;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why a failed call may or may not succeed later, in the shape `withRetries` understands. */
function classify(err: unknown): Error {
  if (err instanceof APIUserAbortError)
    return new TranscriptionFailedError('Transcription was aborted', { retryable: true, cause: err });
  const retryable = openAiRetryable(err);
  if (retryable) return retryable;
  if (err instanceof APIError) {
    return new TranscriptionFailedError(
      `OpenAI refused the transcription request (${err.status ?? 'no status'}): ${err.message}`,
      {
        retryable: false,
        cause: err,
      },
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Whisper's segments (or one segment for the whole text) in video time, empty texts dropped. */
function toResult(response: VerboseTranscription | string, input: TranscriptionInput): TranscriptionResult {
  const body: VerboseTranscription = typeof response === 'string' ? { text: response } : response;
  const offset = input.offsetSeconds;
  const raw = body.segments ?? [];
  const lastEnd = raw.reduce((max, s) => Math.max(max, s.end), 0);
  const durationSeconds =
    typeof body.duration === 'number' && Number.isFinite(body.duration)
      ? body.duration
      : (input.durationSeconds ?? lastEnd);
  let segments: TranscribedSegment[];
  if (raw.length > 0) {
    segments = raw
      .map((s) => ({
        startSeconds: offset + s.start,
        endSeconds: offset + Math.max(s.start, s.end),
        text: s.text.trim(),
      }))
      .filter((s) => s.text !== '');
  } else {
    const text = (body.text ?? '').trim();
    segments = text === '' ? [] : [{ startSeconds: offset, endSeconds: offset + durationSeconds, text }];
  }
  return { segments, durationSeconds, language: body.language ?? null };
}

/**
 * OpenAI speech to text (whisper-1, verbose_json with segment timestamps): one
 * audio part per call, at most 25 MB, retried on 429/5xx and network errors
 * (1 s, 2 s, 4 s with jitter, or as long as Retry-After says). The SDK's own
 * retries are off so that ours are the only ones, and every one is logged.
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const model = options.model ?? 'whisper-1';
  const retries = options.retries ?? 3;
  const client = createOpenAiClient({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 600_000,
  });

  return {
    name: options.baseURL === undefined ? `openai:${model}` : `openai-compatible:${model}`,
    provider: options.baseURL === undefined ? 'openai' : 'openai-compatible',
    model,
    async transcribe(input, signal?: AbortSignalLike) {
      const bytes = input.audio.byteLength;
      if (bytes === 0) {
        throw new TranscriptionFailedError(`Audio ${input.fileName} is empty; there is nothing to transcribe`, {
          retryable: false,
        });
      }
      if (bytes > MAX_TRANSCRIPTION_BYTES) {
        throw new TranscriptionFailedError(
          `Audio ${input.fileName} is ${megabytes(bytes)} (${bytes} bytes); OpenAI transcribes at most 25 MB (${MAX_TRANSCRIPTION_BYTES} bytes) per request, so it must be split into shorter parts`,
          { retryable: false },
        );
      }
      let attempts = 0;
      const response = await withRetries(
        async () => {
          attempts++;
          if (signal?.aborted) throw new TranscriptionFailedError('Transcription was aborted', { retryable: true });
          try {
            // A fresh File each attempt: the SDK reads the body as it sends it.
            const file = await toFile(input.audio, input.fileName, { type: input.mimeType });
            return await client.audio.transcriptions.create(
              { file, model, response_format: 'verbose_json', timestamp_granularities: ['segment'] },
              signal === undefined ? undefined : { signal: signal as AbortSignal },
            );
          } catch (err) {
            throw classify(err);
          }
        },
        {
          retries,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.random ? { random: options.random } : {}),
          onRetry: (info) =>
            options.logger?.warn('openai transcription retry', {
              model,
              fileName: input.fileName,
              offsetSeconds: input.offsetSeconds,
              bytes,
              ...info,
            }),
        },
      ).catch((err: unknown) => {
        if (err instanceof TranscriptionFailedError) throw err;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        const retryable = err instanceof RetryableError;
        throw new TranscriptionFailedError(
          `Transcription of ${input.fileName} failed after ${tries}: ${(err as Error).message}${retryable ? ' (retryable: trying the job again later may succeed)' : ''}`,
          { retryable, cause: err },
        );
      });
      return toResult(response as unknown as VerboseTranscription | string, input);
    },
  };
}
