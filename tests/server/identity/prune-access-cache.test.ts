import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pruneAccessCache } from '../../../server/domain/identity/prune-access-cache';
import { accessLevel } from '../../../server/domain/identity/whop-facts';
import type { Db } from '../../../server/ports/db';
import type { WhopApi } from '../../../server/ports/whop';
import { createTestDb } from '../../support/test-db';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
beforeEach(() => db.query(`delete from whop_access_cache`));

const whop = { checkAccess: async () => 'customer' } as unknown as WhopApi;
const at = (iso: string) => ({ now: () => new Date(iso) });
const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from whop_access_cache`))[0]!.n;

async function seedExpired(n: number, expiresAt: string) {
  await db.query(
    `insert into whop_access_cache (user_id, resource_id, access_level, checked_at, expires_at)
     select 'user_old' || i, 'exp_old', 'customer', $2::timestamptz - interval '1 minute', $2::timestamptz
       from generate_series(1, $1::int) as i`,
    [n, expiresAt],
  );
}

describe('the Whop access cache stays bounded', () => {
  it('keeps only the rows within their TTL, however many users were checked (it kept every one before)', async () => {
    // One user a minute for an hour, each asking once: 60 checks, 59 of them long expired.
    for (let minute = 0; minute < 60; minute++) {
      const iso = new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
      await accessLevel({ db, whop, clock: at(iso) }, `user_${minute}`, 'exp_course');
    }
    // Only the rows still within their 60 s TTL remain (the last check's, and maybe the one before).
    expect(await count()).toBeLessThanOrEqual(2);
  });

  it('removes at most a batch of expired rows per cache write, oldest first, and never a live row', async () => {
    await seedExpired(250, '2026-12-01T09:00:00Z');
    await db.query(
      `insert into whop_access_cache (user_id, resource_id, access_level, checked_at, expires_at)
       values ('user_live', 'exp_course', 'admin', '2026-12-01T09:59:30Z', '2026-12-01T10:00:30Z')`,
    );
    await accessLevel({ db, whop, clock: at('2026-12-01T10:00:00Z') }, 'user_new', 'exp_course');
    expect(await count()).toBe(250 - 100 + 2);
    expect(await pruneAccessCache(db, { now: new Date('2026-12-01T10:00:00Z'), limit: 1000 })).toBe(150);
    const left = await db.query<{ user_id: string }>(`select user_id from whop_access_cache order by user_id`);
    expect(left.map((r) => r.user_id)).toEqual(['user_live', 'user_new']);
  });

  it('uses the expires_at index rather than reading the whole table', async () => {
    await seedExpired(2000, '2030-01-01T00:00:00Z');
    await db.query(`analyze whop_access_cache`);
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `explain select user_id, resource_id from whop_access_cache where expires_at <= now() order by expires_at limit 100`,
    );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/whop_access_cache_expires_idx/);
  });
});
