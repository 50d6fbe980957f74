import type { RateLimitDecision, RateLimiter } from '../../ports/rate-limiter';

export interface SlidingWindowOptions {
  /** Actions allowed in any window of `windowSeconds`. */
  limit: number;
  windowSeconds: number;
  /** Keys remembered at most; beyond it the least recently used key is forgotten (bounded memory). */
  maxKeys?: number;
  now?: () => number;
}

export const DEFAULT_MAX_KEYS = 10_000;

/**
 * An exact sliding window for one process: each key keeps the times of its last
 * `limit` allowed actions, so no window of `windowSeconds` ever holds more than
 * `limit`, and a refusal can say when the oldest one leaves the window. Memory is
 * at most `maxKeys × limit` timestamps. Refused attempts are not recorded: a client
 * that keeps retrying is not punished beyond the limit itself.
 */
export function createSlidingWindowRateLimiter(options: SlidingWindowOptions): RateLimiter {
  const windowMs = options.windowSeconds * 1000;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const now = options.now ?? Date.now;
  // Map iteration order is insertion order: re-inserting on use keeps the least recently used first.
  const windows = new Map<string, number[]>();

  return {
    async consume(key: string): Promise<RateLimitDecision> {
      const at = now();
      const recent = (windows.get(key) ?? []).filter((t) => t > at - windowMs);
      windows.delete(key);
      if (recent.length >= options.limit) {
        windows.set(key, recent);
        const retryAfterMs = recent[0]! + windowMs - at;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
      recent.push(at);
      windows.set(key, recent);
      for (const oldest of windows.keys()) {
        if (windows.size <= maxKeys) break;
        windows.delete(oldest);
      }
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
