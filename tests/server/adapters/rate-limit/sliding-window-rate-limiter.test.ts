import { describe, expect, it } from 'vitest';
import { createSlidingWindowRateLimiter } from '../../../../server/adapters/rate-limit/sliding-window-rate-limiter';
import { createWorkersRateLimiter } from '../../../../server/adapters/rate-limit/workers-rate-limiter';

describe('sliding-window rate limiter (Node)', () => {
  it('allows `limit` actions in any window, then says when the oldest leaves it', async () => {
    let now = 1_000_000;
    const limiter = createSlidingWindowRateLimiter({ limit: 3, windowSeconds: 60, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.consume('u')).toEqual({ allowed: true, retryAfterSeconds: 0 });
      now += 10_000;
    }
    // t = 30 s: the first action (t = 0) leaves the window at t = 60 s.
    expect(await limiter.consume('u')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now += 29_500;
    expect(await limiter.consume('u')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 500;
    expect((await limiter.consume('u')).allowed).toBe(true);
    // Still a sliding window: the actions at 10 s and 20 s are in it, plus the one just made.
    expect((await limiter.consume('u')).allowed).toBe(false);
  });

  it('does not count refused attempts', async () => {
    let now = 0;
    const limiter = createSlidingWindowRateLimiter({ limit: 1, windowSeconds: 60, now: () => now });
    await limiter.consume('u');
    for (let i = 0; i < 50; i++) expect((await limiter.consume('u')).allowed).toBe(false);
    now = 60_001;
    expect((await limiter.consume('u')).allowed).toBe(true);
  });

  it('keeps keys apart', async () => {
    const limiter = createSlidingWindowRateLimiter({ limit: 1, windowSeconds: 60 });
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('a')).allowed).toBe(false);
    expect((await limiter.consume('b')).allowed).toBe(true);
  });

  it('remembers at most maxKeys keys, forgetting the least recently used', async () => {
    const limiter = createSlidingWindowRateLimiter({ limit: 1, windowSeconds: 60, maxKeys: 100 });
    await limiter.consume('kept');
    for (let i = 0; i < 99; i++) await limiter.consume(`filler-${i}`);
    expect((await limiter.consume('kept')).allowed).toBe(false); // used again: now the most recent
    for (let i = 99; i < 150; i++) await limiter.consume(`filler-${i}`);
    expect((await limiter.consume('kept')).allowed).toBe(false);
    // filler-0 was evicted long ago: a fresh window.
    expect((await limiter.consume('filler-0')).allowed).toBe(true);
  });
});

describe('Workers rate limiter (the Rate Limiting binding)', () => {
  it('asks the binding with the key, and answers a refusal with the whole period', async () => {
    const keys: string[] = [];
    const binding = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: keys.length <= 1 }) };
    const limiter = createWorkersRateLimiter(binding, { periodSeconds: 60 });
    expect(await limiter.consume('user_a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await limiter.consume('user_a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(keys).toEqual(['user_a', 'user_a']);
  });

  it('lets the request through when the binding fails', async () => {
    const binding = { limit: async () => Promise.reject(new Error('binding down')) };
    expect((await createWorkersRateLimiter(binding, { periodSeconds: 60 }).consume('u')).allowed).toBe(true);
  });
});
