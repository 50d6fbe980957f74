import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBlobGrantSigner } from '../../../server/adapters/blob/blob-grants';
import { sweepAbandonedUploads } from '../../../server/domain/videos/sweep-abandoned-uploads';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { MonthlyCosts, VideoPlayback, VideoUploadCreated } from '../../../shared/schemas/videos';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';
import { adminHeaders, bytes, requestUpload, uploadVideo } from '../ingestion/upload-support';

installWhopWorld();
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
let bVideo = '';
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nCreator B only.\n';
  const { created } = await uploadVideo(harness.app, world.B, upload({ captions: { fileName: 'b.vtt', text: vtt } }), {
    media: bytes(1000),
  });
  bVideo = created.video.id;
  await harness.app.request('/api/videos', { headers: await adminHeaders(world.A) }); // creator A's row exists from the first visit
});
afterAll(() => db.close());
beforeEach(async () => {
  // The creator's row exists before each case: otherwise the first request creates it (with zeros) and
  // "reserves nothing" would compare against no row at all.
  await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [world.A.companyId]);
  await db.query(`update creators set storage_bytes_used = 0, video_count = 0, tier = 'FREE' where id = $1`, [
    world.A.companyId,
  ]);
});

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nWe tune the guitar before every lesson.\n';
function upload(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Lesson',
    file: { name: 'lesson.webm', type: 'video/webm', sizeBytes: 1000 },
    durationSeconds: 9,
    ...overrides,
  };
}
const storage = async () =>
  (
    await db.query<{ used: string; videos: number }>(
      `select storage_bytes_used::text as used, video_count as videos from creators where id = $1`,
      [world.A.companyId],
    )
  )[0]!;
const studentHeaders = async (who: typeof world.A) => ({
  [USER_TOKEN_HEADER]: await signUserToken(who.student),
  [EXPERIENCE_HEADER]: who.experienceId,
});

describe('starting an upload', () => {
  it.each([
    [
      'a file type that is not media',
      upload({ file: { name: 'notes.pdf', type: 'application/pdf', sizeBytes: 10 } }),
      /video .*or audio/i,
    ],
    ['an empty file', upload({ file: { name: 'a.mp4', type: 'video/mp4', sizeBytes: 0 } }), /empty/i],
    ['a file over 20 GB', upload({ file: { name: 'a.mp4', type: 'video/mp4', sizeBytes: 21 * 1024 ** 3 } }), /20 GB/],
    [
      'an audio part over the transcription limit',
      upload({ audioParts: [{ offsetSeconds: 0, durationSeconds: 60, sizeBytes: 30 * 1024 ** 2 }] }),
      /24 MB/,
    ],
    [
      'overlapping audio parts',
      upload({
        audioParts: [
          { offsetSeconds: 0, durationSeconds: 600, sizeBytes: 9 },
          { offsetSeconds: 300, durationSeconds: 600, sizeBytes: 9 },
        ],
      }),
      /overlap/,
    ],
    ['a blank title', upload({ title: '  ' }), /title/i],
    ['broken captions', upload({ captions: { fileName: 'a.vtt', text: 'no cues here' } }), /captions/i],
  ])('refuses %s with a clear message and reserves nothing', async (_label, body, message) => {
    const before = await storage();
    const res = await requestUpload(harness.app, world.A, body as never);
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.message).toMatch(message);
    expect(await storage()).toEqual(before);
  });

  it('refuses a file larger than the plan’s storage left, saying what is used and allowed', async () => {
    const res = await requestUpload(
      harness.app,
      world.A,
      upload({ file: { name: 'big.mp4', type: 'video/mp4', sizeBytes: 6 * 1024 ** 3 } }),
    );
    expect(res.status).toBe(403);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('STORAGE_LIMIT_EXCEEDED');
    expect(body.error.details).toMatchObject({ storageBytesLimit: 5 * 1024 ** 3, requestedBytes: 6 * 1024 ** 3 });
    expect(await storage()).toEqual({ used: '0', videos: 0 });
  });

  it('reserves the file and its audio parts, and hands out one target per object', async () => {
    const res = await requestUpload(
      harness.app,
      world.A,
      upload({ audioParts: [{ offsetSeconds: 0, durationSeconds: 9, sizeBytes: 300 }] }),
    );
    expect(res.status).toBe(201);
    const created = VideoUploadCreated.parse(await res.json());
    expect(created.video).toMatchObject({
      status: 'pending',
      uploadedAt: null,
      hasMedia: true,
      transcriptSource: 'transcription',
    });
    expect(created.uploads.audioParts).toHaveLength(1);
    expect(created.uploads.media).toMatchObject({ method: 'PUT', headers: { 'content-type': 'video/webm' } });
    expect(await storage()).toEqual({ used: '1300', videos: 1 });
  });
});

