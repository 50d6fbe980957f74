import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../server/entry/worker';
import { ErrorBody } from '../../shared/schemas/error-body';
import { HealthResponse } from '../../shared/schemas/health';

/**
 * The deployed default export with the real bindings, waiting for its waitUntil
 * work (closing the database client) so no connection outlives the test.
 */
async function fetchWorker(path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://chronos.test${path}`, init), env, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, body };
}

describe('the wrangler.toml Worker, inside workerd', () => {
  it('really runs in workerd, not Node', () => {
    console.log(`[worker tests] navigator.userAgent = ${navigator.userAgent}`);
    expect(navigator.userAgent).toBe('Cloudflare-Workers');
  });

  it('answers /api/health from Postgres through the Hyperdrive binding', async () => {
    expect(env.HYPERDRIVE.connectionString).toMatch(/^postgres(ql)?:\/\//);
    const { res, body: text } = await fetchWorker('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = HealthResponse.parse(JSON.parse(text));
    expect(body).toMatchObject({
      status: 'ok',
      runtime: 'workers',
      database: { reachable: true, driver: 'postgres', migration: env.NEWEST_MIGRATION },
      providers: { jobs: { name: 'cloudflare-queues', mode: 'real' } },
    });
  });

  it('keeps a sane inbound request id', async () => {
    const { res } = await fetchWorker('/api/health', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers.get('x-request-id')).toBe('trace-12345678');
  });

  it('answers an unknown API path with 404 and the shared error body (through the runtime, as deployed)', async () => {
    const res = await exports.default.fetch('https://chronos.test/api/nope');
    expect(res.status).toBe(404);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
  });
});
