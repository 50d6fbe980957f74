import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import { createWorkersRateLimiter } from '../../server/adapters/rate-limit/workers-rate-limiter';
import { WHOP_TOKEN_ISSUER } from '../../server/adapters/whop/jose-user-token-verifier';
import { RATE_LIMIT_PERIOD_SECONDS } from '../../server/entry/worker-deps';
import { createWorker } from '../../server/entry/worker-handler';
import { ErrorBody } from '../../shared/schemas/error-body';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';

/**
 * The Workers Rate Limiting binding ([[ratelimits]] in wrangler.toml), which miniflare
 * implements (a fixed window per period, counted in memory): the adapter over it, and the
 * deployed Worker answering the 21st question in a minute with 429.
 */
const db = openPostgresDb({ url: env.DATABASE_URL, max: 2, prepare: false });
afterAll(() => db.close());

/** Miniflare's window is the wall-clock minute: start a burst early enough in one. */
async function freshWindow() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe('the Rate Limiting binding', () => {
  it('is bound from wrangler.toml, with a 60 s period', () => {
    expect(typeof env.CHAT_RATE_LIMITER?.limit).toBe('function');
    expect(typeof env.WHOP_RATE_LIMITER?.limit).toBe('function');
    expect(RATE_LIMIT_PERIOD_SECONDS).toBe(60);
  });

  it('allows 20 questions a minute per key, refuses the 21st with the period as Retry-After, and keeps keys apart', async () => {
    await freshWindow();
    const limiter = createWorkersRateLimiter(env.CHAT_RATE_LIMITER!, { periodSeconds: RATE_LIMIT_PERIOD_SECONDS });
    const key = `user_binding${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 1; i <= 20; i++) expect((await limiter.consume(key)).allowed, `question ${i}`).toBe(true);
    expect(await limiter.consume(key)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await limiter.consume(`${key}other`)).allowed).toBe(true);
  });
});

describe('the deployed Worker', () => {
  const userId = `user_wrl${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const otherUserId = `${userId}b`;
  const experienceId = 'exp_workerratelimit';
  const companyId = 'biz_workerratelimit';
  let jwk = '';
  let sign: (sub: string) => Promise<string>;

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256', { extractable: true });
    jwk = JSON.stringify({ ...(await exportJWK(keys.publicKey)), alg: 'ES256' });
    sign = (sub) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(WHOP_TOKEN_ISSUER)
        .setAudience(env.WHOP_APP_ID as string)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(keys.privateKey);
    // What Whop told us, cached for the next hour: the Worker needs no Whop call (there is no network here).
    await db.query(
      `insert into creators (id, name, tier) values ($1, 'Rate limit school', 'ENTERPRISE') on conflict (id) do nothing`,
      [companyId],
    );
    await db.query(
      `insert into experiences (id, creator_id, name, resolved_at) values ($1, $2, 'Course', now() + interval '1 hour') on conflict (id) do nothing`,
      [experienceId, companyId],
    );
    for (const id of [userId, otherUserId]) {
      await db.query(
        `insert into users (id, username, name, last_seen_at, profile_refreshed_at) values ($1, $1, $1, now(), now() + interval '1 hour')`,
        [id],
      );
      await db.query(
        `insert into whop_access_cache (user_id, resource_id, access_level, checked_at, expires_at) values ($1, $2, 'customer', now(), now() + interval '1 hour')`,
        [id, experienceId],
      );
    }
  });

  async function ask(worker: ReturnType<typeof createWorker>, sub: string) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request('https://chronos.test/api/chat', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [USER_TOKEN_HEADER]: await sign(sub),
          [EXPERIENCE_HEADER]: experienceId,
        },
        body: JSON.stringify({ question: 'What does this course teach?' }),
      }),
      { ...env, WHOP_JWK: jwk },
      ctx,
    );
    const text = await res.text();
    await waitOnExecutionContext(ctx);
    return { res, text };
  }

  it('answers the 21st question in a minute with 429, Retry-After and the shared error; another student is unaffected', async () => {
    await freshWindow();
    const worker = createWorker();
    for (let i = 1; i <= 20; i++) {
      const { res, text } = await ask(worker, userId);
      expect(res.status, `question ${i}: ${text.slice(0, 200)}`).toBe(200);
    }
    const { res, text } = await ask(worker, userId);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(ErrorBody.parse(JSON.parse(text)).error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 60 },
    });

    expect((await ask(worker, otherUserId)).res.status).toBe(200);
  });
});
