import Whop, { APIConnectionError, APIError, APIUserAbortError, NotFoundError } from '@whop/sdk';
import { z } from 'zod';
import type { Logger } from '../../ports/logger';
import { type WhopApi, WhopUnavailableError } from '../../ports/whop';
import { parseRetryAfter, RETRYABLE_STATUSES, RetryableError, type RetryOptions, withRetries } from '../http/retry';

/*
 * The SDK types Whop's answers but does not check them; a body we cannot read is
 * Whop being unavailable to us, never a guess (an unknown access level is not "customer").
 */
const ExperienceBody = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  company: z.object({ id: z.string(), title: z.string().nullable().optional() }),
});
const CompanyBody = z.object({ id: z.string(), title: z.string().nullable().optional() });
const UserBody = z.object({
  id: z.string(),
  username: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});
const CheckoutBody = z.object({ id: z.string(), plan: z.object({ id: z.string() }).nullable().optional() });
const AccessBody = z.object({ access_level: z.enum(['admin', 'customer', 'no_access']) });
const NotificationBody = z.object({ success: z.boolean() });
const NOTIFICATION_RETRIES = 1;

export interface WhopRestApiOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
  logger?: Logger;
  fetch?: typeof fetch;
}

/**
 * Whop's REST API v1 through Whop's own SDK (`@whop/sdk`). The SDK's own retries are
 * off (`maxRetries: 0`) so that one policy, ours, applies to every provider: backoff
 * with jitter, Retry-After honoured, and a clear WhopUnavailableError at the end.
 */
export function createWhopRestApi(options: WhopRestApiOptions): WhopApi {
  const client = new Whop({
    apiKey: options.apiKey,
    baseURL: (options.baseUrl ?? 'https://api.whop.com/api/v1').replace(/\/$/, ''),
    timeout: options.timeoutMs ?? 5000,
    maxRetries: 0,
    // Explicit nulls: the SDK otherwise reads process.env, which a Worker may not have.
    appID: null,
    webhookKey: null,
    userTokenPublicKey: null,
    userTokenJwksUrl: null,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    logLevel: 'off',
  });

  async function call<T>(
    what: string,
    schema: z.ZodType<T>,
    request: () => PromiseLike<unknown>,
    retries: number | undefined = options.retry?.retries,
  ): Promise<T | null> {
    return withRetries(
      async () => {
        let body: unknown;
        try {
          body = await request();
        } catch (err) {
          throw classify(what, err);
        }
        if (body === null) return null;
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new WhopUnavailableError(`Whop API sent an unexpected body for ${what}`);
        return parsed.data;
      },
      {
        ...options.retry,
        ...(retries === undefined ? {} : { retries }),
        onRetry: (info) => options.logger?.warn('whop api retry', { path: what, ...info }),
      },
    ).catch((err: unknown) => {
      if (err instanceof WhopUnavailableError) throw err;
      throw new WhopUnavailableError((err as Error).message, { cause: err });
    });
  }

  /** A 404 is "Whop has no such thing": null, not an outage. */
  const orNull = <T>(promise: PromiseLike<T>) =>
    Promise.resolve(promise).catch((err: unknown) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });

  return {
    async getExperience(id) {
      const body = await call('experiences', ExperienceBody, () => orNull(client.experiences.retrieve(id)));
      return (
        body && {
          id: body.id,
          name: body.name ?? null,
          companyId: body.company.id,
          companyName: body.company.title ?? null,
        }
      );
    },
    async getCompany(id) {
      const body = await call('companies', CompanyBody, () => orNull(client.companies.retrieve(id)));
      return body && { id: body.id, name: body.title ?? null };
    },
    async getUser(id) {
      const body = await call('users', UserBody, () => orNull(client.users.retrieve(id)));
      return body && { id: body.id, username: body.username ?? null, name: body.name ?? null };
    },
    async createCheckout({ planId, metadata }) {
      const body = await call('checkout_configurations', CheckoutBody, () =>
        client.checkoutConfigurations.create({ plan_id: planId, metadata }),
      );
      if (!body) throw new WhopUnavailableError('Whop did not create the checkout');
      return { id: body.id, planId: body.plan?.id ?? planId };
    },
    async checkAccess(userId, resourceId) {
      const body = await call('users', AccessBody, () => orNull(client.users.checkAccess(resourceId, { id: userId })));
      return body?.access_level ?? 'no_access';
    },
    async sendNotification(notification) {
      const target =
        notification.audience.kind === 'company'
          ? { company_id: notification.audience.companyId }
          : { experience_id: notification.audience.experienceId };
      // One retry only: a notification is sent while a student's request waits, and is a courtesy.
      const body = await call(
        'notifications',
        NotificationBody,
        () =>
          client.notifications.create({
            ...target,
            title: notification.title,
            content: notification.content,
            ...(notification.subtitle ? { subtitle: notification.subtitle } : {}),
            ...(notification.restPath ? { rest_path: notification.restPath } : {}),
          }),
        NOTIFICATION_RETRIES,
      );
      if (!body?.success) throw new WhopUnavailableError('Whop did not queue the notification');
    },
  };
}

/** Maps the SDK's errors onto our retry policy; the message never carries the key. */
function classify(what: string, err: unknown): Error {
  if (err instanceof APIUserAbortError)
    return new WhopUnavailableError(`Whop API call to ${what} was aborted`, { cause: err });
  if (err instanceof APIConnectionError) {
    return new RetryableError(`Whop API network error for ${what}: ${err.message}`, undefined, { cause: err });
  }
  if (err instanceof APIError && err.status !== undefined) {
    if (RETRYABLE_STATUSES.has(err.status)) {
      return new RetryableError(
        `Whop API answered ${err.status}`,
        parseRetryAfter(err.headers?.get('retry-after') ?? null),
      );
    }
    return new WhopUnavailableError(`Whop API answered ${err.status} for ${what}`);
  }
  return new WhopUnavailableError(`Whop API call to ${what} failed`, { cause: err });
}
