import { createOfflineLexicalEmbedder } from '../server/adapters/embedder/offline-lexical-embedder';
import { applyMigrations } from '../server/adapters/db/migrate';
import { readMigrationFiles } from '../server/adapters/db/migration-files';
import { openPgliteDb } from '../server/adapters/db/pglite-db';
import { indexTranscript } from '../server/domain/ingestion/index-transcript';
import { parseCaptions } from '../server/domain/ingestion/parse-captions';
import { makeCaptions } from '../tests/support/fixtures/make-captions';

/**
 * A 1-hour WebVTT file end to end with the offline embedder: parse → chunk →
 * embed → one transaction into PGlite (with the HNSW and GIN indexes live).
 * Target (issue "Video library and ingestion pipeline"): under 2 s on this machine.
 */
export async function benchIngestCaptions(runs = 5) {
  const db = await openPgliteDb();
  await applyMigrations(db, await readMigrationFiles());
  await db.query(`insert into creators (id) values ('biz_bench')`);
  const vtt = makeCaptions({ durationSeconds: 3600 });
  const embedder = createOfflineLexicalEmbedder();
  const times: number[] = [];
  let chunks = 0;
  for (let i = 0; i < runs; i++) {
    const [video] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind) values ('biz_bench', $1, 'captions') returning id`,
      [`Run ${i}`],
    );
    const started = performance.now();
    const parsed = await parseCaptions(vtt, 'vtt');
    const result = await indexTranscript({ db, embedder }, { creatorId: 'biz_bench', videoId: video!.id, segments: parsed.segments });
    times.push(performance.now() - started);
    chunks = result.chunkCount;
  }
  await db.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return {
    name: 'ingest 1-hour captions (offline embedder, PGlite)',
    figures: {
      'captions size': `${(vtt.length / 1024).toFixed(0)} KiB`,
      chunks,
      'median time': `${median.toFixed(0)} ms`,
      'best time': `${times[0]!.toFixed(0)} ms`,
      'chunks/s': Math.round((chunks / median) * 1000),
      target: '< 2000 ms',
      verdict: median < 2000 ? 'met' : 'MISSED',
    },
  };
}
