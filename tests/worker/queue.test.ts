import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import worker from '../../server/entry/worker';
import { createWorker } from '../../server/entry/worker-handler';
import { handleJobBatch, type JobHandlers } from '../../server/entry/worker-queue';

const message = (id: string, body: unknown, attempts = 1) => ({ id, timestamp: new Date(), attempts, body });

async function deliver(handler: ReturnType<typeof createWorker>, bindings: typeof env, bodies: unknown[]) {
  const batch = createMessageBatch(
    'chronos-jobs',
    bodies.map((b, i) => message(`m${i}`, b, i + 1)),
  );
  const ctx = createExecutionContext();
  await handler.queue(batch, bindings, ctx);
  return getQueueResult(batch, ctx);
}

describe('chronos-jobs consumer', () => {
  it('acknowledges jobs nobody handles yet, and malformed ones, instead of retrying them forever', async () => {
    const result = await deliver(worker, env, [{ type: 'ingest-video', videoId: 'v1' }, 'not a job', { type: '' }]);
    expect(result.outcome).toBe('ok');
    expect(result.explicitAcks.sort()).toEqual(['m0', 'm1', 'm2']);
    expect(result.retryMessages).toEqual([]);
  });

  it('acks a handled job and retries a failed one with backoff', async () => {
    const handlers: JobHandlers = {
      ok: async () => {},
      boom: async () => {
        throw new Error('provider 503');
      },
    };
    const result = await deliver(createWorker({ jobHandlers: handlers }), env, [{ type: 'ok' }, { type: 'boom' }]);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m1']);
  });

  it('backs off 30 s, 60 s, 120 s, … up to an hour (the delay the pool does not report)', async () => {
    const retried: (number | undefined)[] = [];
    const fake = (attempts: number) => ({
      id: `a${attempts}`,
      timestamp: new Date(),
      attempts,
      body: { type: 'boom' },
      ack: () => {},
      retry: (options?: QueueRetryOptions) => void retried.push(options?.delaySeconds),
    });
    const batch = { queue: 'chronos-jobs', messages: [1, 2, 3, 20].map(fake) } as unknown as MessageBatch<unknown>;
    const failing: JobHandlers = { boom: () => Promise.reject(new Error('no')) };
    await handleJobBatch(batch, failing, createJsonLogger({ level: 'silent' }));
    expect(retried).toEqual([30, 60, 120, 3600]);
  });

  it('keeps the whole batch while the configuration is invalid', async () => {
    const result = await deliver(createWorker(), { ...env, WHOP_APP_ID: 'nope' }, [{ type: 'ingest-video' }]);
    expect(result.retryBatch.retry).toBe(true);
    expect(result.explicitAcks).toEqual([]);
  });

  it('has the producer binding for the same queue', async () => {
    expect(typeof env.JOBS.send).toBe('function');
  });
});
