import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { CheckoutResponse, PlanOverview, SandboxWebhookResult } from '../../../shared/schemas/plan';
import { SandboxTokenResponse } from '../../../shared/schemas/sandbox';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';

let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  const identity = await buildIdentity(parseEnv({}), {
    allowSandbox: true,
    logger: createJsonLogger({ level: 'silent' }),
  });
  for (const p of identity.sandbox!.plans)
    await db.query(`insert into whop_plan_tiers values ($1, $2)`, [p.planId, p.tier]);
  ({ app } = await createTestApp(db, { identity, webhookSecret: identity.sandbox!.webhookSecret }));
});
// Each test counts only the webhooks it sends.
beforeEach(() => db.query(`delete from webhook_events`));
afterAll(() => db.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('sandbox upgrade loop', () => {
  it('a simulated checkout sends a signed webhook that upgrades the creator; cancelling falls back to FREE', async () => {
    const { token } = SandboxTokenResponse.parse(
      await (await post('/api/sandbox/token', { userId: 'user_mayacreator' })).json(),
    );
    const headers = { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: 'biz_crumbdemo' };
    const tier = async () =>
      PlanOverview.parse(await (await app.request('/api/dashboard/plan', { headers })).json()).tier;
    expect(await tier()).toBe('FREE');

    const checkout = CheckoutResponse.parse(
      await (await post('/api/dashboard/checkout', { tier: 'BASIC' }, headers)).json(),
    );
    const paid = SandboxWebhookResult.parse(
      await (await post('/api/sandbox/checkout/complete', { checkoutId: checkout.checkoutId })).json(),
    );
    expect(paid).toEqual({ status: 200, outcome: 'applied' });
    expect(await tier()).toBe('BASIC');

    const replay = await post('/api/sandbox/checkout/complete', { checkoutId: checkout.checkoutId });
    expect(replay.status).toBe(404);

    const cancelled = SandboxWebhookResult.parse(
      await (await post('/api/sandbox/plan/cancel', { companyId: 'biz_crumbdemo' })).json(),
    );
    expect(cancelled.outcome).toBe('applied');
    expect(await tier()).toBe('FREE');
    const events = await db.query(`select type, outcome from webhook_events order by received_at`);
    expect(events).toEqual([
      { type: 'membership.activated', outcome: 'applied' },
      { type: 'membership.deactivated', outcome: 'applied' },
    ]);
  });

  it('can still cancel a plan after a restart (the sandbox rebuilds it from the database)', async () => {
    const { token } = SandboxTokenResponse.parse(
      await (await post('/api/sandbox/token', { userId: 'user_mayacreator' })).json(),
    );
    const headers = { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: 'biz_crumbdemo' };
    const checkout = CheckoutResponse.parse(
      await (await post('/api/dashboard/checkout', { tier: 'PRO' }, headers)).json(),
    );
    await post('/api/sandbox/checkout/complete', { checkoutId: checkout.checkoutId });
    // A restart: a new sandbox (new keys, empty memory) over the same database.
    const identity = await buildIdentity(parseEnv({}), {
      allowSandbox: true,
      logger: createJsonLogger({ level: 'silent' }),
    });
    const restarted = (await createTestApp(db, { identity, webhookSecret: identity.sandbox!.webhookSecret })).app;
    const res = await restarted.request('/api/sandbox/plan/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyId: 'biz_crumbdemo' }),
    });
    expect(SandboxWebhookResult.parse(await res.json()).outcome).toBe('applied');
    const [row] = await db.query(`select tier from creators where id = 'biz_crumbdemo'`);
    expect(row).toEqual({ tier: 'FREE' });
  });
});
