import type { Logger } from '../../ports/logger';
import type { RateLimitDecision, RateLimiter } from '../../ports/rate-limiter';

/** The Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml), as far as we use it. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * Cloudflare's rate limiter: the limit and period (10 or 60 s) are the binding's,
 * set in wrangler.toml; counts are per Cloudflare location and approximate. The
 * binding only says yes or no, so a refusal's Retry-After is the whole period,
 * the longest a client can have to wait. If the binding itself fails, the request
 * goes through (logged): a limiter outage must not take the chat down with it.
 */
export function createWorkersRateLimiter(
  binding: RateLimitBinding,
  options: { periodSeconds: number; logger?: Logger },
): RateLimiter {
  return {
    async consume(key: string): Promise<RateLimitDecision> {
      try {
        const { success } = await binding.limit({ key });
        return success
          ? { allowed: true, retryAfterSeconds: 0 }
          : { allowed: false, retryAfterSeconds: options.periodSeconds };
      } catch (err) {
        options.logger?.warn('rate limit binding failed; request allowed', { err });
        return { allowed: true, retryAfterSeconds: 0 };
      }
    },
  };
}
