import { ChronosError } from '../../../shared/chronos-error';
import type { AbortSignalLike, Answerer } from '../../ports/answerer';
import type { RewriteModel } from './rewrite-follow-up';

/**
 * How long a follow-up rewrite may take. The student waits for it before
 * retrieval even starts, and the rules give a usable query at once, so a slow
 * model is not worth waiting for.
 */
export const REWRITE_TIMEOUT_MS = 2500;

export class RewriteTimeoutError extends ChronosError {
  readonly code = 'REWRITE_TIMEOUT';
  readonly retryable = true;

  constructor(ms: number) {
    super(`the follow-up rewrite took longer than ${ms} ms`);
    this.name = 'RewriteTimeoutError';
  }
}

/** An abort signal the domain can raise itself (domain code compiles without AbortController). */
function deadlineSignal(): AbortSignalLike & { abort(): void } {
  const listeners = new Set<() => void>();
  let aborted = false;
  return {
    get aborted() {
      return aborted;
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    abort() {
      if (aborted) return;
      aborted = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

/**
 * The answerer's `complete`, bounded by a deadline that also cancels the
 * provider request (and its retries), so a hung provider costs at most
 * `timeoutMs`. Undefined for answerers without a model (offline): they keep the rules.
 */
export function rewriteModelOf(answerer: Answerer, timeoutMs = REWRITE_TIMEOUT_MS): RewriteModel | undefined {
  if (!answerer.complete) return undefined;
  const complete = answerer.complete.bind(answerer);
  return {
    complete(request) {
      const signal = deadlineSignal();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          signal.abort();
          reject(new RewriteTimeoutError(timeoutMs));
        }, timeoutMs);
      });
      return Promise.race([complete(request, signal), deadline]).finally(() => clearTimeout(timer));
    },
  };
}
