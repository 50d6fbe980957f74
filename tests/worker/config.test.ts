import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { loadWorkerConfig, type WorkerBindings } from '../../server/entry/worker-deps';
import { createWorker } from '../../server/entry/worker-handler';
import { ErrorBody } from '../../shared/schemas/error-body';
import { HealthResponse } from '../../shared/schemas/health';

/** A fresh isolate's worth of state (the configuration is cached per worker). */
async function fetchWith(bindings: WorkerBindings, path = '/api/health') {
  const worker = createWorker();
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://chronos.test${path}`), bindings, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, text, worker };
}

describe('worker configuration', () => {
  it('uses DATABASE_URL when there is no Hyperdrive binding', async () => {
    const { res, text } = await fetchWith({ ...env, HYPERDRIVE: undefined });
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(JSON.parse(text)).database).toMatchObject({ reachable: true, driver: 'postgres' });
  });

  it('answers every request with 500 and the list of problems, never a value', async () => {
    const bindings = { ...env, WHOP_API_KEY: undefined, LOG_LEVEL: 'loud', OPENAI_API_KEY: 'sk-short' };
    const { res, text, worker } = await fetchWith(bindings);
    expect(res.status).toBe(500);
    const { error } = ErrorBody.parse(JSON.parse(text));
    expect(error.code).toBe('INTERNAL');
    expect(error.requestId).toBe(res.headers.get('x-request-id'));
    const problems = error.details?.['problems'] as string[];
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^LOG_LEVEL:/), expect.stringMatching(/^OPENAI_API_KEY:/)]),
    );
    for (const value of ['sk-short', env.WHOP_WEBHOOK_SECRET, env.DATABASE_URL]) expect(text).not.toContain(value);

    // Parsed once per isolate: the next request gets the same answer, without a database.
    const again = await worker.fetch(new Request('https://chronos.test/'), bindings, createExecutionContext());
    expect(again.status).toBe(500);
  });

  it('prepares statements through Hyperdrive, and over DATABASE_URL only when told to', async () => {
    const prepared = async (bindings: WorkerBindings) => {
      const config = await loadWorkerConfig(bindings);
      if (!config.ok) throw new Error(config.problems.join('; '));
      return config.preparedStatements;
    };
    expect(await prepared(env)).toBe(true);
    // A usual DATABASE_URL is Supabase's transaction pooler, which rejects named prepared statements.
    expect(await prepared({ ...env, HYPERDRIVE: undefined })).toBe(false);
    expect(await prepared({ ...env, HYPERDRIVE: undefined, DATABASE_PREPARE: 'true' })).toBe(true);
  });

  it('needs a database: Workers have no embedded PGlite', async () => {
    const { res, text } = await fetchWith({ ...env, HYPERDRIVE: undefined, DATABASE_URL: undefined });
    expect(res.status).toBe(500);
    expect(text).toContain('DATABASE_URL: required on Workers');
  });
});
