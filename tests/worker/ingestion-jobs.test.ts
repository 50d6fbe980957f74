import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import { replaceTranscriptSegments } from '../../server/domain/ingestion/index-transcript';
import { parseCaptions } from '../../server/domain/ingestion/parse-captions';
import { getCreatorStorage, reserveUploadQuota } from '../../server/domain/quotas/storage-quota';
import worker from '../../server/entry/worker';
import type { WorkerBindings } from '../../server/entry/worker-deps';
import { createWorker } from '../../server/entry/worker-handler';
import { blobKeys } from '../../server/ports/blob-store';

/**
 * The production ingestion wiring inside workerd: queue messages through the
 * Worker's `queue()` run the real pipeline against Postgres (PGlite over TCP), and
 * the cron's `scheduled()` sweeps abandoned uploads. Rows are set up with the
 * domain's own functions, as POST /api/videos would leave them (the Worker here
 * has no Supabase Storage to upload to).
 */
const db = openPostgresDb({ url: env.DATABASE_URL, max: 2, prepare: false });
afterAll(() => db.close());

const CAPTIONS = `WEBVTT

00:00:00.000 --> 00:00:20.000
Feed your starter with equal weights of flour and water every twelve hours.

00:00:20.000 --> 00:00:45.000
It is ready when it doubles in size within six hours and smells pleasantly sour.

00:00:45.000 --> 00:01:20.000
Shape the dough gently so the gas bubbles stay inside. Then let it proof overnight in the fridge.
`;

async function newCreator() {
  const id = `biz_wk${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await db.query(`insert into creators (id, name) values ($1, 'Worker test school')`, [id]);
  return id;
}

/** An uploaded video with captions, as createVideoUpload + completeVideoUpload leave it. */
async function uploadedCaptionsVideo(creatorId: string, sizeBytes: number) {
  const captions = await parseCaptions(CAPTIONS, 'vtt');
  await reserveUploadQuota(db, { creatorId, sizeBytes });
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress, transcript_source, uploaded_at)
       values ($1, 'Starter basics', 'video', 'video/mp4', $2, $3, 'pending', 0, 'captions', now()) returning id`,
      [creatorId, sizeBytes, captions.durationSeconds],
    );
    const videoId = row!.id;
    await tx.query(`update videos set storage_key = $2 where id = $1`, [
      videoId,
      blobKeys.media(creatorId, videoId, 'mp4'),
    ]);
    await replaceTranscriptSegments(tx, { creatorId, videoId, segments: captions.segments });
    return videoId;
  });
}

