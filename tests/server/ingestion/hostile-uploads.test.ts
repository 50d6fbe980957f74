import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createFfmpegAudioExtractor } from '../../../server/adapters/audio/ffmpeg-audio-extractor';
import { NOT_MEDIA_REASON } from '../../../server/adapters/audio/media-formats';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createOpenAiTranscriber } from '../../../server/adapters/transcriber/openai-transcriber';
import type { Db } from '../../../server/ports/db';
import { requireMediaTools, runTool } from '../../support/media/media-tools';
import { type TranscriptionRequest, transcriptionsApi } from '../../support/openai-transcriptions-api';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { whopServer, world } from '../../support/whop-world';
import { adminHeaders, uploadVideo, videoOf } from './upload-support';

// The red team's attack through the real app: creator A uploads an "mp4" that is an
// HLS playlist naming creator B's stored audio part by a path relative to A's own
// file. The real ffmpeg extractor and disk store; OpenAI at the network edge, so a
// read of B's audio would show up as a transcription request.
beforeAll(() =>
  whopServer.listen({
    onUnhandledRequest: (request, print) => (request.url.startsWith('data:') ? undefined : print.error()),
  }),
);
afterEach(() => whopServer.resetHandlers());
afterAll(() => whopServer.close());

let db: Db;
let dir: string;
let harness: Awaited<ReturnType<typeof createTestApp>>;
let mp3: Uint8Array;
let bVideo = '';
const requests: TranscriptionRequest[] = [];

beforeAll(async () => {
  await requireMediaTools();
  dir = await mkdtemp(join(tmpdir(), 'chronos-hostile-uploads-'));
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=3',
    '-ar',
    '16000',
    '-ac',
    '1',
    '-b:a',
    '32k',
    join(dir, 'b.mp3'),
  ]);
  mp3 = new Uint8Array(await readFile(join(dir, 'b.mp3')));
  db = await createTestDb();
  harness = await createTestApp(db, {
    ai: {
      embedder: createOfflineLexicalEmbedder(),
      answerer: createOfflineExtractiveAnswerer(),
      transcriber: createOpenAiTranscriber({ apiKey: 'sk-test-hostile', sleep: async () => {} }),
    },
    media: { audioExtractor: createFfmpegAudioExtractor({ tempDir: dir }) },
  });
  await db.query(`update creators set tier = 'PRO'`);
});
afterAll(async () => {
  await db.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const file = (name: string, sizeBytes: number) => ({ name, type: 'video/mp4', sizeBytes });
const text = (s: string) => new TextEncoder().encode(s);

describe('uploads that are not media', () => {
  it('creator B’s lesson, from a real MP3 part, is transcribed', async () => {
    whopServer.use(transcriptionsApi({ requests }));
    const { created } = await uploadVideo(
      harness.app,
      world.B,
      {
        title: 'B’s lesson',
        file: file('b.mp4', 100),
        durationSeconds: 3,
        audioParts: [{ offsetSeconds: 0, durationSeconds: 3, sizeBytes: mp3.byteLength }],
      },
      { media: new Uint8Array(100), parts: [mp3] },
    );
    bVideo = created.video.id;
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.B, bVideo)).toMatchObject({ status: 'completed' });
    expect(requests).toHaveLength(1);
  });

  it('an "mp4" that is an HLS playlist naming B’s audio fails with a plain reason, and B’s audio is never transcribed', async () => {
    whopServer.use(transcriptionsApi({ requests }));
    const before = requests.length;
    const playlist = text(
      `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3.0,\n../../${world.B.companyId}/${bVideo}/audio-000.mp3\n#EXT-X-ENDLIST\n`,
    );
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      { title: 'Not a video', file: file('lesson.mp4', playlist.byteLength), durationSeconds: 3, audioParts: [] },
      { media: playlist },
    );
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({
      status: 'failed',
      error: NOT_MEDIA_REASON,
    });
    expect(requests).toHaveLength(before); // before the fix: one request, carrying B's audio

    // A failed video can be retried as before; it fails the same way, still reading nothing.
    const retry = await harness.app.request(`/api/videos/${created.video.id}/retry`, {
      method: 'POST',
      headers: await adminHeaders(world.A),
    });
    expect(retry.status).toBe(202);
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({
      status: 'failed',
      error: NOT_MEDIA_REASON,
    });
    expect(requests).toHaveLength(before);
  });

  it('an audio part from the browser that is not MP3 fails before anything is sent for transcription', async () => {
    whopServer.use(transcriptionsApi({ requests }));
    const before = requests.length;
    const playlist = text(
      `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3.0,\n../../${world.B.companyId}/${bVideo}/audio-000.mp3\n#EXT-X-ENDLIST\n`,
    );
    const { created } = await uploadVideo(
      harness.app,
      world.A,
      {
        title: 'Part is a playlist',
        file: file('lesson.mp4', 100),
        durationSeconds: 3,
        audioParts: [{ offsetSeconds: 0, durationSeconds: 3, sizeBytes: playlist.byteLength }],
      },
      { media: new Uint8Array(100), parts: [playlist] },
    );
    await harness.jobs.idle();
    expect(await videoOf(harness.app, world.A, created.video.id)).toMatchObject({
      status: 'failed',
      error: NOT_MEDIA_REASON,
    });
    expect(requests).toHaveLength(before); // before the fix: the playlist went to the transcriber as "audio"
  });
});
