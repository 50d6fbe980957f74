import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createOpenAiTranscriber } from '../../../server/adapters/transcriber/openai-transcriber';
import type { AudioExtractor } from '../../../server/ports/audio-extractor';
import type { Db } from '../../../server/ports/db';
import { transcriptionsApi } from '../../support/openai-transcriptions-api';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { whopServer, world } from '../../support/whop-world';
import { adminHeaders, bytes, uploadVideo, videoOf } from './upload-support';

// The real ffmpeg extractor has its own tests (tests/server/adapters/audio); here the
// pipeline's bookkeeping around it: where the parts go and what they count against.
const PART_BYTES = [700, 300];
let extractions = 0;
const extractor: AudioExtractor = {
  name: 'stand-in',
  async extract() {
    extractions++;
    return {
      durationSeconds: 2400,
      parts: PART_BYTES.map((size, seq) => ({
        seq,
        offsetSeconds: seq * 1200,
        durationSeconds: 1200,
        bytes: bytes(size, seq + 1),
      })),
    };
  },
};

beforeAll(() =>
  whopServer.listen({
    onUnhandledRequest: (request, print) => (request.url.startsWith('data:') ? undefined : print.error()),
  }),
);
afterEach(() => whopServer.resetHandlers());
afterAll(() => whopServer.close());

let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  db = await createTestDb();
  const transcriber = createOpenAiTranscriber({ apiKey: 'sk-test-extraction', sleep: async () => {} });
  harness = await createTestApp(db, {
    ai: { embedder: createOfflineLexicalEmbedder(), answerer: createOfflineExtractiveAnswerer(), transcriber },
    media: { audioExtractor: extractor },
  });
  await db.query(`update creators set storage_bytes_used = 0, video_count = 0, tier = 'PRO'`);
});
afterAll(() => db.close());

const used = async () =>
  Number(
    (
      await db.query<{ used: string }>(`select storage_bytes_used::text as used from creators where id = $1`, [
        world.A.companyId,
      ])
    )[0]!.used,
  );

describe('audio the server extracts itself', () => {
  it('counts against the creator’s storage once, with the video, and is freed with it', async () => {
    whopServer.use(
      transcriptionsApi({
        requests: [],
        intercept: () =>
          HttpResponse.json({
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
                text: ' Hello.',
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
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      {
        title: 'No parts',
        file: { name: 'lesson.mp4', type: 'video/mp4', sizeBytes: 4000 },
        durationSeconds: 2400,
        audioParts: [],
      },
      { media: bytes(4000) },
    );
    expect(await used()).toBe(4000);
    await harness.jobs.idle();

    expect(extractions).toBe(1);
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({
      status: 'completed',
      sizeBytes: 5000,
    });
    expect(await used()).toBe(5000);

    // Reprocessing transcribes the kept parts again: nothing extracted, nothing charged twice.
    const again = await harness.app.request(`/api/videos/${created.video.id}/reprocess`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(again.status).toBe(202);
    await harness.jobs.idle();
    expect(extractions).toBe(1);
    expect(await used()).toBe(5000);

    const deleted = await harness.app.request(`/api/videos/${created.video.id}`, {
      method: 'DELETE',
      headers: await adminHeaders(world.A),
    });
    expect(deleted.status).toBe(204);
    expect(await used()).toBe(0);
  });
});
