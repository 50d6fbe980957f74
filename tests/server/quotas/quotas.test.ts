import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChatUsage, reserveChatQuota } from '../../../server/domain/quotas/chat-quota';
import { releaseUploadQuota, reserveUploadQuota } from '../../../server/domain/quotas/storage-quota';
import type { Db } from '../../../server/ports/db';
import { ApiError } from '../../../shared/api-error';
import { createTestDb } from '../../support/test-db';

let db: Db;
let now = new Date('2026-11-24T10:00:00Z');
const ports = () => ({ db, clock: { now: () => now } });

beforeAll(async () => {
  db = await createTestDb();
  await db.query(
    `insert into creators (id, tier) values ('biz_free', 'FREE'), ('biz_basic', 'BASIC'), ('biz_ent', 'ENTERPRISE')`,
  );
  await db.query(`insert into users (id) values ('user_s1'), ('user_s2')`);
});
afterAll(() => db.close());

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

describe('chat quota', () => {
  it('lets exactly 3 of 50 parallel FREE questions through; the rest get CHAT_LIMIT_EXCEEDED with usage', async () => {
    const results = await settle(
      Array.from({ length: 50 }, () => reserveChatQuota(ports(), { creatorId: 'biz_free', userId: 'user_s1' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(ApiError);
      expect(r.reason.code).toBe('CHAT_LIMIT_EXCEEDED');
      expect(r.reason.status).toBe(403);
      expect(r.reason.details.usage).toMatchObject({
        used: 3,
        limit: 3,
        remaining: 0,
        period: 'total',
        resetsAt: null,
      });
    }
    // FREE counts in total: a new day does not reset it.
    now = new Date('2026-11-25T10:00:00Z');
    await expect(reserveChatQuota(ports(), { creatorId: 'biz_free', userId: 'user_s1' })).rejects.toMatchObject({
      code: 'CHAT_LIMIT_EXCEEDED',
    });
  });

  it('counts per student', async () => {
    const r = await reserveChatQuota(ports(), { creatorId: 'biz_free', userId: 'user_s2' });
    expect(r.usage).toMatchObject({ used: 1, remaining: 2 });
  });

  it('counts BASIC per UTC day and says when it resets', async () => {
    now = new Date('2026-11-24T23:59:00Z');
    await db.query(
      `insert into chat_usage (creator_id, user_id, period_start, questions_used) values ('biz_basic', 'user_s1', '2026-11-24', 100)`,
    );
    const refused = await reserveChatQuota(ports(), { creatorId: 'biz_basic', userId: 'user_s1' }).catch(
      (e: ApiError) => e,
    );
    expect(refused).toMatchObject({ code: 'CHAT_LIMIT_EXCEEDED' });
    expect((refused as ApiError).details?.['usage']).toMatchObject({
      limit: 100,
      resetsAt: '2026-11-25T00:00:00.000Z',
    });
    now = new Date('2026-11-25T00:00:01Z');
    const next = await reserveChatQuota(ports(), { creatorId: 'biz_basic', userId: 'user_s1' });
    expect(next.usage).toMatchObject({ used: 1, remaining: 99, period: 'day' });
  });

  it('never limits ENTERPRISE', async () => {
    const results = await settle(
      Array.from({ length: 120 }, () => reserveChatQuota(ports(), { creatorId: 'biz_ent', userId: 'user_s1' })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await getChatUsage(ports(), { creatorId: 'biz_ent', userId: 'user_s1' })).limit).toBeNull();
  });
});

describe('storage and video-count quota', () => {
  const GB = 1024 ** 3;
  it('admits parallel uploads only up to the FREE 5 GB', async () => {
    await db.query(`insert into creators (id) values ('biz_store')`);
    const results = await settle(
      Array.from({ length: 8 }, () => reserveUploadQuota(db, { creatorId: 'biz_store', sizeBytes: 2 * GB })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'STORAGE_LIMIT_EXCEEDED', status: 403 });
    expect(refused.reason.details).toMatchObject({
      storageBytesUsed: 4 * GB,
      storageBytesLimit: 5 * GB,
      requestedBytes: 2 * GB,
    });
    await releaseUploadQuota(db, { creatorId: 'biz_store', sizeBytes: 2 * GB });
    await expect(reserveUploadQuota(db, { creatorId: 'biz_store', sizeBytes: 2 * GB })).resolves.toMatchObject({
      storageBytesUsed: 4 * GB,
    });
  });

  it('stops the eleventh FREE video', async () => {
    await db.query(`insert into creators (id) values ('biz_count')`);
    const results = await settle(
      Array.from({ length: 15 }, () => reserveUploadQuota(db, { creatorId: 'biz_count', sizeBytes: 1000 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'VIDEO_LIMIT_EXCEEDED' });
  });

  it('refuses negative or fractional sizes', async () => {
    await expect(reserveUploadQuota(db, { creatorId: 'biz_count', sizeBytes: -1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(reserveUploadQuota(db, { creatorId: 'biz_count', sizeBytes: 1.5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
