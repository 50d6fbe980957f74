import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../../shared/api-error';
import { errorBody, stubFetch } from '../support/fetch-stub';
import { freeUsage } from '../support/plan-fixture';

/**
 * The student view's fetchers name their schema lazily (`embed/lib/lazy-schema.ts`): zod and
 * the shared schemas are imported beside the first request. The answer is still parsed with the
 * shared schema, and a page that cannot fetch its own schemas says it cannot reach Chronos.
 */
const FIRST_SCREEN_SCHEMAS = '../../../embed/lib/first-screen-schemas';

async function freshClient() {
  vi.resetModules();
  const { apiRequest, UNREACHABLE_MESSAGE } = await import('../../../embed/lib/api-client');
  const { lazySchema } = await import('../../../embed/lib/lazy-schema');
  // The error class of these fresh modules, for instanceof.
  const { ApiError } = await import('../../../shared/api-error');
  return { apiRequest, ApiError, UNREACHABLE_MESSAGE, usageSchema: lazySchema((schemas) => schemas.ChatUsage) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.doUnmock(FIRST_SCREEN_SCHEMAS);
});

describe('lazySchema in apiRequest', () => {
  it('parses the answer with the shared schema once it is imported, and refuses one that does not match', async () => {
    const { apiRequest, ApiError, usageSchema } = await freshClient();
    stubFetch({ body: { ...freeUsage(1), extra: 'dropped' } });
    await expect(apiRequest('/api/usage', { schema: usageSchema })).resolves.toEqual(freeUsage(1));

    stubFetch({ body: { remaining: 'many' } });
    const error = await rejection(apiRequest('/api/usage', { schema: usageSchema }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INTERNAL');
  });

  it('an error answer is the server error, whether or not the schemas arrived', async () => {
    vi.doMock(FIRST_SCREEN_SCHEMAS, () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { apiRequest, usageSchema } = await freshClient();
    stubFetch({ status: 403, body: errorBody('FORBIDDEN', 'No access', 'req_403') });
    const error = (await rejection(apiRequest('/api/usage', { schema: usageSchema }))) as ApiError;
    expect([error.code, error.requestId]).toEqual(['FORBIDDEN', 'req_403']);
  });

  it('schemas that cannot be fetched are "cannot reach Chronos" (not a crash), and are asked for again next time', async () => {
    vi.doMock(FIRST_SCREEN_SCHEMAS, () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { apiRequest, ApiError, UNREACHABLE_MESSAGE, usageSchema } = await freshClient();
    stubFetch({ body: freeUsage(1), headers: { 'x-request-id': 'req_ok' } });
    const error = (await rejection(apiRequest('/api/usage', { schema: usageSchema }))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.message, error.retryable]).toEqual(['SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, true]);

    vi.doUnmock(FIRST_SCREEN_SCHEMAS);
    await expect(apiRequest('/api/usage', { schema: usageSchema })).resolves.toEqual(freeUsage(1));
  });
});
