import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { PublicPlans } from '../../../shared/schemas/discover';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('GET /api/plans (the Discover page)', () => {
  it('answers anyone with the tiers and prices tier_configurations holds, without Whop plan ids', async () => {
    await db.query(
      `insert into whop_plan_tiers (plan_id, tier) values ('plan_secretpro', 'PRO') on conflict do nothing`,
    );
    await db.query(`update tier_configurations set price_cents_monthly = 8900 where tier = 'PRO'`);
    const { app } = await createTestApp(db);
    const res = await app.request('/api/plans');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('plan_secretpro');
    const { tiers } = PublicPlans.parse(JSON.parse(text));
    expect(tiers.map((t) => [t.tier, t.priceCentsMonthly])).toEqual([
      ['FREE', 0],
      ['BASIC', 2900],
      ['PRO', 8900],
      ['ENTERPRISE', 29900],
    ]);
    expect(tiers[0]).toMatchObject({ chatQuestionsLimit: 3, chatPeriod: 'total', videoCountLimit: 10 });
  });
});