async function deliver(handler: ReturnType<typeof createWorker>, bindings: WorkerBindings, bodies: unknown[]) {
  const batch = createMessageBatch(
    'chronos-jobs',
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await handler.queue(batch, bindings, ctx);
  return getQueueResult(batch, ctx);
}

const videoRow = async (videoId: string) =>
  (
    await db.query<{ status: string; progress: string; chunk_count: number; attempts: number; error: string | null }>(
      `select status, progress::text, chunk_count, attempts, error from videos where id = $1`,
      [videoId],
    )
  )[0];

describe('video.process on the chronos-jobs consumer', () => {
  it('takes an uploaded captions video to completed, with chunks that belong to its creator', async () => {
    const creatorId = await newCreator();
    const videoId = await uploadedCaptionsVideo(creatorId, 4096);

    const result = await deliver(worker, env, [{ type: 'video.process', videoId, creatorId }]);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages).toEqual([]);

    expect(await videoRow(videoId)).toMatchObject({
      status: 'completed',
      progress: '100.00',
      attempts: 1,
      error: null,
    });
    const chunks = await db.query<{
      creator_id: string;
      start_seconds: string;
      end_seconds: string;
      has_embedding: boolean;
    }>(
      `select creator_id, start_seconds::text, end_seconds::text, embedding is not null as has_embedding
         from chunks where video_id = $1 order by seq`,
      [videoId],
    );
    expect(chunks.length).toBeGreaterThan(0);
    expect((await videoRow(videoId))?.chunk_count).toBe(chunks.length);
    expect(chunks.every((c) => c.creator_id === creatorId && c.has_embedding)).toBe(true);
    expect(Number(chunks[0]!.start_seconds)).toBe(0);
    expect(Number(chunks.at(-1)!.end_seconds)).toBe(80);

    // At-least-once delivery: the same message again is acknowledged and changes nothing.
    const again = await deliver(worker, env, [{ type: 'video.process', videoId, creatorId }]);
    expect(again.explicitAcks).toEqual(['m0']);
    expect(await videoRow(videoId)).toMatchObject({ status: 'completed', attempts: 1, chunk_count: chunks.length });
    const [count] = await db.query<{ n: number }>(`select count(*)::int as n from chunks where video_id = $1`, [
      videoId,
    ]);
    expect(count?.n).toBe(chunks.length);
  });

  it('has the queue retry a job whose pipeline threw (the database was unreachable)', async () => {
    const creatorId = await newCreator();
    const videoId = await uploadedCaptionsVideo(creatorId, 100);
    const unreachable = {
      ...env,
      HYPERDRIVE: undefined,
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:9/postgres',
    };

    const result = await deliver(createWorker(), unreachable, [{ type: 'video.process', videoId, creatorId }]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m0']);
    expect(await videoRow(videoId)).toMatchObject({ status: 'pending', attempts: 0 });
    // Not left for the cron test below to find as stalled.
    await db.query(`delete from videos where id = $1`, [videoId]);
  });

  it('acknowledges a run the pipeline ended in failed (no transcriber here): retrying cannot help', async () => {
    const creatorId = await newCreator();
    await reserveUploadQuota(db, { creatorId, sizeBytes: 1000 });
    const [row] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, status, transcript_source, uploaded_at)
       values ($1, 'No captions', 'video', 'video/mp4', 1000, 'pending', 'transcription', now()) returning id`,
      [creatorId],
    );
    const videoId = row!.id;

    const result = await deliver(worker, env, [{ type: 'video.process', videoId, creatorId }]);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages).toEqual([]);
    const failed = await videoRow(videoId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.error).toMatch(/transcri/i);
  });

  it('drops a video.process message without ids instead of retrying it forever', async () => {
    const result = await deliver(worker, env, [{ type: 'video.process', videoId: 'not-a-uuid' }]);
    expect(result.explicitAcks).toEqual(['m0']);
    expect(result.retryMessages).toEqual([]);
  });
});

describe('the scheduled maintenance (cron)', () => {
  it('sweeps an upload never completed and frees its quota, leaving fresh uploads alone', async () => {
    const creatorId = await newCreator();
    const insertUpload = async (expiresInSeconds: number, sizeBytes: number) => {
      await reserveUploadQuota(db, { creatorId, sizeBytes });
      const [row] = await db.query<{ id: string }>(
        `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, status, transcript_source, upload_expires_at)
         values ($1, 'Never finished', 'video', 'video/mp4', $2, 'pending', 'transcription', now() + make_interval(secs => $3))
         returning id`,
        [creatorId, sizeBytes, expiresInSeconds],
      );
      return row!.id;
    };
    const abandoned = await insertUpload(-60, 7_000_000);
    const fresh = await insertUpload(3600, 5_000);
    expect(await getCreatorStorage(db, creatorId)).toMatchObject({ storageBytesUsed: 7_005_000, videoCount: 2 });

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);

    const left = await db.query<{ id: string }>(`select id from videos where creator_id = $1`, [creatorId]);
    expect(left.map((r) => r.id)).toEqual([fresh]);
    expect(left.map((r) => r.id)).not.toContain(abandoned);
    expect(await getCreatorStorage(db, creatorId)).toMatchObject({ storageBytesUsed: 5_000, videoCount: 1 });
  });

  it('queues a video whose run died mid-pipeline again, and the consumer finishes it', async () => {
    const creatorId = await newCreator();
    const videoId = await uploadedCaptionsVideo(creatorId, 2048);
    // A run that took the lease and died in chunking: nothing holds it now.
    await db.query(
      `update videos set status = 'chunking', progress = 12, attempts = 1, lease_token = gen_random_uuid(),
              lease_expires_at = now() - interval '1 minute' where id = $1`,
      [videoId],
    );

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);

    // The message went out on the real JOBS binding; miniflare delivers it to this Worker's queue().
    let row = await videoRow(videoId);
    for (let waited = 0; row?.status !== 'completed' && waited < 20_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      row = await videoRow(videoId);
    }
    expect(row).toMatchObject({ status: 'completed', attempts: 2 });
    expect(row?.chunk_count).toBeGreaterThan(0);
  });
});
