import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyWhopEvent } from '../../../server/domain/plans/apply-whop-event';
import { recomputeCreatorTier } from '../../../server/domain/plans/recompute-creator-tier';
import { WhopEventEnvelope } from '../../../server/domain/plans/whop-event';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';

/**
 * Which Whop events move a creator's tier, and how: every membership status and
 * event type Chronos reads, the time fields, payments, and memberships that try
 * to change hands between creators.
 */
let db: Db;
const NOW = new Date('2026-11-20T12:00:00Z');
const ports = () => ({ db, clock: { now: () => NOW } });
let seq = 0;

beforeAll(async () => {
  db = await createTestDb();
  await db.query(`insert into whop_plan_tiers (plan_id, tier) values ('plan_basic', 'BASIC'), ('plan_pro', 'PRO')`);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.query(`delete from creator_memberships`);
  await db.query(`delete from creator_tier_history`);
  await db.query(`update creators set tier = 'FREE'`);
});

function membership(type: string, data: Record<string, unknown>, companyId: string | null = 'biz_chronosvendor') {
  return WhopEventEnvelope.parse({
    type,
    company_id: companyId,
    data: {
      id: 'mem_1',
      status: 'active',
      plan: { id: 'plan_pro' },
      metadata: { chronos_company_id: 'biz_buyer' },
      ...data,
    },
  });
}

const apply = (event: WhopEventEnvelope, webhookId = `msg_${++seq}`) => applyWhopEvent(ports(), { webhookId, event });
const tierOf = async (id: string) =>
  (await db.query<{ tier: string }>(`select tier from creators where id = $1`, [id]))[0]?.tier;
const stored = async (webhookId: string) =>
  (
    await db.query<{ outcome: string | null; processed: boolean; company_id: string | null; type: string }>(
      `select outcome, processed_at is not null as processed, company_id, type from webhook_events where id = $1`,
      [webhookId],
    )
  )[0];

describe('membership statuses', () => {
  it.each(['trialing', 'active', 'past_due', 'completed'])(
    'grants the plan’s tier while the membership is %s',
    async (status) => {
      const result = await apply(membership('membership.went_valid', { status, updated_at: '2026-11-01T00:00:00Z' }));
      expect(result).toEqual({ outcome: 'applied', creatorId: 'biz_buyer', tier: 'PRO' });
      expect(await tierOf('biz_buyer')).toBe('PRO');
    },
  );

  it.each(['canceled', 'expired', 'unresolved', 'drafted'])(
    'grants nothing while the membership is %s',
    async (status) => {
      const result = await apply(membership('membership.activated', { status, updated_at: '2026-11-01T00:00:00Z' }));
      expect(result).toEqual({ outcome: 'applied', creatorId: 'biz_buyer', tier: 'FREE' });
    },
  );

  it.each(['membership.deactivated', 'membership.went_invalid'])(
    '%s takes the tier away even if the status still reads active',
    async (type) => {
      await apply(membership('membership.activated', { updated_at: '2026-11-01T00:00:00Z' }));
      expect(await tierOf('biz_buyer')).toBe('PRO');
      const result = await apply(membership(type, { status: 'active', updated_at: '2026-11-02T00:00:00Z' }));
      expect(result).toEqual({ outcome: 'applied', creatorId: 'biz_buyer', tier: 'FREE' });
      const [row] = await db.query(`select valid, status from creator_memberships where membership_id = 'mem_1'`);
      expect(row).toEqual({ valid: false, status: 'active' });
    },
  );

  it.each(['membership.activated', 'membership.went_valid', 'membership.cancel_at_period_end_changed'])(
    '%s keeps an active membership in force',
    async (type) => {
      expect(await apply(membership(type, { updated_at: '2026-11-01T00:00:00Z' }))).toMatchObject({
        outcome: 'applied',
        tier: 'PRO',
      });
    },
  );
});

describe('what the webhook log keeps', () => {
  it('records the type, Whop’s company id and the outcome, processed', async () => {
    const id = `msg_log_${++seq}`;
    await apply(membership('membership.activated', { updated_at: '2026-11-01T00:00:00Z' }), id);
    expect(await stored(id)).toEqual({
      outcome: 'applied',
      processed: true,
      company_id: 'biz_chronosvendor',
      type: 'membership.activated',
    });
    const bare = `msg_bare_${++seq}`;
    await apply(membership('membership.activated', { updated_at: '2026-11-02T00:00:00Z' }, null), bare);
    expect(await stored(bare)).toMatchObject({ company_id: null, outcome: 'applied' });
  });

  it('records a duplicate once and leaves the first outcome', async () => {
    const id = `msg_dup_${++seq}`;
    await apply(membership('membership.activated', { updated_at: '2026-11-01T00:00:00Z' }), id);
    expect(await apply(membership('membership.deactivated', { updated_at: '2026-11-05T00:00:00Z' }), id)).toEqual({
      outcome: 'duplicate',
    });
    expect(await stored(id)).toMatchObject({ outcome: 'applied', type: 'membership.activated' });
    expect(await tierOf('biz_buyer')).toBe('PRO');
  });
});

