import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reserveChatQuota } from '../../../server/domain/quotas/chat-quota';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { CheckoutResponse, PlanOverview, UpgradeRequestResponse } from '../../../shared/schemas/plan';
import { ChatUsage } from '../../../shared/schemas/usage';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopCalls, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  await db.query(`insert into whop_plan_tiers (plan_id, tier) values ('plan_basic', 'BASIC'), ('plan_pro', 'PRO')`);
});
// Each test starts with no question counted and no upgrade requested.
beforeEach(async () => {
  await db.query(`delete from chat_usage`);
  await db.query(`delete from upgrade_requests`);
});
afterAll(() => db.close());

const student = async () => ({
  [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
  [EXPERIENCE_HEADER]: world.A.experienceId,
});
const admin = async () => ({
  [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
  [COMPANY_HEADER]: world.A.companyId,
});
const json = { 'content-type': 'application/json' };

describe('student usage and upgrade requests', () => {
  it('shows a FREE student 3 questions in total, then what is left', async () => {
    const first = ChatUsage.parse(await (await app.request('/api/usage', { headers: await student() })).json());
    expect(first).toMatchObject({ tier: 'FREE', used: 0, limit: 3, remaining: 3, period: 'total', resetsAt: null });
    await reserveChatQuota(
      { db, clock: { now: () => new Date() } },
      { creatorId: world.A.companyId, userId: world.A.student },
    );
    const after = ChatUsage.parse(await (await app.request('/api/usage', { headers: await student() })).json());
    expect(after).toMatchObject({ used: 1, remaining: 2 });
  });

  it('records an upgrade request once per student and counts it for the creator', async () => {
    const first = await app.request('/api/upgrade-requests', { method: 'POST', headers: await student() });
    expect(first.status).toBe(201);
    expect(UpgradeRequestResponse.parse(await first.json()).alreadyRequested).toBe(false);
    const again = await app.request('/api/upgrade-requests', { method: 'POST', headers: await student() });
    expect(UpgradeRequestResponse.parse(await again.json()).alreadyRequested).toBe(true);
    const overview = PlanOverview.parse(
      await (await app.request('/api/dashboard/plan', { headers: await admin() })).json(),
    );
    expect(overview.upgradeRequests).toBe(1);
  });

  it('does not let the creator file an upgrade request to themselves', async () => {
    const res = await app.request('/api/upgrade-requests', {
      method: 'POST',
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    expect(res.status).toBe(403);
  });
});

describe('creator plan and checkout', () => {
  it('shows the tier, the four tiers with their plans, and usage', async () => {
    const overview = PlanOverview.parse(
      await (await app.request('/api/dashboard/plan', { headers: await admin() })).json(),
    );
    expect(overview.tier).toBe('FREE');
    expect(overview.tiers.map((t) => [t.tier, t.priceCentsMonthly, t.planId])).toEqual([
      ['FREE', 0, null],
      ['BASIC', 2900, 'plan_basic'],
      ['PRO', 7900, 'plan_pro'],
      ['ENTERPRISE', 29900, null],
    ]);
    expect(overview.usage).toMatchObject({ storageBytesUsed: 0, videoCount: 0 });
  });

  it("opens a Whop checkout for the plan, carrying the creator's company back in metadata", async () => {
    const res = await app.request('/api/dashboard/checkout', {
      method: 'POST',
      headers: { ...(await admin()), ...json },
      body: JSON.stringify({ tier: 'PRO' }),
    });
    expect(res.status).toBe(201);
    expect(CheckoutResponse.parse(await res.json())).toEqual({ checkoutId: 'ch_test123', planId: 'plan_pro' });
    expect(whopCalls).toContain(`checkout plan_pro {"chronos_company_id":"${world.A.companyId}"}`);
  });

  it('refuses a tier without a plan and a made-up tier', async () => {
    const none = await app.request('/api/dashboard/checkout', {
      method: 'POST',
      headers: { ...(await admin()), ...json },
      body: JSON.stringify({ tier: 'ENTERPRISE' }),
    });
    expect(none.status).toBe(404);
    const bogus = await app.request('/api/dashboard/checkout', {
      method: 'POST',
      headers: { ...(await admin()), ...json },
      body: JSON.stringify({ tier: 'FREE' }),
    });
    expect(ErrorBody.parse(await bogus.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describeSecurity('/api/usage', () => app, { method: 'GET', path: '/api/usage', view: 'experience' });
describeSecurity('/api/upgrade-requests', () => app, {
  method: 'POST',
  path: '/api/upgrade-requests',
  view: 'experience',
});
describeSecurity('/api/dashboard/plan', () => app, { method: 'GET', path: '/api/dashboard/plan', view: 'dashboard' });
describeSecurity('/api/dashboard/checkout', () => app, {
  method: 'POST',
  path: '/api/dashboard/checkout',
  view: 'dashboard',
  body: { tier: 'PRO' },
});
