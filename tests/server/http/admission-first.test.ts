import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createAdmissionGate } from '../../../server/http/admission-first';
import type { AppEnv } from '../../../server/http/context';

/** A promise and the function that settles it. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  // Let microtasks and one macrotask run.
  await new Promise((r) => setTimeout(r, 5));
  return done;
};

describe('admission first: work waits while questions are being admitted', () => {
  it('lets work start at once when nothing is being admitted', async () => {
    const gate = createAdmissionGate();
    expect(await settled(gate.idle())).toBe(true);
  });

  it('holds work until every admission in flight has its response, then releases all waiting work', async () => {
    const gate = createAdmissionGate({ maxWaitMs: 10_000 });
    const first = deferred();
    const second = deferred();
    const app = new Hono<AppEnv>();
    app.post('/a', gate.track, async (c) => {
      await first.promise;
      return c.text('a');
    });
    app.post('/b', gate.track, async (c) => {
      await second.promise;
      return c.text('b');
    });
    const a = app.request('/a', { method: 'POST' });
    const b = app.request('/b', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 1));
    expect(gate.admitting).toBe(2);

    const work = [gate.idle(), gate.idle()];
    expect(await settled(Promise.all(work))).toBe(false);
    first.resolve();
    await a;
    expect(gate.admitting).toBe(1);
    expect(await settled(Promise.all(work))).toBe(false);
    second.resolve();
    await b;
    expect(gate.admitting).toBe(0);
    expect(await settled(Promise.all(work))).toBe(true);
  });

  it('counts an admission that failed as finished too', async () => {
    const gate = createAdmissionGate({ maxWaitMs: 10_000 });
    const app = new Hono<AppEnv>();
    app.post('/fail', gate.track, () => {
      throw new Error('refused');
    });
    app.onError((_err, c) => c.text('refused', 403));
    const res = await app.request('/fail', { method: 'POST' });
    expect(res.status).toBe(403);
    expect(gate.admitting).toBe(0);
    expect(await settled(gate.idle())).toBe(true);
  });

  it('never starves work: after the longest wait it starts though admissions keep coming', async () => {
    const gate = createAdmissionGate({ maxWaitMs: 30 });
    const never = deferred();
    const app = new Hono<AppEnv>();
    app.post('/slow', gate.track, async (c) => {
      await never.promise;
      return c.text('late');
    });
    void app.request('/slow', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 1));
    const started = performance.now();
    await gate.idle();
    const waited = performance.now() - started;
    expect(gate.admitting).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThan(1_000);
    never.resolve();
  });
});