describe('payments', () => {
  const payment = (type: string, data: Record<string, unknown>) =>
    WhopEventEnvelope.parse({
      type,
      data: { id: 'pay_1', plan: { id: 'plan_basic' }, metadata: { chronos_company_id: 'biz_payer' }, ...data },
    });

  it('applies a paid membership as active when Whop leaves its status out', async () => {
    const result = await apply(
      payment('payment.succeeded', { membership: { id: 'mem_p' }, created_at: '2026-11-01T00:00:00Z' }),
    );
    expect(result).toEqual({ outcome: 'applied', creatorId: 'biz_payer', tier: 'BASIC' });
    const [row] = await db.query(
      `select status, valid, cancel_at_period_end from creator_memberships where membership_id = 'mem_p'`,
    );
    expect(row).toEqual({ status: 'active', valid: true, cancel_at_period_end: false });
  });

  it('does not grant a tier for a payment whose membership is not in force', async () => {
    const result = await apply(
      payment('payment.succeeded', {
        membership: { id: 'mem_q', status: 'canceled' },
        created_at: '2026-11-01T00:00:00Z',
      }),
    );
    expect(result).toEqual({ outcome: 'applied', creatorId: 'biz_payer', tier: 'FREE' });
  });

  it('only records a payment without a membership, and a failed payment', async () => {
    const id = `msg_pay_${++seq}`;
    expect(await apply(payment('payment.succeeded', {}), id)).toEqual({ outcome: 'recorded' });
    expect(await stored(id)).toMatchObject({ outcome: 'recorded', processed: true });
    expect(await apply(payment('payment.failed', { membership: { id: 'mem_f', status: 'active' } }))).toEqual({
      outcome: 'recorded',
    });
    expect(await db.query(`select 1 from creator_memberships`)).toEqual([]);
  });

  it('ignores a payment for a plan that is not a Chronos plan, or without our company', async () => {
    expect(
      await apply(payment('payment.succeeded', { membership: { id: 'mem_x' }, plan: { id: 'plan_other' } })),
    ).toEqual({ outcome: 'ignored_plan' });
    expect(await apply(payment('payment.succeeded', { membership: { id: 'mem_x' }, plan: null }))).toEqual({
      outcome: 'ignored_plan',
    });
    expect(await apply(payment('payment.succeeded', { membership: { id: 'mem_x' }, metadata: null }))).toEqual({
      outcome: 'ignored_no_company',
    });
  });
});

describe('time order', () => {
  it('orders by updated_at, else created_at, else the time the webhook arrived', async () => {
    await apply(membership('membership.activated', { created_at: '2026-11-10T00:00:00Z' }));
    // updated_at wins over a later created_at: this event is older than the stored one.
    const older = await apply(
      membership('membership.deactivated', { updated_at: '2026-11-09T00:00:00Z', created_at: '2026-11-11T00:00:00Z' }),
    );
    expect(older).toMatchObject({ outcome: 'stale' });
    expect(await tierOf('biz_buyer')).toBe('PRO');
    // No time at all: the arrival time (NOW, after the 10th) makes it the newest.
    expect(await apply(membership('membership.deactivated', {}))).toMatchObject({ outcome: 'applied', tier: 'FREE' });
    const [row] = await db.query<{ at: Date }>(
      `select whop_updated_at as at from creator_memberships where membership_id = 'mem_1'`,
    );
    expect(row!.at.toISOString()).toBe(NOW.toISOString());
  });

  it('reads Whop times given as seconds or milliseconds since the epoch', async () => {
    const seconds = Date.parse('2026-11-10T00:00:00Z') / 1000;
    await apply(membership('membership.activated', { updated_at: seconds }));
    const [a] = await db.query<{ at: Date }>(
      `select whop_updated_at as at from creator_memberships where membership_id = 'mem_1'`,
    );
    expect(a!.at.toISOString()).toBe('2026-11-10T00:00:00.000Z');
    await apply(membership('membership.activated', { updated_at: Date.parse('2026-11-11T00:00:00Z') }));
    const [b] = await db.query<{ at: Date }>(
      `select whop_updated_at as at from creator_memberships where membership_id = 'mem_1'`,
    );
    expect(b!.at.toISOString()).toBe('2026-11-11T00:00:00.000Z');
    // 1e12 is read as milliseconds (September 2001), not as seconds in the year 33658.
    await db.query(`delete from creator_memberships`);
    await apply(membership('membership.activated', { updated_at: 1e12 }));
    const [c] = await db.query<{ at: Date }>(
      `select whop_updated_at as at from creator_memberships where membership_id = 'mem_1'`,
    );
    expect(c!.at.toISOString()).toBe('2001-09-09T01:46:40.000Z');
  });

  it('refuses an event time that is neither an ISO date with offset nor a number, and records nothing', async () => {
    const event = membership('membership.activated', { updated_at: '2026-11-01 00:00' });
    await expect(applyWhopEvent(ports(), { webhookId: 'msg_bad_time', event })).rejects.toThrow();
    expect(await stored('msg_bad_time')).toBeUndefined();
  });
});

