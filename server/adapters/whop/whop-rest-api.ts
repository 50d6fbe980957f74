import { z } from 'zod';
import type { Logger } from '../../ports/logger';
import { WhopUnavailableError, type WhopApi } from '../../ports/whop';
import { parseRetryAfter, RETRYABLE_STATUSES, RetryableError, withRetries, type RetryOptions } from '../http/retry';

const ExperienceBody = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  company: z.object({ id: z.string(), title: z.string().nullable().optional() }),
});
const CompanyBody = z.object({ id: z.string(), title: z.string().nullable().optional() });
const UserBody = z.object({ id: z.string(), username: z.string().nullable().optional(), name: z.string().nullable().optional() });
const CheckoutBody = z.object({ id: z.string(), plan: z.object({ id: z.string() }).nullable().optional() });
const AccessBody = z.object({ access_level: z.enum(['admin', 'customer', 'no_access']) });

export interface WhopRestApiOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** Whop's REST API v1 through fetch: timeouts, and retries on 429/5xx and network errors. */
export function createWhopRestApi(options: WhopRestApiOptions): WhopApi {
  const baseUrl = (options.baseUrl ?? 'https://api.whop.com/api/v1').replace(/\/$/, '');
  const doFetch = options.fetch ?? fetch;

  async function call<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T | null> {
    return withRetries(
      async () => {
        let res: Response;
        try {
          res = await doFetch(`${baseUrl}${path}`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: {
              authorization: `Bearer ${options.apiKey}`,
              accept: 'application/json',
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
          });
        } catch (err) {
          throw new RetryableError(`Whop API network error: ${(err as Error).message}`, undefined, { cause: err });
        }
        if (res.status === 404) return null;
        if (RETRYABLE_STATUSES.has(res.status)) {
          throw new RetryableError(`Whop API answered ${res.status}`, parseRetryAfter(res.headers.get('retry-after')));
        }
        if (!res.ok) throw new WhopUnavailableError(`Whop API answered ${res.status} for ${path.split('/')[1]}`);
        const parsed = schema.safeParse(await res.json().catch(() => undefined));
        if (!parsed.success) throw new WhopUnavailableError(`Whop API sent an unexpected body for ${path.split('/')[1]}`);
        return parsed.data;
      },
      {
        ...options.retry,
        onRetry: (info) => options.logger?.warn('whop api retry', { path: path.split('/')[1], ...info }),
      },
    ).catch((err: unknown) => {
      if (err instanceof WhopUnavailableError) throw err;
      throw new WhopUnavailableError((err as Error).message, { cause: err });
    });
  }

  const enc = encodeURIComponent;
  return {
    async getExperience(id) {
      const body = await call(`/experiences/${enc(id)}`, ExperienceBody);
      return body && { id: body.id, name: body.name ?? null, companyId: body.company.id, companyName: body.company.title ?? null };
    },
    async getCompany(id) {
      const body = await call(`/companies/${enc(id)}`, CompanyBody);
      return body && { id: body.id, name: body.title ?? null };
    },
    async getUser(id) {
      const body = await call(`/users/${enc(id)}`, UserBody);
      return body && { id: body.id, username: body.username ?? null, name: body.name ?? null };
    },
    async createCheckout({ planId, metadata }) {
      const body = await call('/checkout_configurations', CheckoutBody, { plan_id: planId, metadata });
      if (!body) throw new WhopUnavailableError('Whop did not create the checkout');
      return { id: body.id, planId: body.plan?.id ?? planId };
    },
    async checkAccess(userId, resourceId) {
      const body = await call(`/users/${enc(userId)}/access/${enc(resourceId)}`, AccessBody);
      return body?.access_level ?? 'no_access';
    },
  };
}
