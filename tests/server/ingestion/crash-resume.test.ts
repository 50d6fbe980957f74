import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobGrantSigner } from '../../../server/adapters/blob/blob-grants';
import { createDiskBlobStore } from '../../../server/adapters/blob/disk-blob-store';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { findStalledVideos, releaseAllLeases } from '../../../server/domain/ingestion/find-stalled-videos';
import { type PipelinePorts, processVideo } from '../../../server/domain/ingestion/process-video';
import { completeVideoUpload } from '../../../server/domain/videos/complete-video-upload';
import { createVideoUpload } from '../../../server/domain/videos/create-video-upload';
import type { Db } from '../../../server/ports/db';
import type { Embedder } from '../../../server/ports/embedder';
import type { Job } from '../../../server/ports/job-queue';
import type { Transcriber, TranscriptionInput } from '../../../server/ports/transcriber';
import { VideoUploadRequest } from '../../../shared/schemas/videos';
import { createTestDb } from '../../support/test-db';

const CREATOR = 'biz_crashtest';
let db: Db;
let ports: PipelinePorts;
const queued: Job[] = [];

beforeAll(async () => {
  db = await createTestDb();
  await db.query(`insert into creators (id, tier) values ($1, 'PRO')`, [CREATOR]);
  const blobs = createDiskBlobStore({
    root: mkdtempSync(join(tmpdir(), 'chronos-crash-')),
    signer: await createBlobGrantSigner(new Uint8Array(32).fill(3)),
  });
  ports = {
    db,
    blobs,
    transcriber: null,
    embedder: createOfflineLexicalEmbedder(),
    audioExtractor: null,
    logger: createJsonLogger({ level: 'silent' }),
    clock: { now: () => new Date() },
  };
});
afterAll(() => db.close());

/** A transcriber whose answers the test controls: part N says sentences about topic N, at times within the part. */
function scriptedTranscriber(
  onCall: (input: TranscriptionInput) => Promise<void> = async () => {},
): Transcriber & { calls: number[] } {
  const calls: number[] = [];
  return {
    name: 'openai:whisper-1',
    provider: 'openai',
    model: 'whisper-1',
    calls,
    async transcribe(input) {
      calls.push(input.offsetSeconds);
      await onCall(input);
      const base = input.offsetSeconds;
      const segments = Array.from({ length: 30 }, (_, i) => ({
        startSeconds: base + i * 20,
        endSeconds: base + i * 20 + 18,
        text: `Part starting at ${base} seconds, sentence ${i}: we practise scales slowly before playing them fast.`,
      }));
      return { segments, durationSeconds: 600, language: 'english' };
    },
  };
}

/** Creates an uploaded three-part video (the browser's side done directly against the ports). */
async function uploadedVideo(title: string) {
  const request = VideoUploadRequest.parse({
    title,
    file: { name: 'v.mp4', type: 'video/mp4', sizeBytes: 10 },
    durationSeconds: 1800,
    audioParts: [0, 600, 1200].map((offsetSeconds) => ({ offsetSeconds, durationSeconds: 600, sizeBytes: 5 })),
  });
  const created = await createVideoUpload(
    { db, blobs: ports.blobs, clock: ports.clock },
    { ...request, creatorId: CREATOR },
  );
  const id = created.video.id;
  await ports.blobs!.write(`${CREATOR}/${id}/media.mp4`, new Uint8Array(10), 'video/mp4');
  for (const seq of [0, 1, 2])
    await ports.blobs!.write(`${CREATOR}/${id}/audio-00${seq}.mp3`, new Uint8Array(5), 'audio/mpeg');
  await completeVideoUpload(
    { db, blobs: ports.blobs, jobs: { kind: 'in-process', enqueue: async (job) => void queued.push(job) } },
    { creatorId: CREATOR, videoId: id },
  );
  return id;
}

const hang = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}

const state = async (id: string) =>
  (
    await db.query<{ status: string; chunk_count: number; attempts: number }>(
      `select status, chunk_count, attempts from videos where id = $1`,
      [id],
    )
  )[0]!;
