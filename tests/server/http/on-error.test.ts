import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openPgliteDb } from '../../../server/adapters/db/pglite-db';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createApp } from '../../../server/app';
import { ApiError } from '../../../shared/api-error';
import { errorCatalog } from '../../../shared/errors';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { testIdentity } from '../../support/whop-world';

let db: Awaited<ReturnType<typeof openPgliteDb>>;
beforeAll(async () => {
  db = await openPgliteDb();
});
afterAll(() => db.close());

async function appThrowing(err: unknown) {
  const lines: Record<string, unknown>[] = [];
  const app = createApp({
    db,
    logger: createJsonLogger({ sink: (l) => lines.push(JSON.parse(l)) }),
    clock: { now: () => new Date() },
    version: 't',
    runtime: 'node',
    providers: {} as never,
    identity: await testIdentity(),
    webhookSecret: null,
    ai: {} as never,
    media: {} as never,
  });
  app.get('/api/boom', () => {
    throw err;
  });
  return { app, lines };
}

describe('onError', () => {
  it.each(Object.entries(errorCatalog))('maps %s to its status with the shared body', async (code, { status }) => {
    const { app } = await appThrowing(new ApiError(code as keyof typeof errorCatalog, `because ${code}`));
    const res = await app.request('/api/boom');
    expect(res.status).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error).toMatchObject({ code, message: `because ${code}` });
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('never leaks internals of an unexpected error, but logs them', async () => {
    const { app, lines } = await appThrowing(new Error('password=hunter2 at db.internal:5432'));
    const res = await app.request('/api/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    const logged = lines.find((l) => l['msg'] === 'unhandled error');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('turns a zod error into VALIDATION_FAILED with the issues', async () => {
    const parsed = z.object({ title: z.string().min(1) }).safeParse({ title: '' });
    const { app } = await appThrowing(parsed.error);
    const res = await app.request('/api/boom');
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.['issues']).toEqual([expect.objectContaining({ path: 'title' })]);
  });

  it('sends Retry-After when the error says when to retry', async () => {
    const { app } = await appThrowing(
      new ApiError('RATE_LIMITED', 'slow down', { details: { retryAfterSeconds: 2.5 } }),
    );
    const res = await app.request('/api/boom');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
  });
});

describe('ApiError.fromBody', () => {
  it('rebuilds the server error on the client side', () => {
    const err = ApiError.fromBody(403, { error: { code: 'FORBIDDEN', message: 'no', requestId: 'r1' } });
    expect(err).toMatchObject({ code: 'FORBIDDEN', status: 403, requestId: 'r1', retryable: false });
  });

  it('treats unknown bodies by status', () => {
    expect(ApiError.fromBody(503, '<html>').code).toBe('SERVICE_UNAVAILABLE');
    expect(ApiError.fromBody(500, { error: { code: 'WHAT', message: 'x', requestId: 'r' } }).code).toBe('INTERNAL');
  });
});
