import { mkdtempSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobGrantSigner } from '../../../server/adapters/blob/blob-grants';
import { createDiskBlobStore } from '../../../server/adapters/blob/disk-blob-store';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { getVideoPlayback } from '../../../server/domain/videos/get-video-playback';
import { seedDemoCourse } from '../../../server/entry/seed-demo-course';
import type { BlobStore } from '../../../server/ports/blob-store';
import type { Db } from '../../../server/ports/db';
import type { Job } from '../../../server/ports/job-queue';
import { createTestDb } from '../../support/test-db';

const COURSE_DIR = fileURLToPath(new URL('../../../server/entry/demo-course/', import.meta.url));
const CREATOR = 'biz_demoseed';
const logger = createJsonLogger({ level: 'silent' });
let db: Db;
let blobs: BlobStore;
const queued: Job[] = [];
const jobs = { kind: 'in-process' as const, enqueue: async (job: Job) => void queued.push(job) };

beforeAll(async () => {
  db = await createTestDb();
  blobs = createDiskBlobStore({
    root: mkdtempSync(join(tmpdir(), 'chronos-seed-')),
    signer: await createBlobGrantSigner(new Uint8Array(32).fill(5)),
  });
});
afterAll(() => db.close());

const lessons = () =>
  db.query<{ id: string; title: string; storage_key: string | null; mime_type: string; size_bytes: string }>(
    `select id, title, storage_key, mime_type, size_bytes::text from videos where creator_id = $1 order by title`,
    [CREATOR],
  );

describe('the demo course comes with its generated videos', () => {
  it('ships a small video beside every lesson’s captions (≤ 5 MB in all)', async () => {
    const files = await readdir(COURSE_DIR);
    const captions = files.filter((f) => f.endsWith('.vtt'));
    const videos = files.filter((f) => f.endsWith('.webm'));
    expect(videos.map((f) => f.replace('.webm', '.vtt')).sort()).toEqual(captions.sort());
    const sizes = await Promise.all(videos.map((f) => stat(join(COURSE_DIR, f)).then((s) => s.size)));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('a data dir seeded without videos gets them on the next start, once', async () => {
    await seedDemoCourse({ db, jobs, blobs: null, logger }, CREATOR, 'Demo');
    const before = await lessons();
    expect(before).toHaveLength(4);
    expect(before.every((l) => l.storage_key === null)).toBe(true);
    const [{ used: usedBefore }] = (await db.query<{ used: string }>(
      `select storage_bytes_used::text as used from creators where id = $1`,
      [CREATOR],
    )) as [{ used: string }];

    await seedDemoCourse({ db, jobs, blobs, logger }, CREATOR, 'Demo');
    await seedDemoCourse({ db, jobs, blobs, logger }, CREATOR, 'Demo');
    const after = await lessons();
    expect(after).toHaveLength(4);
    let added = 0;
    for (const lesson of after) {
      expect(lesson.storage_key).toBe(`${CREATOR}/${lesson.id}/media.webm`);
      expect(lesson.mime_type).toBe('video/webm');
      const stored = await blobs.stat(lesson.storage_key!);
      expect(stored!.sizeBytes).toBeGreaterThan(50_000);
      added += stored!.sizeBytes;
      const playback = await getVideoPlayback(
        { db, blobs, clock: { now: () => new Date() } },
        { creatorId: CREATOR, videoId: lesson.id },
      );
      expect(playback.url).toBeTruthy();
      expect(playback.mimeType).toBe('video/webm');
    }
    // The files count against the demo creator's storage, once.
    const [{ used }] = (await db.query<{ used: string }>(
      `select storage_bytes_used::text as used from creators where id = $1`,
      [CREATOR],
    )) as [{ used: string }];
    expect(Number(used) - Number(usedBefore)).toBe(added);
    // Captions lessons are queued for chunk → embed once each, never re-queued by attaching.
    expect(queued).toHaveLength(4);
  });
});
