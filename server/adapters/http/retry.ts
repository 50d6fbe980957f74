import { ChronosError } from '../../../shared/chronos-error';
/**
 * Retries for calls to providers: exponential backoff with jitter (1 s, 2 s, 4 s
 * by default), honouring Retry-After when the provider sends one.
 */
export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** An error that says whether a retry can help and how long the server asked us to wait. */
export class RetryableError extends ChronosError {
  readonly code = 'PROVIDER_RETRYABLE';
  readonly retryable = true;

  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetryableError';
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 1000;
  const exp = base * 2 ** (attempt - 1);
  // Full jitter around the nominal step keeps retries of many clients apart: 75%–125%.
  const jitter = 0.75 + (options.random ?? Math.random)() * 0.5;
  return Math.min(options.maxDelayMs ?? 30_000, Math.round(exp * jitter));
}

/** Runs `fn`; on a RetryableError waits and tries again, up to `retries` more times. */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 3;
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!(err instanceof RetryableError) || attempt > retries) throw err;
      const delayMs =
        err.retryAfterMs !== undefined
          ? Math.min(err.retryAfterMs, options.maxDelayMs ?? 30_000)
          : backoffDelay(attempt, options);
      options.onRetry?.({ attempt, delayMs, reason: err.message });
      await wait(delayMs);
    }
  }
}
