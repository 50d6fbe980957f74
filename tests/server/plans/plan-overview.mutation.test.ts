import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlanOverview, listTierConfigs } from '../../../server/domain/plans/get-plan-overview';
import { requestUpgrade } from '../../../server/domain/plans/request-upgrade';
import { startCheckout } from '../../../server/domain/plans/start-checkout';
import type { Db } from '../../../server/ports/db';
import type { WhopApi } from '../../../server/ports/whop';
import { createTestDb } from '../../support/test-db';

/**
 * What the creator's plan page counts (today, this month, students; only their
 * own students' questions), the tiers on offer, checkout and upgrade requests.
 */
let db: Db;
const NOW = new Date('2026-11-20T15:00:00Z');
const clock = { now: () => NOW };

beforeAll(async () => {
  db = await createTestDb();
  await db.query(
    `insert into creators (id, tier, storage_bytes_used, video_count) values ('biz_plan', 'BASIC', 123456789012, 7), ('biz_other', 'FREE', 0, 0)`,
  );
  await db.query(`insert into users (id) values ('user_p1'), ('user_p2'), ('user_p3')`);
  await db.query(
    `insert into experiences (id, creator_id, name, resolved_at) values ('exp_plan', 'biz_plan', 'c', now()), ('exp_other', 'biz_other', 'o', now())`,
  );
  const session = async (creator: string, user: string) =>
    (
      await db.query<{ id: string }>(
        `insert into chat_sessions (creator_id, experience_id, user_id, title) values ($1, $2, $3, 't') returning id`,
        [creator, creator === 'biz_plan' ? 'exp_plan' : 'exp_other', user],
      )
    )[0]!.id;
  const s1 = await session('biz_plan', 'user_p1');
  const s2 = await session('biz_plan', 'user_p2');
  const s3 = await session('biz_other', 'user_p3');
  const message = (sessionId: string, creator: string, user: string, role: string, at: string) =>
    db.query(
      `insert into chat_messages (session_id, creator_id, user_id, role, content, created_at) values ($1, $2, $3, $4, 'q', $5)`,
      [sessionId, creator, user, role, at],
    );
  await message(s1, 'biz_plan', 'user_p1', 'user', '2026-11-20T01:00:00Z'); // today
  await message(s1, 'biz_plan', 'user_p1', 'assistant', '2026-11-20T01:00:01Z'); // an answer, not a question
  await message(s1, 'biz_plan', 'user_p1', 'user', '2026-11-19T23:59:00Z'); // this month
  await message(s2, 'biz_plan', 'user_p2', 'user', '2026-11-01T00:00:00Z'); // first moment of the month
  await message(s2, 'biz_plan', 'user_p2', 'user', '2026-10-31T23:59:59Z'); // last month
  await message(s3, 'biz_other', 'user_p3', 'user', '2026-11-20T02:00:00Z'); // another creator's student
  await db.query(
    `insert into whop_plan_tiers (plan_id, tier, created_at) values ('plan_pronew', 'PRO', '2026-11-02'), ('plan_proold', 'PRO', '2026-11-01')`,
  );
});
afterAll(() => db.close());

describe('getPlanOverview', () => {
  it('counts the creator’s own student questions today and this month, and distinct students', async () => {
    const overview = await getPlanOverview({ db, clock }, { creatorId: 'biz_plan' });
    expect(overview.usage).toEqual({
      storageBytesUsed: 123456789012,
      videoCount: 7,
      questionsToday: 1,
      questionsThisMonth: 3,
      studentsThisMonth: 2,
    });
    expect(overview.tier).toBe('BASIC');
  });

  it('shows zeros for a creator without questions', async () => {
    const overview = await getPlanOverview(
      { db, clock: { now: () => new Date('2027-01-05T00:00:00Z') } },
      { creatorId: 'biz_other' },
    );
    expect(overview.usage).toMatchObject({ questionsToday: 0, questionsThisMonth: 0, studentsThisMonth: 0 });
    expect(overview.upgradeRequests).toBe(0);
    expect(overview.cancelAtPeriodEnd).toBe(false);
  });

  it('says whether a valid membership ends at the period end', async () => {
    await db.query(
      `insert into creator_memberships (membership_id, creator_id, plan_id, tier, status, valid, cancel_at_period_end, whop_updated_at)
       values ('mem_gone', 'biz_plan', 'plan_pronew', 'PRO', 'canceled', false, true, now())`,
    );
    expect((await getPlanOverview({ db, clock }, { creatorId: 'biz_plan' })).cancelAtPeriodEnd).toBe(false);
    await db.query(
      `insert into creator_memberships (membership_id, creator_id, plan_id, tier, status, valid, cancel_at_period_end, whop_updated_at)
       values ('mem_ending', 'biz_plan', 'plan_pronew', 'PRO', 'active', true, true, now())`,
    );
    expect((await getPlanOverview({ db, clock }, { creatorId: 'biz_plan' })).cancelAtPeriodEnd).toBe(true);
    await db.query(`delete from creator_memberships where creator_id = 'biz_plan'`);
  });
});

