import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexTranscript } from '../domain/ingestion/index-transcript';
import { parseCaptions } from '../domain/ingestion/parse-captions';
import type { Db } from '../ports/db';
import type { Embedder } from '../ports/embedder';
import type { Logger } from '../ports/logger';

const COURSE_DIR = fileURLToPath(new URL('./demo-course/', import.meta.url));

/**
 * The sandbox's demo course (captions we wrote, about baking sourdough), put
 * through the same parse → chunk → embed → write path as a creator's captions,
 * so a newcomer can chat at once. Runs only when the demo creator has no videos.
 */
export async function seedDemoCourse(ports: { db: Db; embedder: Embedder; logger: Logger }, creatorId: string, creatorName: string) {
  await ports.db.query(`insert into creators (id, name) values ($1, $2) on conflict (id) do nothing`, [creatorId, creatorName]);
  const [existing] = await ports.db.query<{ n: string }>(`select count(*)::text as n from videos where creator_id = $1`, [creatorId]);
  if (Number(existing?.n) > 0) return;
  const files = (await readdir(COURSE_DIR)).filter((f) => f.endsWith('.vtt')).sort();
  for (const file of files) {
    const text = await readFile(join(COURSE_DIR, file), 'utf8');
    const title = /^NOTE (.+?) —/m.exec(text)?.[1] ?? file.replace(/\.vtt$/, '');
    const parsed = await parseCaptions(text, 'vtt');
    const [video] = await ports.db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress, uploaded_at)
       values ($1, $2, 'captions', 'text/vtt', 0, $3, 'chunking', 50, now()) returning id`,
      [creatorId, title, parsed.durationSeconds],
    );
    await indexTranscript({ db: ports.db, embedder: ports.embedder }, { creatorId, videoId: video!.id, segments: parsed.segments });
    await ports.db.query(`update videos set status = 'completed', progress = 100, completed_at = now() where id = $1`, [video!.id]);
  }
  // Captions cost no storage; the video count still reflects the library.
  await ports.db.query(`update creators set video_count = (select count(*) from videos where creator_id = $1) where id = $1`, [creatorId]);
  ports.logger.info('demo course seeded', { creatorId, videos: files.length });
}
