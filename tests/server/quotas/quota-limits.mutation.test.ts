import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChatUsage, reserveChatQuota } from '../../../server/domain/quotas/chat-quota';
import {
  chargeDerivedStorage,
  getCreatorStorage,
  releaseUploadQuota,
  reserveUploadQuota,
} from '../../../server/domain/quotas/storage-quota';
import type { Db } from '../../../server/ports/db';
import type { ApiError } from '../../../shared/api-error';
import { createTestDb } from '../../support/test-db';

/**
 * The edges of the plan limits: exact boundaries, unlimited tiers, unknown
 * creators, what a refused user is told, and giving back what was taken.
 */
const GB = 1024 ** 3;
let db: Db;
let now = new Date('2026-11-24T10:00:00Z');
const ports = () => ({ db, clock: { now: () => now } });
let n = 0;

async function creator(
  tier: 'FREE' | 'BASIC' | 'PRO' | 'ENTERPRISE',
  set: { bytes?: number; videos?: number } = {},
): Promise<string> {
  const id = `biz_q${++n}`;
  await db.query(`insert into creators (id, tier, storage_bytes_used, video_count) values ($1, $2, $3, $4)`, [
    id,
    tier,
    set.bytes ?? 0,
    set.videos ?? 0,
  ]);
  return id;
}

