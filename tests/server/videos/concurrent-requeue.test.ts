import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createOpenAiTranscriber } from '../../../server/adapters/transcriber/openai-transcriber';
import type { Db } from '../../../server/ports/db';
import type { Job } from '../../../server/ports/job-queue';
import { openAiError } from '../../support/openai-embeddings-api';
import { type TranscriptionRequest, transcriptionsApi } from '../../support/openai-transcriptions-api';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { whopServer, world } from '../../support/whop-world';
import { adminHeaders, bytes, uploadVideo, videoOf } from '../ingestion/upload-support';

// A creator double-clicking Reprocess, or a script hammering it: twenty requests at
// once must start one run — one job, one transcription bill — and the rest be told no.
beforeAll(() =>
  whopServer.listen({
    onUnhandledRequest: (request, print) => (request.url.startsWith('data:') ? undefined : print.error()),
  }),
);
afterEach(() => whopServer.resetHandlers());
afterAll(() => whopServer.close());

let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
const enqueued: Job[] = [];
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db, {
    ai: {
      embedder: createOfflineLexicalEmbedder(),
      answerer: createOfflineExtractiveAnswerer(),
      transcriber: createOpenAiTranscriber({ apiKey: 'sk-test-requeue', sleep: async () => {} }),
    },
  });
  // The routes hold the same queue object: count what they enqueue, then let it run.
  const enqueue = harness.jobs.enqueue.bind(harness.jobs);
  harness.jobs.enqueue = async (job) => {
    enqueued.push(job);
    return enqueue(job);
  };
  await db.query(`update creators set tier = 'PRO'`);
});
afterAll(() => db.close());

const lesson = (title: string) => ({
  title,
  file: { name: 'lesson.mp4', type: 'video/mp4', sizeBytes: 4000 },
  durationSeconds: 1200,
  audioParts: [{ offsetSeconds: 0, durationSeconds: 1200, sizeBytes: 300 }],
});
const whisper = (requests: TranscriptionRequest[], fail = false) =>
  whopServer.use(
    transcriptionsApi({
      requests,
      intercept: () =>
        fail
          ? openAiError(400, 'Invalid file format.')
          : HttpResponse.json({
              task: 'transcribe',
              language: 'english',
              duration: 1200,
              text: ' Hello.',
              segments: [
                {
                  id: 0,
                  seek: 0,
                  start: 0,
                  end: 5,
                  text: ' Hello there, class.',
                  tokens: [1],
                  temperature: 0,
                  avg_logprob: -0.2,
                  compression_ratio: 1.4,
                  no_speech_prob: 0.01,
                },
              ],
            }),
    }),
  );
const transcriptionBills = async (videoId: string) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from api_costs where video_id = $1 and operation = 'transcription'`,
      [videoId],
    )
  )[0]!.n;

async function hammer(videoId: string, action: 'reprocess' | 'retry') {
  const headers = await adminHeaders(world.A);
  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      harness.app.request(`/api/videos/${videoId}/${action}`, { method: 'POST', headers }),
    ),
  );
  return responses.map((r) => r.status).sort();
}

describe('twenty parallel requeues of one video', () => {
  it('reprocess: one 202, nineteen 409, one job, one bill', async () => {
    const requests: TranscriptionRequest[] = [];
    whisper(requests);
    const { created } = await uploadVideo(harness.app, world.A, lesson('Reprocess twenty times'), {
      media: bytes(4000),
      parts: [bytes(300)],
    });
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({ status: 'completed' });
    enqueued.length = 0;
    requests.length = 0;

    const statuses = await hammer(created.video.id, 'reprocess');
    await harness.jobs.idle();
    expect(statuses).toEqual([202, ...Array<number>(19).fill(409)]);
    expect(enqueued).toHaveLength(1);
    expect(requests).toHaveLength(1);
    expect(await transcriptionBills(created.video.id)).toBe(2); // the first run's and this one's
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({ status: 'completed' });
  });

  it('retry: one 202, nineteen 409, one job', async () => {
    const requests: TranscriptionRequest[] = [];
    whisper(requests, true);
    const { created } = await uploadVideo(harness.app, world.A, lesson('Retry twenty times'), {
      media: bytes(4000),
      parts: [bytes(300)],
    });
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({ status: 'failed' });
    enqueued.length = 0;
    requests.length = 0;

    const statuses = await hammer(created.video.id, 'retry');
    await harness.jobs.idle();
    expect(statuses).toEqual([202, ...Array<number>(19).fill(409)]);
    expect(enqueued).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });
});
