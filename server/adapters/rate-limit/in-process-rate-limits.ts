import type { RateLimits } from '../../ports/rate-limiter';
import { createSlidingWindowRateLimiter } from './sliding-window-rate-limiter';

/** Node's limits: one sliding window per limit, per minute, in this process (the only one serving). */
export function createInProcessRateLimits(limits: { chatPerMinute: number; whopPerMinute: number }): RateLimits {
  return {
    chat: createSlidingWindowRateLimiter({ limit: limits.chatPerMinute, windowSeconds: 60 }),
    whop: createSlidingWindowRateLimiter({ limit: limits.whopPerMinute, windowSeconds: 60 }),
  };
}
