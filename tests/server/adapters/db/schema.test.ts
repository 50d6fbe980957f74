import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../server/ports/db';
import { createTestDb } from '../../../support/test-db';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('product schema', () => {
  it('seeds the four tiers of the product brief', async () => {
    const rows = await db.query(
      `select tier, storage_bytes_limit::text as storage, chat_questions_limit as questions, chat_period as period,
              video_count_limit as videos, price_cents_monthly as price
         from tier_configurations order by sort_order`,
    );
    const gb = (n: number) => String(n * 1024 ** 3);
    expect(rows).toEqual([
      { tier: 'FREE', storage: gb(5), questions: 3, period: 'total', videos: 10, price: 0 },
      { tier: 'BASIC', storage: gb(25), questions: 100, period: 'day', videos: 50, price: 2900 },
      { tier: 'PRO', storage: gb(100), questions: 500, period: 'day', videos: 200, price: 7900 },
      { tier: 'ENTERPRISE', storage: gb(500), questions: null, period: 'day', videos: null, price: 29900 },
    ]);
  });

  it('has the single video status enum', async () => {
    const rows = await db.query<{ v: string }>(`select unnest(enum_range(null::video_status))::text as v`);
    expect(rows.map((r) => r.v)).toEqual(['pending', 'transcribing', 'chunking', 'embedding', 'completed', 'failed']);
  });

  it('refuses a chunk without a creator and keeps a generated tsvector', async () => {
    await db.query(`insert into creators (id) values ('biz_a')`);
    const [video] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind) values ('biz_a', 'Lesson 1', 'captions') returning id`,
    );
    await expect(
      db.query(
        `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text)
                values (null, $1, 0, 0, 10, 'x')`,
        [video!.id],
      ),
    ).rejects.toThrow(/null value|no partition of relation "chunks"/);
    await db.query(
      `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, embedding, embedding_model)
       values ('biz_a', $1, 0, 0, 45, 'Compound interest grows savings', $2, 'offline-lexical')`,
      [video!.id, `[${Array.from({ length: 1536 }, (_, i) => (i === 0 ? 1 : 0)).join(',')}]`],
    );
    const hits = await db.query(
      `select seq from chunks where creator_id = 'biz_a' and tsv @@ websearch_to_tsquery('english', 'interest savings')`,
    );
    expect(hits).toEqual([{ seq: 0 }]);
  });

  it('indexes vectors with HNSW and text with GIN', async () => {
    const rows = await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where tablename = 'chunks'`);
    const defs = rows.map((r) => r.indexdef).join('\n');
    expect(defs).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(defs).toMatch(/USING gin \(tsv\)/);
    expect(defs).toMatch(/\(creator_id, video_id, seq\)/);
  });

  it('rejects ids that are not Whop ids', async () => {
    await expect(db.query(`insert into creators (id) values ('exp_wrong')`)).rejects.toThrow(/check constraint/);
  });
});
