import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import type { Db } from '../../server/ports/db';
import {
  CORPUS_SHAPE,
  creatorIdOf,
  experienceIdOf,
  type GeneratedVideo,
  generateVideo,
  subjectOf,
} from './course-corpus';

/** The indexes that are far cheaper to build once over the loaded rows than to maintain row by row. */
const DEFERRED_INDEXES = ['chunks_embedding_hnsw_idx', 'chunks_tsv_gin_idx'];
/** Lessons written per statement pair: 4 × 50 chunks, the batch size index-transcript.ts uses. */
const VIDEOS_PER_BATCH = 4;

/**
 * Loads the generated courses the way ingestion writes them (unnest batches of
 * segments and chunks, embedded by the offline lexical embedder), with the vector
 * and full-text indexes dropped during the load and rebuilt from the migration's
 * own definitions afterwards. Creators are ENTERPRISE so quotas never refuse a question.
 */
export async function loadCorpus(
  db: Db,
  log: (line: string) => void,
  creators: number = CORPUS_SHAPE.creators,
): Promise<void> {
  const embedder = createOfflineLexicalEmbedder();
  const indexes = await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = any($1)`, [
    DEFERRED_INDEXES,
  ]);
  for (const name of DEFERRED_INDEXES) await db.exec(`drop index if exists ${name}`);

  const started = performance.now();
  for (let c = 0; c < creators; c++) {
    const creatorId = creatorIdOf(c);
    await db.query(`insert into creators (id, name, tier, tier_updated_at) values ($1, $2, 'ENTERPRISE', now())`, [
      creatorId,
      `${subjectOf(c).name} Academy ${c}`,
    ]);
    await db.query(`insert into experiences (id, creator_id, name) values ($1, $2, $3)`, [
      experienceIdOf(c),
      creatorId,
      subjectOf(c).name,
    ]);
    for (let v = 0; v < CORPUS_SHAPE.videosPerCreator; v += VIDEOS_PER_BATCH) {
      const batch = [];
      for (let i = v; i < Math.min(v + VIDEOS_PER_BATCH, CORPUS_SHAPE.videosPerCreator); i++)
        batch.push(generateVideo(c, i));
      await insertVideos(db, creatorId, batch, embedder);
    }
    if (c % 5 === 4)
      log(`  loaded ${c + 1}/${creators} creators in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await db.exec(`update creators set video_count = ${CORPUS_SHAPE.videosPerCreator}`);

  // The HNSW graph is built in memory when it fits; pgvector otherwise falls back to a much slower path.
  await db.exec(`set maintenance_work_mem = '1GB'`);
  for (const { indexdef } of indexes) {
    const t = performance.now();
    // A partitioned table's index is listed "ON ONLY" the parent; created "ON" it, it is built on every partition.
    await db.exec(indexdef.replace(' ON ONLY ', ' ON '));
    log(
      `  ${indexdef.split(' USING ')[1]?.split(' ')[0] ?? 'index'} index built in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
  }
  await db.exec(`vacuum analyze`);
}

async function insertVideos(
  db: Db,
  creatorId: string,
  videos: GeneratedVideo[],
  embedder: ReturnType<typeof createOfflineLexicalEmbedder>,
) {
  const chunks = videos.flatMap((video, i) => video.chunks.map((chunk) => ({ ...chunk, video: i })));
  const { vectors } = await embedder.embed(chunks.map((c) => c.text));
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; title: string }>(
      `insert into videos (creator_id, title, source_kind, status, progress, chunk_count, duration_seconds, transcript_source, completed_at)
       select $1, v.title, 'captions', 'completed', 100, v.chunks, v.duration, 'captions', now()
         from unnest($2::text[], $3::int[], $4::numeric[]) as v(title, chunks, duration)
       returning id, title`,
      [
        creatorId,
        videos.map((v) => v.title),
        videos.map((v) => v.chunks.length),
        videos.map((v) => v.segments.at(-1)!.endSeconds),
      ],
    );
    // Lesson titles are unique within a creator (they carry the lesson number).
    const idByTitle = new Map(rows.map((r) => [r.title, r.id]));
    const videoIds = videos.map((v) => idByTitle.get(v.title)!);
    const segments = videos.flatMap((video, i) =>
      video.segments.map((s, seq) => ({ ...s, seq, videoId: videoIds[i]! })),
    );
    await tx.query(
      `insert into transcript_segments (creator_id, video_id, seq, start_seconds, end_seconds, text)
       select $1, s.video_id, s.seq, s.start_seconds, s.end_seconds, s.text
         from unnest($2::uuid[], $3::int[], $4::numeric[], $5::numeric[], $6::text[]) as s(video_id, seq, start_seconds, end_seconds, text)`,
      [
        creatorId,
        segments.map((s) => s.videoId),
        segments.map((s) => s.seq),
        segments.map((s) => s.startSeconds),
        segments.map((s) => s.endSeconds),
        segments.map((s) => s.text),
      ],
    );
    await tx.query(
      `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model)
       select $1, c.video_id, c.seq, c.start_seconds, c.end_seconds, c.text, c.token_count, c.embedding::vector, $2
         from unnest($3::uuid[], $4::int[], $5::numeric[], $6::numeric[], $7::text[], $8::int[], $9::text[])
           as c(video_id, seq, start_seconds, end_seconds, text, token_count, embedding)`,
      [
        creatorId,
        embedder.model,
        chunks.map((c) => videoIds[c.video]!),
        chunks.map((c) => c.seq),
        chunks.map((c) => c.startSeconds),
        chunks.map((c) => c.endSeconds),
        chunks.map((c) => c.text),
        chunks.map((c) => Math.ceil(c.text.split(' ').length * 1.3)),
        vectors.map((v) => `[${v.join(',')}]`),
      ],
    );
  });
}