describe('listTierConfigs', () => {
  it('lists the four tiers in order with their limits and the oldest plan of each', async () => {
    expect(await listTierConfigs(db)).toEqual([
      {
        tier: 'FREE',
        displayName: 'Free',
        priceCentsMonthly: 0,
        storageBytesLimit: 5 * 1024 ** 3,
        chatQuestionsLimit: 3,
        chatPeriod: 'total',
        videoCountLimit: 10,
        planId: null,
      },
      {
        tier: 'BASIC',
        displayName: 'Basic',
        priceCentsMonthly: 2900,
        storageBytesLimit: 25 * 1024 ** 3,
        chatQuestionsLimit: 100,
        chatPeriod: 'day',
        videoCountLimit: 50,
        planId: null,
      },
      {
        tier: 'PRO',
        displayName: 'Pro',
        priceCentsMonthly: 7900,
        storageBytesLimit: 100 * 1024 ** 3,
        chatQuestionsLimit: 500,
        chatPeriod: 'day',
        videoCountLimit: 200,
        planId: 'plan_proold',
      },
      {
        tier: 'ENTERPRISE',
        displayName: 'Enterprise',
        priceCentsMonthly: 29900,
        storageBytesLimit: 500 * 1024 ** 3,
        chatQuestionsLimit: null,
        chatPeriod: 'day',
        videoCountLimit: null,
        planId: null,
      },
    ]);
  });
});

describe('tiers without a storage limit', () => {
  it('shows the limit as none', async () => {
    await db.query(`update tier_configurations set storage_bytes_limit = null where tier = 'ENTERPRISE'`);
    try {
      expect((await listTierConfigs(db)).find((t) => t.tier === 'ENTERPRISE')?.storageBytesLimit).toBeNull();
    } finally {
      await db.query(
        `update tier_configurations set storage_bytes_limit = 500::bigint * 1024 * 1024 * 1024 where tier = 'ENTERPRISE'`,
      );
    }
  });
});

describe('startCheckout', () => {
  const whop = (createCheckout: WhopApi['createCheckout']): WhopApi => ({
    createCheckout,
    getExperience: async () => null,
    getCompany: async () => null,
    getUser: async () => null,
    checkAccess: async () => 'no_access',
    sendNotification: async () => {},
  });

  it('opens the tier’s plan with the creator in the metadata', async () => {
    const asked: unknown[] = [];
    const result = await startCheckout(
      { db, whop: whop(async (input) => (asked.push(input), { id: 'ch_1', planId: input.planId })) },
      { tier: 'PRO', creatorId: 'biz_plan' },
    );
    expect(result).toEqual({ checkoutId: 'ch_1', planId: 'plan_proold' });
    expect(asked).toEqual([{ planId: 'plan_proold', metadata: { chronos_company_id: 'biz_plan' } }]);
  });

  it('answers NOT_FOUND for a tier not on sale, naming it, without asking Whop', async () => {
    let asked = 0;
    const refused = startCheckout(
      { db, whop: whop(async () => (asked++, { id: 'x', planId: 'y' })) },
      { tier: 'BASIC', creatorId: 'biz_plan' },
    );
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The BASIC plan is not on sale yet.' });
    expect(asked).toBe(0);
  });

  it('says Whop could not open the checkout when Whop fails, keeping Whop’s error for the logs', async () => {
    const cause = new Error('500 from Whop');
    const failing = startCheckout(
      { db, whop: whop(async () => Promise.reject(cause)) },
      { tier: 'PRO', creatorId: 'biz_plan' },
    );
    await expect(failing).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringMatching(/Whop could not open the checkout/),
      cause,
    });
  });

  it('treats a tier missing from the configuration as not on sale', async () => {
    const refused = startCheckout(
      { db, whop: whop(async () => ({ id: 'x', planId: 'y' })) },
      { tier: 'GOLD' as never, creatorId: 'biz_plan' },
    );
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('requestUpgrade', () => {
  it('records a student’s request once, with the experience, and refuses the creator', async () => {
    const input = { creatorId: 'biz_plan', userId: 'user_p1', experienceId: 'exp_plan', role: 'student' as const };
    expect(await requestUpgrade({ db }, input)).toEqual({ requested: true, alreadyRequested: false });
    expect(await requestUpgrade({ db }, input)).toEqual({ requested: true, alreadyRequested: true });
    expect(await db.query(`select user_id, experience_id from upgrade_requests where creator_id = 'biz_plan'`)).toEqual(
      [{ user_id: 'user_p1', experience_id: 'exp_plan' }],
    );
    await expect(requestUpgrade({ db }, { ...input, userId: 'user_p2', role: 'creator' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Only students/),
    });
    expect((await getPlanOverview({ db, clock }, { creatorId: 'biz_plan' })).upgradeRequests).toBe(1);
  });
});
