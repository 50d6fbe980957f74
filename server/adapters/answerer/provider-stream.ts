import {
  type AbortSignalLike,
  type AnswerEvent,
  AnswerFailedError,
  AnswerInterruptedError,
} from '../../ports/answerer';
import { parseRetryAfter, RETRYABLE_STATUSES, RetryableError, type RetryOptions, withRetries } from '../http/retry';

/**
 * Retry policy shared by the model-backed answerers. The SDKs' own retries are
 * off (maxRetries: 0) so there is one policy, ours, and it can stop at the first
 * token: before it, a failed attempt is invisible to the student and retried;
 * after it, retrying would show a second, different answer.
 */

/** Anthropic's 529 "overloaded" joins the usual transient statuses. */
export const ANSWER_RETRYABLE_STATUSES = new Set([...RETRYABLE_STATUSES, 529]);
/** Error types providers send inside a stream, where there is no HTTP status, that are worth another try. */
const TRANSIENT_STREAM_ERRORS = new Set([
  'overloaded_error',
  'api_error',
  'rate_limit_error',
  'server_error',
  'timeout_error',
]);
/**
 * A student is waiting: two retries (≈1 s, then ≈2 s) rather than the three of
 * background jobs, so a dead provider fails within seconds, not a quarter minute.
 */
export const ANSWER_RETRIES = 2;

/** The stream ended without the provider's end marker: the connection dropped or a proxy cut it. */
export class StreamCutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamCutError';
  }
}

interface ProviderFailure {
  retryable: boolean;
  retryAfterMs?: number;
}

/**
 * Reads both SDKs' errors by shape (they share it: `status`, `headers`, `type`).
 * No status and no error type means the request never got an answer or the body
 * broke off: a network failure, worth another try.
 */
export function describeProviderError(err: unknown): ProviderFailure {
  const e = (err ?? {}) as { status?: unknown; headers?: { get?(name: string): string | null }; type?: unknown };
  if (typeof e.status === 'number') {
    const retryAfter = typeof e.headers?.get === 'function' ? e.headers.get('retry-after') : null;
    return { retryable: ANSWER_RETRYABLE_STATUSES.has(e.status), retryAfterMs: parseRetryAfter(retryAfter) };
  }
  if (typeof e.type === 'string' && e.type) return { retryable: TRANSIENT_STREAM_ERRORS.has(e.type) };
  return { retryable: true };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** An AbortController that follows the caller's signal, so the SDK request is cancelled with it. */
export function followSignal(signal: AbortSignalLike | undefined) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    release: () => signal?.removeEventListener('abort', onAbort),
  };
}

export interface ProviderCallOptions {
  provider: string;
  retry?: RetryOptions;
  signal?: AbortSignalLike;
}

/**
 * Opens `open` (one provider request mapped to answer events) and retries until
 * it yields its first text; from then on a failure is an AnswerInterruptedError.
 * Events before the first text (usage) are held and replayed. An abort ends quietly.
 */
export async function* streamWithRetries(
  open: (signal: AbortSignal) => AsyncGenerator<AnswerEvent>,
  options: ProviderCallOptions,
): AsyncGenerator<AnswerEvent> {
  const abort = followSignal(options.signal);
  let events: AsyncGenerator<AnswerEvent> | undefined;
  try {
    if (abort.signal.aborted) return;
    let held: AnswerEvent[];
    try {
      [events, held] = await withRetries(
        async () => {
          const attempt = open(abort.signal);
          const seen: AnswerEvent[] = [];
          try {
            for (let next = await attempt.next(); ; next = await attempt.next()) {
              if (next.done) return [attempt, seen] as const;
              seen.push(next.value);
              if (next.value.type === 'text' && next.value.text) return [attempt, seen] as const;
            }
          } catch (err) {
            throw toRetryable(err, abort.signal, options.provider);
          }
        },
        { retries: ANSWER_RETRIES, ...options.retry },
      );
    } catch (err) {
      if (abort.signal.aborted) return;
      throw toFailed(err, options.provider);
    }
    // Bytes already received keep parsing after an abort: check before every event, not only the network.
    for (const event of held) {
      if (abort.signal.aborted) return;
      yield event;
    }
    try {
      for (let next = await events.next(); !next.done && !abort.signal.aborted; next = await events.next())
        yield next.value;
    } catch (err) {
      if (abort.signal.aborted) return;
      throw new AnswerInterruptedError(`${options.provider} stopped mid-answer: ${messageOf(err)}`, { cause: err });
    }
  } finally {
    abort.release();
    // Also reached when the consumer stops early: cancel the request, then close the stream without
    // waiting, because cancelling a body that was tee'd (msw, debugging proxies) may never settle.
    abort.abort();
    void events?.return(undefined).catch(() => undefined);
  }
}

/** One non-streamed call under the same policy (used for query rewriting). */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: ProviderCallOptions,
): Promise<T> {
  const abort = followSignal(options.signal);
  try {
    return await withRetries(
      async () => {
        try {
          return await call(abort.signal);
        } catch (err) {
          throw toRetryable(err, abort.signal, options.provider);
        }
      },
      { retries: ANSWER_RETRIES, ...options.retry },
    );
  } catch (err) {
    throw toFailed(err, options.provider);
  } finally {
    abort.release();
  }
}

function toRetryable(err: unknown, signal: AbortSignal, provider: string): unknown {
  if (signal.aborted) return err;
  const failure = describeProviderError(err);
  if (failure.retryable) return new RetryableError(messageOf(err), failure.retryAfterMs, { cause: err });
  return new AnswerFailedError(`${provider} refused the request: ${messageOf(err)}`, { retryable: false, cause: err });
}

function toFailed(err: unknown, provider: string): AnswerFailedError {
  if (err instanceof AnswerFailedError) return err;
  return new AnswerFailedError(`${provider} did not answer: ${messageOf(err)}`, {
    retryable: err instanceof RetryableError,
    cause: err,
  });
}
