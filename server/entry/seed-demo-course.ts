import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chargeDerivedStorage } from '../domain/quotas/storage-quota';
import { addCaptionsVideo } from '../domain/videos/add-captions-video';
import { type BlobStore, blobKeys } from '../ports/blob-store';
import type { Db } from '../ports/db';
import type { JobQueue } from '../ports/job-queue';
import type { Logger } from '../ports/logger';

const COURSE_DIR = fileURLToPath(new URL('./demo-course/', import.meta.url));

const lessonTitle = (text: string, file: string) => /^NOTE (.+?) —/m.exec(text)?.[1] ?? file.replace(/\.vtt$/, '');

/**
 * The sandbox's demo course (captions we wrote, about baking sourdough), put
 * through the same parse → chunk → embed → write path as a creator's captions,
 * so a newcomer can chat at once. Runs only when the demo creator has no videos.
 * Each lesson's video (`scripts/generate-demo-videos.mjs`, committed beside its
 * captions) is then attached, so a citation plays the moment it cites.
 */
export async function seedDemoCourse(
  ports: { db: Db; jobs: JobQueue; blobs: BlobStore | null; logger: Logger },
  creatorId: string,
  creatorName: string,
) {
  await ports.db.query(`insert into creators (id, name) values ($1, $2) on conflict (id) do nothing`, [
    creatorId,
    creatorName,
  ]);
  const [existing] = await ports.db.query<{ n: string }>(
    `select count(*)::text as n from videos where creator_id = $1`,
    [creatorId],
  );
  const files = (await readdir(COURSE_DIR)).sort();
  const captions = files.filter((f) => f.endsWith('.vtt'));
  if (Number(existing?.n) === 0) {
    for (const file of captions) {
      const text = await readFile(join(COURSE_DIR, file), 'utf8');
      // The same path as a creator adding a captions lesson: quota, parse, chunk, embed, write.
      await addCaptionsVideo(
        { db: ports.db, jobs: ports.jobs },
        { creatorId, title: lessonTitle(text, file), fileName: file, text },
      );
    }
    ports.logger.info('demo course seeded', { creatorId, videos: captions.length });
  }
  if (ports.blobs)
    await attachDemoVideos(
      { db: ports.db, blobs: ports.blobs, logger: ports.logger },
      creatorId,
      captions,
      new Set(files),
    );
}

/**
 * Gives each demo lesson still without a media file its generated video. Also run on
 * a data dir seeded before the videos existed: matched by title, never replacing a file.
 */
async function attachDemoVideos(
  ports: { db: Db; blobs: BlobStore; logger: Logger },
  creatorId: string,
  captions: string[],
  files: Set<string>,
) {
  let attached = 0;
  for (const file of captions) {
    const videoFile = file.replace(/\.vtt$/, '.webm');
    if (!files.has(videoFile)) continue;
    const title = lessonTitle(await readFile(join(COURSE_DIR, file), 'utf8'), file);
    const [lesson] = await ports.db.query<{ id: string }>(
      `select id from videos where creator_id = $1 and title = $2 and storage_key is null and uploaded_at is not null
        order by created_at limit 1`,
      [creatorId, title],
    );
    if (!lesson) continue;
    const bytes = new Uint8Array(await readFile(join(COURSE_DIR, videoFile)));
    const key = blobKeys.media(creatorId, lesson.id, 'webm');
    await ports.blobs.write(key, bytes, 'video/webm');
    // The transcript stays the captions' (transcript_source), so no run ever transcribes it.
    const updated = await ports.db.query(
      `update videos set storage_key = $3, mime_type = 'video/webm', source_kind = 'video', updated_at = now()
        where id = $1 and creator_id = $2 and storage_key is null returning id`,
      [lesson.id, creatorId, key],
    );
    if (updated.length === 0) continue;
    await chargeDerivedStorage(ports.db, { creatorId, videoId: lesson.id, sizeBytes: bytes.length });
    attached += 1;
  }
  if (attached > 0) ports.logger.info('demo videos attached', { creatorId, videos: attached });
}
