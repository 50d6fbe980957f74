import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createOpenAiTranscriber } from '../../../server/adapters/transcriber/openai-transcriber';
import type { Db } from '../../../server/ports/db';
import { VideoDetail } from '../../../shared/schemas/videos';
import { openAiError } from '../../support/openai-embeddings-api';
import { type TranscriptionRequest, transcriptionsApi } from '../../support/openai-transcriptions-api';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { whopServer, world } from '../../support/whop-world';
import { adminHeaders, bytes, uploadVideo, videoOf } from './upload-support';

// One msw server for Whop and OpenAI; the SDK's `data:,` probe before its first upload is let through.
const openai = whopServer;
beforeAll(() =>
  openai.listen({
    onUnhandledRequest: (request, print) => (request.url.startsWith('data:') ? undefined : print.error()),
  }),
);
afterEach(() => openai.resetHandlers());
afterAll(() => openai.close());

let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
const logs: Record<string, unknown>[] = [];
beforeAll(async () => {
  db = await createTestDb();
  const transcriber = createOpenAiTranscriber({
    apiKey: 'sk-test-pipeline',
    sleep: async () => {},
    logger: createJsonLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line)) }),
  });
  harness = await createTestApp(db, {
    ai: { embedder: createOfflineLexicalEmbedder(), answerer: createOfflineExtractiveAnswerer(), transcriber },
  });
});
afterAll(() => db.close());
beforeEach(async () => {
  logs.length = 0;
  await db.query(`update creators set storage_bytes_used = 0, video_count = 0, tier = 'PRO'`);
});

/** Two 20-minute parts: Whisper's segment times are per part; the pipeline must put them in video time. */
const twoParts = (title: string) => ({
  title,
  file: { name: 'lesson.mp4', type: 'video/mp4', sizeBytes: 4000 },
  durationSeconds: 2400,
  audioParts: [
    { offsetSeconds: 0, durationSeconds: 1200, sizeBytes: 300 },
    { offsetSeconds: 1200, durationSeconds: 1200, sizeBytes: 200 },
  ],
});
const files = { media: bytes(4000), parts: [bytes(300, 2), bytes(200, 3)] };

const segmentsFor = (size: number) =>
  size === 300
    ? [
        {
          start: 0,
          end: 30,
          text: ' Welcome. Today we learn how index funds spread risk across hundreds of companies.',
        },
        { start: 30, end: 70, text: ' Expense ratios matter because fees compound against you every single year.' },
      ]
    : [{ start: 5, end: 40, text: ' In the second half we rebalance the portfolio once a year, on a fixed date.' }];

/** OpenAI answering each part by its size (so the test knows which part it is). */
const whisper = (requests: TranscriptionRequest[], intercept?: (r: TranscriptionRequest) => Response | undefined) =>
  openai.use(
    transcriptionsApi({
      requests,
      intercept: (r) => intercept?.(r) ?? HttpResponse.json(verbose(segmentsFor(r.fileBytes))),
    }),
  );
const verbose = (segments: { start: number; end: number; text: string }[]) => ({
  task: 'transcribe',
  language: 'english',
  duration: 1200,
  text: segments.map((s) => s.text).join(''),
  segments: segments.map((s, id) => ({
    id,
    seek: 0,
    ...s,
    tokens: [1],
    temperature: 0,
    avg_logprob: -0.2,
    compression_ratio: 1.4,
    no_speech_prob: 0.01,
  })),
});