describe('memberships Chronos cannot place', () => {
  it('ignores a membership without a plan, and one without metadata', async () => {
    expect(await apply(membership('membership.activated', { plan: null, updated_at: '2026-11-01T00:00:00Z' }))).toEqual(
      { outcome: 'ignored_plan' },
    );
    expect(
      await apply(membership('membership.activated', { metadata: null, updated_at: '2026-11-01T00:00:00Z' })),
    ).toEqual({
      outcome: 'ignored_no_company',
    });
  });
});

describe('tier history', () => {
  it('gives the event type and status as the reason, with the webhook id', async () => {
    const id = `msg_hist_${++seq}`;
    await apply(membership('membership.activated', { status: 'trialing', updated_at: '2026-11-01T00:00:00Z' }), id);
    expect(
      await db.query(`select reason, webhook_event_id from creator_tier_history where creator_id = 'biz_buyer'`),
    ).toEqual([{ reason: 'membership.activated (trialing)', webhook_event_id: id }]);
  });
});

describe('payment times', () => {
  const paid = (times: Record<string, string>) =>
    WhopEventEnvelope.parse({
      type: 'payment.succeeded',
      data: {
        id: 'pay_t',
        plan: { id: 'plan_basic' },
        membership: { id: 'mem_t' },
        metadata: { chronos_company_id: 'biz_payer' },
        ...times,
      },
    });
  const at = async () =>
    (
      await db.query<{ at: Date }>(
        `select whop_updated_at as at from creator_memberships where membership_id = 'mem_t'`,
      )
    )[0]!.at.toISOString();

  it('orders a payment by updated_at, else created_at, else its arrival', async () => {
    await apply(paid({ updated_at: '2026-11-02T00:00:00Z', created_at: '2026-11-01T00:00:00Z' }));
    expect(await at()).toBe('2026-11-02T00:00:00.000Z');
    await apply(paid({ created_at: '2026-11-03T00:00:00Z' }));
    expect(await at()).toBe('2026-11-03T00:00:00.000Z');
    await apply(paid({}));
    expect(await at()).toBe(NOW.toISOString());
  });
});

describe('memberships stay with their creator', () => {
  it('never moves a membership to another creator, whatever the metadata says later', async () => {
    await apply(membership('membership.activated', { updated_at: '2026-11-01T00:00:00Z' }));
    const hijack = await apply(
      membership('membership.activated', {
        updated_at: '2026-11-02T00:00:00Z',
        metadata: { chronos_company_id: 'biz_thief' },
      }),
    );
    expect(hijack).toEqual({ outcome: 'stale', creatorId: 'biz_thief' });
    expect(await tierOf('biz_thief')).toBe('FREE');
    expect(await tierOf('biz_buyer')).toBe('PRO');
  });

  it('keeps cancel-at-period-end when a later event does not say', async () => {
    await apply(
      membership('membership.cancel_at_period_end_changed', {
        updated_at: '2026-11-01T00:00:00Z',
        cancel_at_period_end: true,
      }),
    );
    await apply(membership('membership.went_valid', { updated_at: '2026-11-02T00:00:00Z' }));
    const [row] = await db.query(`select cancel_at_period_end from creator_memberships where membership_id = 'mem_1'`);
    expect(row).toEqual({ cancel_at_period_end: true });
  });
});

describe('recomputeCreatorTier', () => {
  it('takes the best valid membership and writes history only when the tier changes', async () => {
    await db.query(`insert into creators (id) values ('biz_multi') on conflict do nothing`);
    await db.query(
      `insert into creator_memberships (membership_id, creator_id, plan_id, tier, status, valid, cancel_at_period_end, whop_updated_at)
       values ('mem_b', 'biz_multi', 'plan_basic', 'BASIC', 'active', true, false, now()),
              ('mem_p', 'biz_multi', 'plan_pro', 'PRO', 'active', true, false, now()),
              ('mem_e', 'biz_multi', 'plan_x', 'ENTERPRISE', 'canceled', false, false, now())`,
    );
    expect(await recomputeCreatorTier(db, 'biz_multi', 'test', null)).toBe('PRO');
    expect(await recomputeCreatorTier(db, 'biz_multi', 'again', null)).toBe('PRO');
    const history = await db.query(
      `select from_tier, to_tier, reason, webhook_event_id from creator_tier_history where creator_id = 'biz_multi'`,
    );
    expect(history).toEqual([{ from_tier: 'FREE', to_tier: 'PRO', reason: 'test', webhook_event_id: null }]);
  });

  it('refuses an unknown creator instead of inventing one', async () => {
    await expect(recomputeCreatorTier(db, 'biz_nobody', 'test', null)).rejects.toThrow(/biz_nobody/);
  });
});
