import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { RateLimiter } from '../ports/rate-limiter';
import type { WhopApi } from '../ports/whop';
import type { AppEnv } from './context';

/** 429 with the shared error shape; onError turns `retryAfterSeconds` into the Retry-After header. */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError('RATE_LIMITED', `${message} Try again in ${retryAfterSeconds} s.`, {
    details: { retryAfterSeconds },
  });
}

/** After the auth middleware: one action of the verified user against `limiter`. No limiter, no limit. */
export function limitPerUser(limiter: RateLimiter | undefined, message: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (limiter) {
      const decision = await limiter.consume(c.get('userId'));
      if (!decision.allowed) throw rateLimited(message, decision.retryAfterSeconds);
    }
    await next();
  };
}

const WHOP_MESSAGE = 'Too many requests to Whop from your account in a short time.';

// One Whop budget decision per request, however many Whop calls the request makes.
const whopDecisions = new WeakMap<Request, Promise<void>>();

/**
 * Counts the request once against the user's Whop budget, on its first Whop call
 * (a cache hit costs nothing); every later call in the same request shares the answer.
 */
export function spendWhopBudget(c: Context<AppEnv>, limiter: RateLimiter | undefined, userId: string): Promise<void> {
  if (!limiter) return Promise.resolve();
  let decided = whopDecisions.get(c.req.raw);
  if (!decided) {
    decided = limiter.consume(userId).then((decision) => {
      if (!decision.allowed) throw rateLimited(WHOP_MESSAGE, decision.retryAfterSeconds);
    });
    whopDecisions.set(c.req.raw, decided);
  }
  return decided;
}

/** For routes that call Whop themselves (checkout): spends the budget before the handler runs. */
export function limitWhopCalls(limiter: RateLimiter | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await spendWhopBudget(c, limiter, c.get('userId'));
    await next();
  };
}

/** The Whop API as one request sees it: each call first spends the request's Whop budget. */
export function budgetedWhop(whop: WhopApi, spend: () => Promise<void>): WhopApi {
  return {
    getExperience: async (experienceId) => (await spend(), whop.getExperience(experienceId)),
    getCompany: async (companyId) => (await spend(), whop.getCompany(companyId)),
    getUser: async (userId) => (await spend(), whop.getUser(userId)),
    checkAccess: async (userId, resourceId) => (await spend(), whop.checkAccess(userId, resourceId)),
    createCheckout: async (input) => (await spend(), whop.createCheckout(input)),
    sendNotification: async (notification) => (await spend(), whop.sendNotification(notification)),
  };
}
