/**
 * Counts one action for a key (a user) against a limit per window. Adapters:
 * a sliding window in process memory (Node), the Workers Rate Limiting binding.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until an attempt can succeed (an upper bound when the adapter cannot tell). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  consume(key: string): Promise<RateLimitDecision>;
}

/** The limits the HTTP surface applies per user. */
export interface RateLimits {
  /** `POST /api/chat`. */
  chat: RateLimiter;
  /** Requests that make Whop calls: an access check or lookup on a cache miss, a checkout. */
  whop: RateLimiter;
}
