import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { HNSW_SCAN_SETTINGS, setLocalSql, VECTOR_CANDIDATES_SQL } from '../../../server/domain/chat/retrieval-sql';
import { CANDIDATES_PER_LIST } from '../../../server/domain/chat/retrieve-sources';
import { indexTranscript } from '../../../server/domain/ingestion/index-transcript';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';

/**
 * The vector search's plan on a real server. Its settings disable the paths Postgres
 * would wrongly prefer, which makes the plan's cost ~10^10: far past jit_above_cost, so
 * a server with JIT (PostgreSQL's default; PGlite has none) compiled every search,
 * 0.7–1.5 s for a 60 ms query in the 100k-chunk benchmark.
 */
let db: Db;
const embedder = createOfflineLexicalEmbedder();
beforeAll(async () => {
  db = await createTestDb();
  await db.query(`insert into creators (id) values ('biz_plan')`);
  const [video] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ('biz_plan', 'Lesson', 'captions', 'completed') returning id`,
  );
  await indexTranscript(
    { db, embedder },
    {
      creatorId: 'biz_plan',
      videoId: video!.id,
      segments: [{ startSeconds: 0, endSeconds: 9, text: 'Compound interest grows savings over the years.' }],
    },
  );
});
afterAll(() => db.close());

describe('vector search plan on PostgreSQL', () => {
  it('walks the HNSW index and is never JIT-compiled', async () => {
    const { vectors } = await embedder.embed(['compound interest']);
    const params = ['biz_plan', 'compound interest', `[${vectors[0]!.join(',')}]`, embedder.model, CANDIDATES_PER_LIST];
    const plan = await db.transaction(async (tx) => {
      await tx.query(setLocalSql(HNSW_SCAN_SETTINGS));
      const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, format json) ${VECTOR_CANDIDATES_SQL}`,
        params,
      );
      return JSON.stringify(row!['QUERY PLAN']);
    });
    expect(plan).toMatch(/"Index Name":"chunks_[0-9a-f]{32}_embedding_idx"/);
    expect(plan).not.toContain('"JIT"');
  });
});