describe('local storage URLs', () => {
  it('accepts exactly the announced bytes; a short or missing upload cannot complete', async () => {
    const res = await requestUpload(
      harness.app,
      world.A,
      upload({ audioParts: [{ offsetSeconds: 0, durationSeconds: 9, sizeBytes: 300 }] }),
    );
    const created = VideoUploadCreated.parse(await res.json());
    const tooBig = await harness.app.request(created.uploads.media.url, {
      method: 'PUT',
      headers: created.uploads.media.headers,
      body: bytes(1001),
    });
    expect(tooBig.status).toBe(413);
    const short = await harness.app.request(created.uploads.media.url, {
      method: 'PUT',
      headers: created.uploads.media.headers,
      body: bytes(999),
    });
    expect(short.status).toBe(201);
    const complete = await harness.app.request(`/api/videos/${created.video.id}/complete`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(complete.status).toBe(409);
    expect(ErrorBody.parse(await complete.json()).error.message).toMatch(/video file, audio part 1/);
  });

  it('refuses forged, expired and wrong-operation tokens', async () => {
    const res = await requestUpload(harness.app, world.A, upload());
    const created = VideoUploadCreated.parse(await res.json());
    const url = created.uploads.media.url;
    const forged = url.slice(0, -4) + (url.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await harness.app.request(forged, { method: 'PUT', body: bytes(10) })).status).toBe(403);
    expect((await harness.app.request(url, { method: 'GET' })).status).toBe(403); // an upload grant cannot read
    const signer = await createBlobGrantSigner(new Uint8Array(32).fill(7)); // the test app's key
    const expired = await signer.sign({
      key: `${world.A.companyId}/${created.video.id}/media.webm`,
      op: 'put',
      exp: 1,
      max: 1000,
    });
    expect((await harness.app.request(`/api/local-blobs/${expired}`, { method: 'PUT', body: bytes(10) })).status).toBe(
      403,
    );
  });
});

describe('playback', () => {
  it('gives the creator and their students a URL that streams with Range; other communities get 404', async () => {
    const media = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      upload({ captions: { fileName: 'a.vtt', text: VTT } }),
      { media },
    );
    for (const headers of [await adminHeaders(world.A), await studentHeaders(world.A)]) {
      const res = await harness.app.request(`/api/videos/${created.video.id}/playback`, { headers });
      expect(res.status).toBe(200);
      const playback = VideoPlayback.parse(await res.json());
      expect(playback).toMatchObject({ videoId: created.video.id, mimeType: 'video/webm' });
      const ranged = await harness.app.request(playback.url!, { headers: { range: 'bytes=100-199' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers.get('content-range')).toBe('bytes 100-199/1000');
      expect(ranged.headers.get('content-type')).toBe('video/webm');
      expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(media.slice(100, 200));
      const whole = await harness.app.request(playback.url!);
      expect(whole.status).toBe(200);
      expect((await whole.arrayBuffer()).byteLength).toBe(1000);
      expect((await harness.app.request(playback.url!, { headers: { range: 'bytes=5000-' } })).status).toBe(416);
    }
    const foreign = await harness.app.request(`/api/videos/${bVideo}/playback`, {
      headers: await studentHeaders(world.A),
    });
    expect(foreign.status).toBe(404);
  });

  it('has no URL for a captions-only lesson', async () => {
    const res = await harness.app.request('/api/videos/captions', {
      method: 'POST',
      headers: { ...(await adminHeaders(world.A)), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Captions only', fileName: 'c.vtt', text: VTT }),
    });
    const { id } = (await res.json()) as { id: string };
    const playback = VideoPlayback.parse(
      await (
        await harness.app.request(`/api/videos/${id}/playback`, { headers: await studentHeaders(world.A) })
      ).json(),
    );
    expect(playback.url).toBeNull();
  });
});

describe('removing', () => {
  it('deletes the files with the video and frees its quota', async () => {
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      upload({ captions: { fileName: 'a.vtt', text: VTT } }),
      { media: bytes(1000) },
    );
    await harness.jobs.idle();
    const key = `${world.A.companyId}/${created.video.id}/media.webm`;
    expect(await harness.blobs.stat(key)).toEqual({ sizeBytes: 1000 });
    const res = await harness.app.request(`/api/videos/${created.video.id}`, {
      method: 'DELETE',
      headers: await adminHeaders(world.A),
    });
    expect(res.status).toBe(204);
    expect(await harness.blobs.stat(key)).toBeNull();
    expect(await storage()).toEqual({ used: '0', videos: 0 });
  });

  it('sweeps uploads never completed after a day, freeing their quota', async () => {
    const res = await requestUpload(harness.app, world.A, upload());
    const created = VideoUploadCreated.parse(await res.json());
    expect(await storage()).toEqual({ used: '1000', videos: 1 });
    const { removed: early } = await sweepAbandonedUploads(
      { db, blobs: harness.blobs, logger: harness.deps.logger },
      { now: new Date() },
    );
    expect(early).toBe(0);
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
    const { removed } = await sweepAbandonedUploads(
      { db, blobs: harness.blobs, logger: harness.deps.logger },
      { now: tomorrow },
    );
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await db.query(`select 1 from videos where id = $1`, [created.video.id])).toEqual([]);
    expect(await storage()).toEqual({ used: '0', videos: 0 });
  });
});

