import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessRateLimits } from '../../../server/adapters/rate-limit/in-process-rate-limits';
import { parseEnv } from '../../../server/env';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopCalls, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  // ENTERPRISE: no question quota, so only the rate limit can refuse a question here.
  await db.query(
    `insert into creators (id, tier) values ($1, 'ENTERPRISE') on conflict (id) do update set tier = 'ENTERPRISE'`,
    [world.A.companyId],
  );
  await db.query(`insert into whop_plan_tiers (plan_id, tier) values ('plan_basic', 'BASIC') on conflict do nothing`);
});
afterAll(() => db.close());

const defaults = parseEnv({});

async function ask(app: Awaited<ReturnType<typeof createTestApp>>['app'], userId: string) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(userId),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ question: 'What is the hydration of a seventy percent dough?' }),
  });
  await res.text();
  return res;
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = ErrorBody.parse(await res.json());
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: retryAfter } });
  expect(body.error.requestId).toBeTruthy();
}

describe('rate limits per user', () => {
  it('defaults to 20 questions and 60 Whop-calling requests a minute', () => {
    expect(defaults.RATE_LIMIT_CHAT_PER_MINUTE).toBe(20);
    expect(defaults.RATE_LIMIT_WHOP_PER_MINUTE).toBe(60);
    expect(() => parseEnv({ RATE_LIMIT_CHAT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_CHAT_PER_MINUTE/);
  });

  it('answers the 21st question in a minute with 429 and Retry-After; another student is unaffected', async () => {
    const rateLimits = createInProcessRateLimits({
      chatPerMinute: defaults.RATE_LIMIT_CHAT_PER_MINUTE,
      whopPerMinute: defaults.RATE_LIMIT_WHOP_PER_MINUTE,
    });
    const { app } = await createTestApp(db, { http: { rateLimits } });
    for (let i = 1; i <= 20; i++) expect((await ask(app, world.A.student)).status, `question ${i}`).toBe(200);
    const refused = await app.request('/api/chat', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
        [EXPERIENCE_HEADER]: world.A.experienceId,
      },
      body: JSON.stringify({ question: 'One more?' }),
    });
    await expectRateLimited(refused);
    // The refused question was not stored or counted.
    const [stored] = await db.query<{ n: number }>(
      `select count(*)::int as n from chat_messages where content = 'One more?'`,
    );
    expect(stored!.n).toBe(0);
    // The admin of the same experience is another user with their own allowance.
    expect((await ask(app, world.A.admin)).status).toBe(200);
    // Other routes of the limited student still work.
    const usage = await app.request('/api/usage', {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    expect(usage.status).toBe(200);
  });

  it('limits requests that call Whop (access checks on a cache miss), not those answered from the cache', async () => {
    let now = Date.parse('2030-01-01T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const rateLimits = createInProcessRateLimits({ chatPerMinute: 20, whopPerMinute: 3 });
    const { app } = await createTestApp(db, { clock, http: { rateLimits } });
    const usage = async (userId: string) =>
      app.request('/api/usage', {
        headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), [EXPERIENCE_HEADER]: world.A.experienceId },
      });
    for (let i = 1; i <= 3; i++) {
      now += 61_000; // past the access cache's TTL: every request asks Whop again
      expect((await usage(world.A.student)).status, `request ${i}`).toBe(200);
    }
    const callsBefore = whopCalls.length;
    now += 61_000;
    await expectRateLimited(await usage(world.A.student));
    expect(whopCalls.length, 'a refused request makes no Whop call').toBe(callsBefore);
    // Another user still reaches Whop.
    expect((await usage(world.A.admin)).status).toBe(200);
  });

  it('counts a request once however many Whop calls it makes, and answers cached requests even when over the limit', async () => {
    const clock = { now: () => new Date('2031-01-01T12:00:00Z') };
    const rateLimits = createInProcessRateLimits({ chatPerMinute: 20, whopPerMinute: 1 });
    const { app } = await createTestApp(db, { clock, http: { rateLimits } });
    const viewer = async () =>
      app.request('/api/viewer', {
        headers: {
          [USER_TOKEN_HEADER]: await signUserToken(world.B.student),
          [EXPERIENCE_HEADER]: world.B.experienceId,
        },
      });
    // First sight of this user and experience: access check, experience lookup and profile, one request.
    const first = await viewer();
    expect(first.status).toBe(200);
    expect(whopCalls.filter((c) => c.startsWith('access') || c.startsWith('experience')).length).toBeGreaterThanOrEqual(
      2,
    );
    for (let i = 0; i < 5; i++) expect((await viewer()).status).toBe(200);
  });

  it('limits checkouts, which always call Whop', async () => {
    const rateLimits = createInProcessRateLimits({ chatPerMinute: 20, whopPerMinute: 2 });
    const { app } = await createTestApp(db, { http: { rateLimits } });
    const checkout = async () =>
      app.request('/api/dashboard/checkout', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [USER_TOKEN_HEADER]: await signUserToken(world.B.admin),
          [COMPANY_HEADER]: world.B.companyId,
        },
        body: JSON.stringify({ tier: 'BASIC' }),
      });
    // The first request also checks access (a cache miss): still one request against the budget.
    expect((await checkout()).status).toBe(201);
    expect((await checkout()).status).toBe(201);
    await expectRateLimited(await checkout());
  });
});
