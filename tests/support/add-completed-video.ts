import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import type { TranscriptSegment } from '../../server/domain/ingestion/chunk-transcript';
import { indexTranscript } from '../../server/domain/ingestion/index-transcript';
import { parseCaptions } from '../../server/domain/ingestion/parse-captions';
import type { Db } from '../../server/ports/db';

/**
 * A completed lesson indexed by the real ingestion path (chunk → offline embed → write).
 * Lines become 10-second segments; segments are used as given.
 */
export async function addCompletedVideo(
  db: Db,
  creatorId: string,
  title: string,
  transcript: readonly string[] | readonly TranscriptSegment[],
): Promise<string> {
  await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [creatorId]);
  const [video] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ($1, $2, 'captions', 'completed') returning id`,
    [creatorId, title],
  );
  const segments = transcript.map((line, i) =>
    typeof line === 'string' ? { startSeconds: i * 10, endSeconds: i * 10 + 9, text: line } : line,
  );
  await indexTranscript({ db, embedder: createOfflineLexicalEmbedder() }, { creatorId, videoId: video!.id, segments });
  return video!.id;
}

const DEMO_COURSE_DIR = fileURLToPath(new URL('../../server/entry/demo-course/', import.meta.url));

/** The sandbox's demo course (four sourdough lessons), parsed and indexed for `creatorId`, in lesson order. */
export async function addDemoCourse(db: Db, creatorId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of (await readdir(DEMO_COURSE_DIR)).filter((f) => f.endsWith('.vtt')).sort()) {
    const text = await readFile(join(DEMO_COURSE_DIR, file), 'utf8');
    const title = /^NOTE (.+?) —/m.exec(text)?.[1] ?? file;
    ids.push(await addCompletedVideo(db, creatorId, title, (await parseCaptions(text)).segments));
  }
  return ids;
}
