import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { indexTranscript } from '../../../server/domain/ingestion/index-transcript';
import { claimVideo } from '../../../server/domain/ingestion/video-run';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb, testDbDriver } from '../../support/test-db';
import { membershipEvent, signWebhook } from '../../support/webhooks';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';
import { requestUpload } from '../ingestion/upload-support';

/**
 * Races on a real PostgreSQL server through a pool of POOL connections, so requests
 * really run at the same time in different backends (PGlite runs one transaction at a
 * time and cannot show this). Each guarantee is held by the SQL alone: a read-then-write
 * version of any of them lets the extra through here.
 */
const POOL = 20;

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];

beforeAll(async () => {
  if (testDbDriver() !== 'postgres')
    throw new Error('true-concurrency tests run in the server-pg project only (a real server)');
  db = await createTestDb({ poolSize: POOL });
  ({ app } = await createTestApp(db));
  // Creator A (FREE) with one lesson, so every question that gets through is answered.
  await db.query(`insert into creators (id) values ($1)`, [world.A.companyId]);
  const [video] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ($1, 'Lesson 1 · Hydration', 'captions', 'completed') returning id`,
    [world.A.companyId],
  );
  await indexTranscript(
    { db, embedder: createOfflineLexicalEmbedder() },
    {
      creatorId: world.A.companyId,
      videoId: video!.id,
      segments: [
        { startSeconds: 0, endSeconds: 9, text: 'Hydration is the weight of water divided by the weight of flour.' },
        { startSeconds: 10, endSeconds: 19, text: 'Seventy percent hydration gives an open crumb.' },
      ],
    },
  );
});
afterAll(() => db?.close());

describe('on a real PostgreSQL server, with a pool of 20 connections', () => {
  it('answers exactly 3 of 50 parallel questions of a FREE student; the other 47 are told the limit', async () => {
    const headers = {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    };
    const ask = async () => {
      const res = await app.request('/api/chat', {
        method: 'POST',
        headers,
        body: JSON.stringify({ question: 'What is hydration?' }),
      });
      return res.status === 200
        ? { status: 200, events: await readChatEvents(res) }
        : { status: res.status, body: ErrorBody.parse(await res.json()) };
    };
    // A student's first questions, all at once: their user row, sessions and usage row are made in the race too.
    const results = await Promise.all(Array.from({ length: 50 }, ask));

    const answered = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(answered).toHaveLength(3);
    for (const r of answered) expect(r.events?.at(-1)).toMatchObject({ type: 'done' });
    expect(refused).toHaveLength(47);
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body?.error.code).toBe('CHAT_LIMIT_EXCEEDED');
    }
    const [usage] = await db.query<{ used: number }>(
      `select questions_used as used from chat_usage where creator_id = $1 and user_id = $2`,
      [world.A.companyId, world.A.student],
    );
    expect(usage!.used).toBe(3);
    const [stored] = await db.query<{ n: number }>(
      `select count(*)::int as n from chat_messages where creator_id = $1 and user_id = $2 and role = 'assistant'`,
      [world.A.companyId, world.A.student],
    );
    expect(stored!.n).toBe(3);
    // The 47 refused left nothing behind: one conversation per answered question.
    const [sessions] = await db.query<{ n: number }>(
      `select count(*)::int as n from chat_sessions where creator_id = $1 and user_id = $2`,
      [world.A.companyId, world.A.student],
    );
    expect(sessions!.n).toBe(3);
  });

  it('reserves exactly the uploads left under the FREE video limit when 12 arrive at once', async () => {
    await db.query(`update creators set video_count = 8, storage_bytes_used = 0 where id = $1`, [world.A.companyId]);
    const videosBefore = await db.query(`select id from videos where creator_id = $1`, [world.A.companyId]);
    const body = {
      title: 'Lesson',
      file: { name: 'lesson.webm', type: 'video/webm', sizeBytes: 1000 },
      durationSeconds: 9,
    };
    const responses = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const res = await requestUpload(app, world.A, body);
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      }),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect([r.status, r.body.error?.code]).toEqual([403, 'VIDEO_LIMIT_EXCEEDED']);
    const [creator] = await db.query<{ videos: number; used: string }>(
      `select video_count as videos, storage_bytes_used::text as used from creators where id = $1`,
      [world.A.companyId],
    );
    expect(creator).toEqual({ videos: 10, used: '2000' });
    const videosAfter = await db.query(`select id from videos where creator_id = $1`, [world.A.companyId]);
    expect(videosAfter.length - videosBefore.length).toBe(2);
  });

  it('applies a webhook delivered 20 times at once exactly once', async () => {
    await db.query(`insert into whop_plan_tiers (plan_id, tier) values ('plan_race', 'PRO')`);
    const body = JSON.stringify(
      membershipEvent('membership.activated', {
        companyId: 'biz_race',
        planId: 'plan_race',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
    );
    const headers = signWebhook(body, { id: 'msg_delivered_twenty_times' });
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await app.request('/api/webhooks/whop', { method: 'POST', body, headers });
        return { status: res.status, body: (await res.json()) as { outcome?: string } };
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const outcomes = results.map((r) => r.body.outcome).sort();
    expect(outcomes).toEqual(['applied', ...Array(19).fill('duplicate')]);
    expect(await db.query(`select tier from creators where id = 'biz_race'`)).toEqual([{ tier: 'PRO' }]);
    const history = await db.query(`select to_tier from creator_tier_history where creator_id = 'biz_race'`);
    expect(history).toEqual([{ to_tier: 'PRO' }]);
    expect(
      await db.query(`select count(*)::int as n from webhook_events where id = 'msg_delivered_twenty_times'`),
    ).toEqual([{ n: 1 }]);
  });

  it('gives one video to exactly one of the consumers that lease it at the same moment', async () => {
    const [video] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, transcript_source, status, uploaded_at)
       values ($1, 'Leased', 'captions', 'captions', 'pending', now()) returning id`,
      [world.A.companyId],
    );
    const job = { videoId: video!.id, creatorId: world.A.companyId };
    // Two consumers, each a few deliveries deep (a redelivered message while the first still runs).
    const runs = await Promise.all(Array.from({ length: 10 }, () => claimVideo(db, job)));
    const winners = runs.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const [row] = await db.query<{ attempts: number; lease_token: string | null }>(
      `select attempts, lease_token::text from videos where id = $1`,
      [video!.id],
    );
    expect(row!.attempts).toBe(1);
    // The winner holds the lease: the losers' writes would fail on its token.
    await expect(winners[0]!.setStage('chunking', 0.5)).resolves.toBeUndefined();
  });
});
