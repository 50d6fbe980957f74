import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../../../server/adapters/db/migration-files';
import type { Db } from '../../../../server/ports/db';
import { createEmptyTestDatabase, createTestDb } from '../../../support/test-db';

const vector = (hot: number) => `[${Array.from({ length: 1536 }, (_, i) => (i === hot ? 1 : 0)).join(',')}]`;

async function addVideo(db: Db, creatorId: string, title: string): Promise<string> {
  const [video] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status, chunk_count) values ($1, $2, 'captions', 'completed', 0) returning id`,
    [creatorId, title],
  );
  return video!.id;
}

async function addChunks(db: Db, creatorId: string, videoId: string, texts: string[]) {
  await db.query(
    `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, embedding, embedding_model)
     select $1, $2, t.seq - 1, (t.seq - 1) * 30, t.seq * 30, t.text, $4::vector, 'offline-lexical-v1'
       from unnest($3::text[]) with ordinality as t(text, seq)`,
    [creatorId, videoId, texts, vector(texts.length)],
  );
}

const partitionOf = async (db: Db, creatorId: string) =>
  (await db.query<{ p: string | null }>(`select to_regclass(chunk_partition_name($1))::text as p`, [creatorId]))[0]!.p;

const termCounts = async (db: Db, creatorId: string) =>
  Object.fromEntries(
    (
      await db.query<{ lexeme: string; chunks: number }>(
        `select lexeme, chunks from course_terms where creator_id = $1 order by lexeme`,
        [creatorId],
      )
    ).map((r) => [r.lexeme, r.chunks]),
  );

describe('chunks, one partition per creator', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('gives each new creator a partition, and their chunks land in it', async () => {
    await db.query(`insert into creators (id) values ('biz_part1'), ('biz_part2')`);
    const one = await partitionOf(db, 'biz_part1');
    const two = await partitionOf(db, 'biz_part2');
    expect(one).toMatch(/^chunks_[0-9a-f]{32}$/);
    expect(two).toMatch(/^chunks_[0-9a-f]{32}$/);
    expect(one).not.toBe(two);

    await addChunks(db, 'biz_part1', await addVideo(db, 'biz_part1', 'A'), ['Compound interest', 'Index funds']);
    await addChunks(db, 'biz_part2', await addVideo(db, 'biz_part2', 'B'), ['Shutter speed']);
    const placed = await db.query<{ partition: string; creator_id: string; n: number }>(
      `select tableoid::regclass::text as partition, creator_id, count(*)::int as n from chunks group by 1, 2 order by 2`,
    );
    expect(placed.filter((r) => r.creator_id.startsWith('biz_part'))).toEqual([
      { partition: one, creator_id: 'biz_part1', n: 2 },
      { partition: two, creator_id: 'biz_part2', n: 1 },
    ]);
  });

  it("reads only the asking creator's partition", async () => {
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `explain select id from chunks where creator_id = $1 order by embedding <=> $2::vector limit 5`,
      ['biz_part1', vector(1)],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain(`on ${await partitionOf(db, 'biz_part1')}`);
    expect(text).not.toContain((await partitionOf(db, 'biz_part2'))!);
  });

  it('drops the partition, chunks and term counts with the creator', async () => {
    await db.query(`insert into creators (id) values ('biz_gone')`);
    await addChunks(db, 'biz_gone', await addVideo(db, 'biz_gone', 'Gone'), ['Sourdough starter']);
    expect(await termCounts(db, 'biz_gone')).toEqual({ sourdough: 1, starter: 1 });
    await db.query(`delete from creators where id = 'biz_gone'`);
    expect(await partitionOf(db, 'biz_gone')).toBeNull();
    expect(await db.query(`select 1 from chunks where creator_id = 'biz_gone'`)).toEqual([]);
    expect(await termCounts(db, 'biz_gone')).toEqual({});
  });

  it('refuses a chunk for a creator with no partition rather than storing it anywhere', async () => {
    await db.query(`insert into creators (id) values ('biz_nopart')`);
    const video = await addVideo(db, 'biz_nopart', 'X');
    await db.query(`drop table ${await partitionOf(db, 'biz_nopart')}`);
    await expect(addChunks(db, 'biz_nopart', video, ['Anything'])).rejects.toThrow(/no partition of relation "chunks"/);
  });
});

describe('course terms', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await db.query(`insert into creators (id) values ('biz_terms'), ('biz_other')`);
  });
  afterAll(() => db.close());

  it('counts the chunks holding each term, per creator, through inserts, updates and deletes', async () => {
    const lesson = await addVideo(db, 'biz_terms', 'Lesson');
    await addChunks(db, 'biz_terms', lesson, ['Index funds and bonds', 'Bonds, bonds and more bonds', 'Index cards']);
    await addChunks(db, 'biz_other', await addVideo(db, 'biz_other', 'Other'), ['Bonds']);
    expect(await termCounts(db, 'biz_terms')).toEqual({ bond: 2, card: 1, fund: 1, index: 2 });
    expect(await termCounts(db, 'biz_other')).toEqual({ bond: 1 });
    // BM25's N and average length: chunks and distinct lexemes per chunk, summed.
    expect(await courseStats(db, 'biz_terms')).toEqual({ chunks: 3, lexemes: 6 });

    await db.query(`update chunks set text = 'Index funds' where video_id = $1 and seq = 1`, [lesson]);
    expect(await termCounts(db, 'biz_terms')).toEqual({ bond: 1, card: 1, fund: 2, index: 3 });

    await db.query(`delete from chunks where video_id = $1 and seq = 0`, [lesson]);
    expect(await termCounts(db, 'biz_terms')).toEqual({ card: 1, fund: 1, index: 2 });
    expect(await courseStats(db, 'biz_terms')).toEqual({ chunks: 2, lexemes: 4 });

    // Deleting the video cascades to its chunks, and the counts follow.
    await db.query(`delete from videos where id = $1`, [lesson]);
    expect(await termCounts(db, 'biz_terms')).toEqual({});
    expect(await termCounts(db, 'biz_other')).toEqual({ bond: 1 });
    expect(await courseStats(db, 'biz_terms')).toEqual({ chunks: 0, lexemes: 0 });
  });
});

async function courseStats(db: Db, creatorId: string) {
  const [row] = await db.query<{ chunks: number; lexemes: string | number }>(
    `select chunks, lexemes from course_stats where creator_id = $1`,
    [creatorId],
  );
  return row && { chunks: Number(row.chunks), lexemes: Number(row.lexemes) };
}

describe('migrating stored chunks into partitions', () => {
  it('moves every chunk of every creator, keeps ids, counts terms, and new ids continue after the old', async () => {
    const files = await readMigrationFiles();
    const before = files.filter((f) => f.version < '20261130000100');
    const database = await createEmptyTestDatabase();
    const db = await database.open();
    try {
      await applyMigrations(db, before);
      await db.query(`insert into creators (id) values ('biz_old1'), ('biz_old2')`);
      await addChunks(db, 'biz_old1', await addVideo(db, 'biz_old1', 'One'), ['Compound interest', 'Interest rates']);
      await addChunks(db, 'biz_old2', await addVideo(db, 'biz_old2', 'Two'), ['Golden hour']);
      const ids = await db.query<{ id: string; creator_id: string }>(
        `select id::text, creator_id from chunks order by id`,
      );

      await applyMigrations(db, files);
      expect(await db.query(`select id::text, creator_id from chunks order by id`)).toEqual(ids);
      expect(await partitionOf(db, 'biz_old1')).not.toBeNull();
      // Later migrations index each stored chunk with its lesson title too ("One", "Two").
      expect(await termCounts(db, 'biz_old1')).toEqual({ compound: 1, interest: 2, one: 2, rate: 1 });
      expect(await termCounts(db, 'biz_old2')).toEqual({ golden: 1, hour: 1, two: 1 });
      expect(await courseStats(db, 'biz_old1')).toEqual({ chunks: 2, lexemes: 6 });

      await addChunks(db, 'biz_old2', await addVideo(db, 'biz_old2', 'Three'), ['Blue hour']);
      const [next] = await db.query<{ id: string }>(`select max(id)::text as id from chunks`);
      expect(BigInt(next!.id)).toBeGreaterThan(BigInt(ids.at(-1)!.id));
      expect(await db.query(`select to_regclass('chunks_unpartitioned') as t`)).toEqual([{ t: null }]);
    } finally {
      await db.close();
      await database.remove();
    }
  });
});
