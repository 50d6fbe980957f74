import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../../../server/http/standard-webhook';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { createTestApp, TEST_WEBHOOK_SECRET } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { membershipEvent, signWebhook } from '../../support/webhooks';
import { installWhopWorld } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  await db.query(`insert into whop_plan_tiers (plan_id, tier) values ('plan_basic', 'BASIC'), ('plan_pro', 'PRO')`);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.query(`delete from creator_memberships`);
  await db.query(`delete from webhook_events`);
  await db.query(`update creators set tier = 'FREE'`);
});

const post = (body: string, headers: Record<string, string>) =>
  app.request('/api/webhooks/whop', { method: 'POST', body, headers });

async function send(event: object, options: Parameters<typeof signWebhook>[1] = {}) {
  const body = JSON.stringify(event);
  return post(body, signWebhook(body, options));
}

const tierOf = async (id: string) =>
  (await db.query<{ tier: string }>(`select tier from creators where id = $1`, [id]))[0]?.tier;

describe('POST /api/webhooks/whop — signatures', () => {
  const event = () =>
    membershipEvent('membership.activated', {
      companyId: 'biz_sig',
      planId: 'plan_basic',
      updatedAt: '2026-11-01T00:00:00Z',
    });

  it('accepts a webhook signed by a third-party Standard Webhooks signer', async () => {
    const res = await send(event());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await tierOf('biz_sig')).toBe('BASIC');
  });

  it('accepts a whsec_-prefixed secret the way Standard Webhooks libraries read it', async () => {
    const body = JSON.stringify({ type: 'ping', data: {} });
    const sig = await signStandardWebhook(`whsec_${btoa(TEST_WEBHOOK_SECRET)}`, 'msg_x1', 1_800_000_000, body);
    const raw = await signStandardWebhook(TEST_WEBHOOK_SECRET, 'msg_x1', 1_800_000_000, body);
    expect(sig).toBe(raw);
  });

  it.each([
    [
      'a tampered body',
      (body: string) => ({ body: body.replace('plan_basic', 'plan_pro'), headers: signWebhook(body) }),
    ],
    [
      'the wrong secret',
      (body: string) => ({ body, headers: signWebhook(body, { secret: 'ws_someone_elses_secret' }) }),
    ],
    [
      'a stale timestamp',
      (body: string) => ({ body, headers: signWebhook(body, { timestamp: new Date(Date.now() - 6 * 60_000) }) }),
    ],
    [
      'a future timestamp',
      (body: string) => ({ body, headers: signWebhook(body, { timestamp: new Date(Date.now() + 6 * 60_000) }) }),
    ],
    ['no signature', (body: string) => ({ body, headers: { 'content-type': 'application/json' } })],
  ])('rejects %s with 401 and changes nothing', async (_label, build) => {
    const { body, headers } = build(JSON.stringify(event()));
    const res = await post(body, headers);
    expect(res.status).toBe(401);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('UNAUTHENTICATED');
    expect(await db.query(`select id from webhook_events`)).toEqual([]);
    expect(await tierOf('biz_sig')).not.toBe('PRO');
  });

  it('acknowledges a replay of the same webhook id with no second effect', async () => {
    const body = JSON.stringify(event());
    const headers = signWebhook(body, { id: 'msg_replayed' });
    expect(await (await post(body, headers)).json()).toMatchObject({ outcome: 'applied' });
    await db.query(`update creators set tier = 'FREE' where id = 'biz_sig'`);
    const again = await post(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await tierOf('biz_sig')).toBe('FREE');
  });

  it('rejects a signed body that is not a Whop event with 400', async () => {
    const body = '{"hello":"world"}';
    const res = await post(body, signWebhook(body));
    expect(res.status).toBe(400);
    const garbled = 'not json';
    expect((await post(garbled, signWebhook(garbled))).status).toBe(400);
  });

  it('acknowledges and records unknown event types', async () => {
    const res = await send({ id: 'evt_u', type: 'course.lesson_viewed', data: { id: 'x' } });
    expect(await res.json()).toMatchObject({ outcome: 'ignored_type' });
    expect(await db.query(`select outcome from webhook_events`)).toEqual([{ outcome: 'ignored_type' }]);
  });
});