describe('the pipeline, through the API', () => {
  it('takes an upload to completed: parts transcribed with their offsets, chunked, embedded, costed, tenant on every row', async () => {
    const requests: TranscriptionRequest[] = [];
    whisper(requests);
    const { created } = await uploadVideo(harness.app, world.A, twoParts('Index funds'), files);
    await harness.jobs.idle();

    const video = await videoOf(harness.app, world.A, created.video.id);
    expect(video).toMatchObject({
      status: 'completed',
      progress: 100,
      transcriptSource: 'transcription',
      hasMedia: true,
      error: null,
    });
    expect(video!.chunkCount).toBeGreaterThan(0);
    expect(requests.map((r) => r.fileBytes).sort()).toEqual([200, 300]);

    const detail = VideoDetail.parse(
      await (
        await harness.app.request(`/api/videos/${created.video.id}`, { headers: await adminHeaders(world.A) })
      ).json(),
    );
    expect(detail.transcript.map((l) => l.startSeconds)).toEqual([0, 30, 1205]);
    expect(detail.transcript.at(-1)!.text).toMatch(/rebalance/);
    expect(detail.costs).toEqual([
      {
        operation: 'transcription',
        model: 'whisper-1',
        units: 40,
        unitKind: 'audio_minutes',
        costUsd: expect.closeTo(0.24, 6),
      },
    ]);
    const rows = await db.query<{ creator_id: string; start_seconds: string }>(
      `select creator_id, start_seconds::text from chunks where video_id = $1 order by seq`,
      [created.video.id],
    );
    expect(new Set(rows.map((r) => r.creator_id))).toEqual(new Set([world.A.companyId]));
    expect(Number(rows.at(-1)!.start_seconds)).toBeGreaterThanOrEqual(0);
    const late = await db.query(
      `select 1 from chunks where video_id = $1 and text like '%rebalance%' and start_seconds >= 1200`,
      [created.video.id],
    );
    expect(late).toHaveLength(1);
  });

  it('retries a 429 (honouring Retry-After) and completes, logging the retry', async () => {
    let calls = 0;
    whisper([], () => (++calls === 1 ? openAiError(429, 'Rate limit reached', { 'retry-after': '1' }) : undefined));
    const { created } = await uploadVideo(harness.app, world.A, twoParts('Rate limited'), files);
    await harness.jobs.idle();
    expect((await videoOf(harness.app, world.A, created.video.id))?.status).toBe('completed');
    expect(calls).toBe(3);
    expect(logs.some((l) => String(l['msg']).match(/retry/i))).toBe(true);
  });

  it('ends in failed with a human reason after 500 on every attempt; retry resumes without paying for finished parts', async () => {
    const requests: TranscriptionRequest[] = [];
    whisper(requests, (r) => (r.fileBytes === 200 ? openAiError(500, 'The server had an error') : undefined));
    const { created } = await uploadVideo(harness.app, world.A, twoParts('Flaky provider'), files);
    await harness.jobs.idle();
    const failed = await videoOf(harness.app, world.A, created.video.id);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed!.error).toMatch(/Transcription failed/);
    expect(failed!.error).toMatch(/Retry/);
    expect(requests.filter((r) => r.fileBytes === 200)).toHaveLength(4); // the first try and three retries (1 s, 2 s, 4 s)

    requests.length = 0;
    openai.resetHandlers();
    whisper(requests);
    const retry = await harness.app.request(`/api/videos/${created.video.id}/retry`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(retry.status).toBe(202);
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(requests.map((r) => r.fileBytes)).toEqual([200]);
  });

  it('refuses to retry what has not failed, and reprocesses a completed video from the start without duplicating chunks', async () => {
    whisper([]);
    const { created } = await uploadVideo(harness.app, world.A, twoParts('Reprocess me'), files);
    await harness.jobs.idle();
    const before = await db.query<{ n: number }>(`select count(*)::int as n from chunks where video_id = $1`, [
      created.video.id,
    ]);
    const retry = await harness.app.request(`/api/videos/${created.video.id}/retry`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(retry.status).toBe(409);

    const requests: TranscriptionRequest[] = [];
    openai.resetHandlers();
    whisper(requests);
    const again = await harness.app.request(`/api/videos/${created.video.id}/reprocess`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(again.status).toBe(202);
    await harness.jobs.idle();
    expect(requests).toHaveLength(2);
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({ status: 'completed' });
    expect(await db.query(`select count(*)::int as n from chunks where video_id = $1`, [created.video.id])).toEqual(
      before,
    );
  });

  it('fails with what to do when no transcription service is configured', async () => {
    const offline = await createTestApp(db);
    const { created } = await uploadVideo(offline.app, world.A, twoParts('No provider'), files);
    await offline.jobs.idle();
    const video = await videoOf(offline.app, world.A, created.video.id);
    expect(video?.status).toBe('failed');
    expect(video?.error).toMatch(/captions/i);
    // The creator reads this: the fix they can make, not the server's variable names.
    expect(video?.error).not.toMatch(/[A-Z]{2,}_[A-Z_]{2,}/);
  });

  it('needs no transcription when captions come with the video', async () => {
    const requests: TranscriptionRequest[] = [];
    whisper(requests);
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nDollar-cost averaging means buying a fixed amount every month.\n';
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      {
        title: 'With captions',
        file: { name: 'a.webm', type: 'video/webm', sizeBytes: 4000 },
        durationSeconds: 9,
        captions: { fileName: 'a.vtt', text: vtt },
      },
      { media: files.media },
    );
    expect(created.uploads.audioParts).toEqual([]);
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({
      status: 'completed',
      transcriptSource: 'captions',
      chunkCount: 1,
    });
    expect(requests).toEqual([]);
  });
});