describe('monthly costs', () => {
  it('sums the creator’s own provider calls by month', async () => {
    await db.query(
      `insert into api_costs (creator_id, provider, operation, model, units, unit_kind, cost_usd, created_at) values
        ($1, 'openai', 'transcription', 'whisper-1', 10, 'audio_minutes', 0.06, '2026-10-03'),
        ($1, 'openai', 'embedding', 'text-embedding-3-small', 5000, 'tokens', 0.0001, '2026-10-03'),
        ($1, 'anthropic', 'answer', 'claude-sonnet-4-5', 2000, 'tokens', 0.01, '2026-11-02'),
        ($2, 'openai', 'transcription', 'whisper-1', 999, 'audio_minutes', 5.994, '2026-11-02')`,
      [world.A.companyId, world.B.companyId],
    );
    const costs = MonthlyCosts.parse(
      await (await harness.app.request('/api/dashboard/costs', { headers: await adminHeaders(world.A) })).json(),
    );
    expect(costs.months).toEqual([
      {
        month: '2026-11',
        transcriptionUsd: 0,
        embeddingUsd: 0,
        answerUsd: 0.01,
        totalUsd: 0.01,
        audioMinutes: 0,
        tokens: 2000,
      },
      {
        month: '2026-10',
        transcriptionUsd: 0.06,
        embeddingUsd: 0.0001,
        answerUsd: 0,
        totalUsd: expect.closeTo(0.0601, 6),
        audioMinutes: 10,
        tokens: 5000,
      },
    ]);
  });
});

const someId = '00000000-0000-4000-8000-000000000000';
describeSecurity('/api/videos (POST)', () => harness.app, {
  method: 'POST',
  path: '/api/videos',
  view: 'dashboard',
  body: upload(),
});
describeSecurity('/api/videos/:id', () => harness.app, {
  method: 'GET',
  path: `/api/videos/${someId}`,
  view: 'dashboard',
  foreignPath: async () => `/api/videos/${bVideo}`,
});
for (const view of ['dashboard', 'experience'] as const) {
  describeSecurity(`/api/videos/:id/playback (${view})`, () => harness.app, {
    method: 'GET',
    path: `/api/videos/${someId}/playback`,
    view,
    foreignPath: async () => `/api/videos/${bVideo}/playback`,
  });
}
for (const action of ['complete', 'retry', 'reprocess']) {
  describeSecurity(`/api/videos/:id/${action}`, () => harness.app, {
    method: 'POST',
    path: `/api/videos/${someId}/${action}`,
    view: 'dashboard',
    foreignPath: async () => `/api/videos/${bVideo}/${action}`,
  });
}
describeSecurity('/api/dashboard/costs', () => harness.app, {
  method: 'GET',
  path: '/api/dashboard/costs',
  view: 'dashboard',
});