describe('plans → tiers', () => {
  it('moves through upgrades, cancellation to FREE, and keeps the history', async () => {
    const c = 'biz_journey';
    await send(
      membershipEvent('membership.activated', {
        companyId: c,
        planId: 'plan_basic',
        membershipId: 'mem_j1',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
    );
    expect(await tierOf(c)).toBe('BASIC');
    await send(
      membershipEvent('membership.activated', {
        companyId: c,
        planId: 'plan_pro',
        membershipId: 'mem_j2',
        updatedAt: '2026-11-02T00:00:00Z',
      }),
    );
    expect(await tierOf(c)).toBe('PRO');
    await send(
      membershipEvent('membership.deactivated', {
        companyId: c,
        planId: 'plan_pro',
        membershipId: 'mem_j2',
        status: 'canceled',
        updatedAt: '2026-11-03T00:00:00Z',
      }),
    );
    expect(await tierOf(c)).toBe('BASIC');
    await send(
      membershipEvent('membership.deactivated', {
        companyId: c,
        planId: 'plan_basic',
        membershipId: 'mem_j1',
        status: 'expired',
        updatedAt: '2026-11-04T00:00:00Z',
      }),
    );
    expect(await tierOf(c)).toBe('FREE');
    const history = await db.query(
      `select from_tier, to_tier from creator_tier_history where creator_id = $1 order by id`,
      [c],
    );
    expect(history).toEqual([
      { from_tier: 'FREE', to_tier: 'BASIC' },
      { from_tier: 'BASIC', to_tier: 'PRO' },
      { from_tier: 'PRO', to_tier: 'BASIC' },
      { from_tier: 'BASIC', to_tier: 'FREE' },
    ]);
  });

  it('does not let an older event overwrite newer state', async () => {
    const c = 'biz_ooo';
    await send(
      membershipEvent('membership.deactivated', {
        companyId: c,
        planId: 'plan_pro',
        membershipId: 'mem_o',
        status: 'canceled',
        updatedAt: '2026-11-10T00:00:00Z',
      }),
    );
    const late = await send(
      membershipEvent('membership.activated', {
        companyId: c,
        planId: 'plan_pro',
        membershipId: 'mem_o',
        updatedAt: '2026-11-09T00:00:00Z',
      }),
    );
    expect(await late.json()).toMatchObject({ outcome: 'stale' });
    expect(await tierOf(c)).toBe('FREE');
  });

  it('keeps the tier through cancel-at-period-end until Whop deactivates', async () => {
    const c = 'biz_cape';
    await send(
      membershipEvent('membership.activated', {
        companyId: c,
        planId: 'plan_pro',
        membershipId: 'mem_c',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
    );
    const cancelLater = membershipEvent('membership.cancel_at_period_end_changed', {
      companyId: c,
      planId: 'plan_pro',
      membershipId: 'mem_c',
      updatedAt: '2026-11-02T00:00:00Z',
    });
    cancelLater.data.cancel_at_period_end = true;
    await send(cancelLater);
    expect(await tierOf(c)).toBe('PRO');
    const [m] = await db.query(`select cancel_at_period_end from creator_memberships where membership_id = 'mem_c'`);
    expect(m).toEqual({ cancel_at_period_end: true });
  });

  it('ignores plans that are not Chronos plans and memberships without our company', async () => {
    const other = await send(
      membershipEvent('membership.activated', {
        companyId: 'biz_x',
        planId: 'plan_unrelated',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
    );
    expect(await other.json()).toMatchObject({ outcome: 'ignored_plan' });
    const noCompany = membershipEvent('membership.activated', {
      companyId: 'biz_x',
      planId: 'plan_pro',
      updatedAt: '2026-11-01T00:00:00Z',
    });
    noCompany.data.metadata = {} as never;
    expect(await (await send(noCompany)).json()).toMatchObject({ outcome: 'ignored_no_company' });
  });

  it('applies a successful payment to its membership', async () => {
    const c = 'biz_pay';
    const res = await send({
      id: 'evt_pay',
      type: 'payment.succeeded',
      data: {
        id: 'pay_1',
        status: 'paid',
        plan: { id: 'plan_basic' },
        membership: { id: 'mem_pay', status: 'active' },
        metadata: { chronos_company_id: c },
        created_at: '2026-11-05T00:00:00Z',
      },
    });
    expect(await res.json()).toMatchObject({ outcome: 'applied' });
    expect(await tierOf(c)).toBe('BASIC');
  });
});