async function student(): Promise<string> {
  const id = `user_q${++n}`;
  await db.query(`insert into users (id) values ($1)`, [id]);
  return id;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('expected a refusal'),
    (e: ApiError) => e,
  );

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('upload quota', () => {
  it('admits an upload that fills the storage exactly, and refuses one byte more', async () => {
    const id = await creator('FREE', { bytes: 4 * GB });
    await expect(reserveUploadQuota(db, { creatorId: id, sizeBytes: GB })).resolves.toEqual({
      storageBytesUsed: 5 * GB,
      storageBytesLimit: 5 * GB,
      videoCount: 1,
      videoCountLimit: 10,
    });
    const refused = await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes: 1 }));
    expect(refused).toMatchObject({ code: 'STORAGE_LIMIT_EXCEEDED', message: expect.stringMatching(/storage/) });
    expect(refused.details).toEqual({
      storageBytesUsed: 5 * GB,
      storageBytesLimit: 5 * GB,
      videoCount: 1,
      videoCountLimit: 10,
      requestedBytes: 1,
    });
  });

  it('admits the tenth video and refuses the eleventh, saying how many the plan allows', async () => {
    const id = await creator('FREE', { videos: 9 });
    await expect(reserveUploadQuota(db, { creatorId: id, sizeBytes: 0 })).resolves.toMatchObject({ videoCount: 10 });
    const refused = await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes: 0 }));
    expect(refused).toMatchObject({
      code: 'VIDEO_LIMIT_EXCEEDED',
      message: 'Your plan allows 10 videos; you have 10.',
    });
    expect(refused.details).toMatchObject({ videoCount: 10, videoCountLimit: 10, requestedBytes: 0 });
  });

  it('names the storage, not the video count, when only the storage is full', async () => {
    const id = await creator('BASIC', { bytes: 25 * GB, videos: 3 });
    expect(await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes: 1 }))).toMatchObject({
      code: 'STORAGE_LIMIT_EXCEEDED',
    });
  });

  it('has no video limit on ENTERPRISE, but its storage limit still holds', async () => {
    const id = await creator('ENTERPRISE', { videos: 10_000, bytes: 499 * GB });
    await expect(reserveUploadQuota(db, { creatorId: id, sizeBytes: GB })).resolves.toEqual({
      storageBytesUsed: 500 * GB,
      storageBytesLimit: 500 * GB,
      videoCount: 10_001,
      videoCountLimit: null,
    });
    expect(await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes: 1 }))).toMatchObject({
      code: 'STORAGE_LIMIT_EXCEEDED',
    });
  });

  it('reports no storage limit for a tier without one', async () => {
    const id = await creator('ENTERPRISE');
    await db.query(`update tier_configurations set storage_bytes_limit = null where tier = 'ENTERPRISE'`);
    try {
      expect(await getCreatorStorage(db, id)).toEqual({
        storageBytesUsed: 0,
        storageBytesLimit: null,
        videoCount: 0,
        videoCountLimit: null,
      });
      await expect(reserveUploadQuota(db, { creatorId: id, sizeBytes: 900 * GB })).resolves.toMatchObject({
        storageBytesUsed: 900 * GB,
      });
    } finally {
      await db.query(
        `update tier_configurations set storage_bytes_limit = 500::bigint * 1024 * 1024 * 1024 where tier = 'ENTERPRISE'`,
      );
    }
  });

  it('accepts an empty file and refuses sizes that are not whole bytes', async () => {
    const id = await creator('FREE');
    await expect(reserveUploadQuota(db, { creatorId: id, sizeBytes: 0 })).resolves.toMatchObject({
      storageBytesUsed: 0,
      videoCount: 1,
    });
    for (const sizeBytes of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2]) {
      const refused = await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes }));
      expect(refused).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/whole number of bytes/),
      });
    }
    expect(await getCreatorStorage(db, id)).toMatchObject({ storageBytesUsed: 0, videoCount: 1 });
  });

  it('names the storage when it is full one video before the video limit', async () => {
    const id = await creator('FREE', { bytes: 5 * GB, videos: 9 });
    expect(await refusal(reserveUploadQuota(db, { creatorId: id, sizeBytes: 1 }))).toMatchObject({
      code: 'STORAGE_LIMIT_EXCEEDED',
    });
  });

  it('answers NOT_FOUND for an unknown creator', async () => {
    await expect(getCreatorStorage(db, 'biz_unknown')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Unknown creator.',
    });
    await expect(reserveUploadQuota(db, { creatorId: 'biz_unknown', sizeBytes: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('frees bytes and a slot on release, never below zero, and only for that creator', async () => {
    const id = await creator('FREE', { bytes: 3 * GB, videos: 2 });
    const other = await creator('FREE', { bytes: 3 * GB, videos: 2 });
    await releaseUploadQuota(db, { creatorId: id, sizeBytes: GB });
    expect(await getCreatorStorage(db, id)).toMatchObject({ storageBytesUsed: 2 * GB, videoCount: 1 });
    await releaseUploadQuota(db, { creatorId: id, sizeBytes: 10 * GB });
    await releaseUploadQuota(db, { creatorId: id, sizeBytes: 10 * GB });
    expect(await getCreatorStorage(db, id)).toMatchObject({ storageBytesUsed: 0, videoCount: 0 });
    expect(await getCreatorStorage(db, other)).toMatchObject({ storageBytesUsed: 3 * GB, videoCount: 2 });
  });

  it('charges derived audio to the video and its creator, not to a video of another creator', async () => {
    const id = await creator('FREE', { bytes: 100, videos: 1 });
    const other = await creator('FREE');
    const [video] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, size_bytes) values ($1, 'v', 'video', 100) returning id`,
      [id],
    );
    await chargeDerivedStorage(db, { creatorId: id, videoId: video!.id, sizeBytes: 40 });
    expect(await db.query(`select size_bytes::int as size from videos where id = $1`, [video!.id])).toEqual([
      { size: 140 },
    ]);
    expect(await getCreatorStorage(db, id)).toMatchObject({ storageBytesUsed: 140 });
    await chargeDerivedStorage(db, { creatorId: other, videoId: video!.id, sizeBytes: 5 });
    expect(await db.query(`select size_bytes::int as size from videos where id = $1`, [video!.id])).toEqual([
      { size: 140 },
    ]);
  });
});

describe('chat quota', () => {
  it('shows a BASIC student the day’s usage and the next UTC midnight, across a month end', async () => {
    now = new Date('2026-11-30T23:30:00-02:00'); // 2026-12-01 01:30 UTC
    const id = await creator('BASIC');
    const user = await student();
    expect(await getChatUsage(ports(), { creatorId: id, userId: user })).toEqual({
      tier: 'BASIC',
      used: 0,
      limit: 100,
      remaining: 100,
      period: 'day',
      resetsAt: '2026-12-02T00:00:00.000Z',
    });
    const r = await reserveChatQuota(ports(), { creatorId: id, userId: user });
    expect(r).toEqual({
      creatorId: id,
      userId: user,
      periodStart: '2026-12-01',
      usage: { tier: 'BASIC', used: 1, limit: 100, remaining: 99, period: 'day', resetsAt: '2026-12-02T00:00:00.000Z' },
    });
    expect(await getChatUsage(ports(), { creatorId: id, userId: user })).toMatchObject({ used: 1, remaining: 99 });
  });

  it('shows an ENTERPRISE student no limit and no remainder', async () => {
    const id = await creator('ENTERPRISE');
    const user = await student();
    await reserveChatQuota(ports(), { creatorId: id, userId: user });
    expect(await getChatUsage(ports(), { creatorId: id, userId: user })).toMatchObject({
      used: 1,
      limit: null,
      remaining: null,
    });
  });

  it('never shows a negative remainder after a downgrade', async () => {
    now = new Date('2026-11-24T10:00:00Z');
    const id = await creator('FREE');
    const user = await student();
    await db.query(
      `insert into chat_usage (creator_id, user_id, period_start, questions_used) values ($1, $2, '1970-01-01', 7)`,
      [id, user],
    );
    expect(await getChatUsage(ports(), { creatorId: id, userId: user })).toEqual({
      tier: 'FREE',
      used: 7,
      limit: 3,
      remaining: 0,
      period: 'total',
      resetsAt: null,
    });
  });

  it('tells a FREE student the limit without a reset, and a BASIC student that it resets', async () => {
    now = new Date('2026-11-24T10:00:00Z');
    const free = await creator('FREE');
    const basic = await creator('BASIC');
    const user = await student();
    await db.query(
      `insert into chat_usage (creator_id, user_id, period_start, questions_used) values ($1, $3, '1970-01-01', 3), ($2, $3, '2026-11-24', 100)`,
      [free, basic, user],
    );
    const freeRefusal = await refusal(reserveChatQuota(ports(), { creatorId: free, userId: user }));
    expect(freeRefusal.message).toBe('You have used all 3 questions on this plan.');
    const basicRefusal = await refusal(reserveChatQuota(ports(), { creatorId: basic, userId: user }));
    expect(basicRefusal.message).toBe('You have used all 100 questions on this plan. It resets at midnight UTC.');
  });

  it('keeps each creator’s count apart for the same student', async () => {
    now = new Date('2026-11-24T10:00:00Z');
    const a = await creator('FREE');
    const b = await creator('FREE');
    const user = await student();
    await reserveChatQuota(ports(), { creatorId: a, userId: user });
    await reserveChatQuota(ports(), { creatorId: a, userId: user });
    expect((await getChatUsage(ports(), { creatorId: b, userId: user })).used).toBe(0);
    expect((await reserveChatQuota(ports(), { creatorId: b, userId: user })).usage.used).toBe(1);
  });

  it('answers NOT_FOUND for an unknown creator', async () => {
    const user = await student();
    await expect(getChatUsage(ports(), { creatorId: 'biz_unknown', userId: user })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Unknown creator.',
    });
    await expect(reserveChatQuota(ports(), { creatorId: 'biz_unknown', userId: user })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
