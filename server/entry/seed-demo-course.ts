import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCaptionsVideo } from '../domain/videos/add-captions-video';
import type { Db } from '../ports/db';
import type { JobQueue } from '../ports/job-queue';
import type { Logger } from '../ports/logger';

const COURSE_DIR = fileURLToPath(new URL('./demo-course/', import.meta.url));

/**
 * The sandbox's demo course (captions we wrote, about baking sourdough), put
 * through the same parse → chunk → embed → write path as a creator's captions,
 * so a newcomer can chat at once. Runs only when the demo creator has no videos.
 */
export async function seedDemoCourse(ports: { db: Db; jobs: JobQueue; logger: Logger }, creatorId: string, creatorName: string) {
  await ports.db.query(`insert into creators (id, name) values ($1, $2) on conflict (id) do nothing`, [creatorId, creatorName]);
  const [existing] = await ports.db.query<{ n: string }>(`select count(*)::text as n from videos where creator_id = $1`, [creatorId]);
  if (Number(existing?.n) > 0) return;
  const files = (await readdir(COURSE_DIR)).filter((f) => f.endsWith('.vtt')).sort();
  for (const file of files) {
    const text = await readFile(join(COURSE_DIR, file), 'utf8');
    const title = /^NOTE (.+?) —/m.exec(text)?.[1] ?? file.replace(/\.vtt$/, '');
    // The same path as a creator adding a captions lesson: quota, parse, chunk, embed, write.
    await addCaptionsVideo({ db: ports.db, jobs: ports.jobs }, { creatorId, title, fileName: file, text });
  }
  ports.logger.info('demo course seeded', { creatorId, videos: files.length });
}