const transcribedParts = async (id: string) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from video_audio_parts where video_id = $1 and transcript is not null`,
      [id],
    )
  )[0]!.n;

describe('crash and resume', () => {
  it('resumes after the process dies mid-transcription: finished parts are not paid for again, nothing is duplicated', async () => {
    const id = await uploadedVideo('Dies while transcribing');
    expect(queued.at(-1)).toEqual({ type: 'video.process', videoId: id, creatorId: CREATOR });

    // Run 1: parts 1 and 3 are transcribed (parts go in parallel), the process "dies" during part 2 (its call never returns).
    const stuck = hang();
    const first = scriptedTranscriber(async (input) => (input.offsetSeconds === 600 ? stuck.gate : undefined));
    const zombie = processVideo({ ...ports, transcriber: first }, { videoId: id, creatorId: CREATOR });
    await until(async () => (await transcribedParts(id)) === 2);
    expect(await state(id)).toMatchObject({ status: 'transcribing' });

    // While run 1 holds its lease, nobody else takes the video.
    expect(await findStalledVideos(db, { now: new Date() })).toEqual([]);

    // Restart: the new process releases dead leases and resumes every unfinished video.
    await releaseAllLeases(db);
    const stalled = await findStalledVideos(db, { now: new Date() });
    expect(stalled).toEqual([{ videoId: id, creatorId: CREATOR }]);
    const second = scriptedTranscriber();
    await processVideo({ ...ports, transcriber: second }, stalled[0]!);
    expect(second.calls).toEqual([600]);
    const done = await state(id);
    expect(done).toMatchObject({ status: 'completed', attempts: 2 });

    // The presumed-dead run wakes up: it can no longer write anything.
    stuck.release();
    await zombie;
    expect(await state(id)).toEqual(done);
    const chunks = await db.query<{ n: number; seqs: number }>(
      `select count(*)::int as n, count(distinct seq)::int as seqs from chunks where video_id = $1`,
      [id],
    );
    expect(chunks[0]!.n).toBe(done.chunk_count);
    expect(chunks[0]!.seqs).toBe(done.chunk_count);
    const costs = await db.query<{ n: number }>(
      `select count(*)::int as n from api_costs where video_id = $1 and operation = 'transcription'`,
      [id],
    );
    expect(costs[0]!.n).toBe(3);
    const segments = await db.query<{ start: string }>(
      `select start_seconds::text as start from transcript_segments where video_id = $1 order by seq`,
      [id],
    );
    expect(segments).toHaveLength(90);
    expect(segments.map((s) => Number(s.start))).toEqual(
      [...segments.map((s) => Number(s.start))].sort((a, b) => a - b),
    );
    expect(Number(segments.at(-1)!.start)).toBe(1200 + 29 * 20);
  });

  it('resumes after a death mid-embedding: the old chunks stay until the new ones replace them whole', async () => {
    const id = await uploadedVideo('Dies while embedding');
    await processVideo({ ...ports, transcriber: scriptedTranscriber() }, { videoId: id, creatorId: CREATOR });
    const before = await db.query(
      `select seq, start_seconds::text, text from chunks where video_id = $1 order by seq`,
      [id],
    );
    expect(before.length).toBeGreaterThan(0);

    // Reprocess, and die while computing embeddings.
    await db.query(`update videos set status = 'pending' where id = $1`, [id]);
    const stuck = hang();
    const real = createOfflineLexicalEmbedder();
    const hanging: Embedder = {
      model: real.model,
      provider: real.provider,
      dimensions: real.dimensions,
      embed: async (texts) => (await stuck.gate, real.embed(texts)),
    };
    const zombie = processVideo(
      { ...ports, embedder: hanging, transcriber: scriptedTranscriber() },
      { videoId: id, creatorId: CREATOR },
    );
    await until(async () => (await state(id)).status === 'embedding');
    expect(
      await db.query(`select seq, start_seconds::text, text from chunks where video_id = $1 order by seq`, [id]),
    ).toEqual(before);

    await db.query(`update videos set lease_expires_at = now() - interval '1 second' where id = $1`, [id]); // the lease runs out
    const [again] = await findStalledVideos(db, { now: new Date() });
    expect(again).toEqual({ videoId: id, creatorId: CREATOR });
    await processVideo({ ...ports, transcriber: scriptedTranscriber() }, again!);
    stuck.release();
    await zombie;

    expect(await state(id)).toMatchObject({ status: 'completed' });
    expect(
      await db.query(`select seq, start_seconds::text, text from chunks where video_id = $1 order by seq`, [id]),
    ).toEqual(before);
    const owners = await db.query(`select distinct creator_id from chunks where video_id = $1`, [id]);
    expect(owners).toEqual([{ creator_id: CREATOR }]);
  });

  it('stops quietly when the video is deleted mid-run', async () => {
    const id = await uploadedVideo('Deleted while processing');
    const stuck = hang();
    const run = processVideo(
      { ...ports, transcriber: scriptedTranscriber(async () => stuck.gate) },
      { videoId: id, creatorId: CREATOR },
    );
    await until(async () => (await state(id)).status === 'transcribing');
    await db.query(`delete from videos where id = $1`, [id]);
    stuck.release();
    await run;
    expect(await db.query(`select 1 from chunks where video_id = $1`, [id])).toEqual([]);
  });
});
