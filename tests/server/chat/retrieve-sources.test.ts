import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { SMALL_COURSE_CHUNKS } from '../../../server/domain/chat/retrieval-sql';
import { numberSources, retrieveSources } from '../../../server/domain/chat/retrieve-sources';
import { renameVideo } from '../../../server/domain/videos/manage-video';
import type { Db } from '../../../server/ports/db';
import type { Embedder } from '../../../server/ports/embedder';
import { INVESTING_COURSE } from '../../support/fixtures/course-investing';
import { type SeededVideo, seedCourse } from '../../support/fixtures/course-seed';
import { SOURDOUGH_COURSE } from '../../support/fixtures/course-sourdough';
import { createTestDb } from '../../support/test-db';

const A = 'biz_investA';
const B = 'biz_bakeB';
let db: Db;
let embedder: Embedder;
let investing: SeededVideo[];
let sourdough: SeededVideo[];

/** Records every statement so the tests can check tenant filters and the HNSW settings. */
function recording(inner: Db, log: string[]): Db {
  const wrap = (target: Db): Db => ({
    ...target,
    driver: target.driver,
    query: (sql, params) => (log.push(sql), target.query(sql, params)),
    transaction: (fn) => target.transaction((tx) => fn(wrap(tx))),
  });
  return wrap(inner);
}

async function creatorOfChunks(ids: number[]): Promise<string[]> {
  const rows = await db.query<{ creator_id: string }>(
    `select distinct creator_id from chunks where id = any($1::bigint[])`,
    [ids],
  );
  return rows.map((r) => r.creator_id);
}

beforeAll(async () => {
  db = await createTestDb();
  embedder = createOfflineLexicalEmbedder();
  investing = await seedCourse(db, embedder, A, INVESTING_COURSE);
  sourdough = await seedCourse(db, embedder, B, SOURDOUGH_COURSE);
});
afterAll(() => db.close());

const retrieve = (creatorId: string, query: string, limit?: number) =>
  retrieveSources({ db, embedder }, { creatorId, query, limit });

describe('retrieveSources', () => {
  it('finds the video and time range that answer a known question', async () => {
    const { sources, embeddingTokens } = await retrieve(A, 'What is an expense ratio?');
    const lesson1 = investing[0]!;
    expect(sources[0]).toMatchObject({ videoId: lesson1.videoId, videoTitle: 'Lesson 1: Index funds and fees' });
    // "That cost is called the expense ratio" is said at 0:35; the source must span that moment.
    expect(sources[0]!.startSeconds).toBeLessThanOrEqual(35);
    expect(sources[0]!.endSeconds).toBeGreaterThan(35);
    expect(sources[0]!.text).toContain('expense ratio');
    expect(embeddingTokens).toBeGreaterThan(0);

    const debt = await retrieve(A, 'Should I pay off credit card debt before investing?');
    const lesson2 = investing[1]!;
    expect(debt.sources[0]).toMatchObject({ videoId: lesson2.videoId });
    expect(debt.sources[0]!.startSeconds).toBeLessThanOrEqual(76);
    expect(debt.sources[0]!.endSeconds).toBeGreaterThan(76);
  });

  it("never returns another creator's chunks, even for a question only they answer", async () => {
    const asked = await retrieve(A, 'How often should I feed my sourdough starter?');
    expect(asked.sources).toEqual([]);
    // Creator B's own students do get the answer, from B's chunks only.
    const own = await retrieve(B, 'How often should I feed my sourdough starter?');
    expect(own.sources.length).toBeGreaterThan(0);
    expect(await creatorOfChunks(own.sources.flatMap((s) => s.chunkIds))).toEqual([B]);
    const mine = await retrieve(A, 'index fund fees compound interest');
    expect(await creatorOfChunks(mine.sources.flatMap((s) => s.chunkIds))).toEqual([A]);
  });

  it('filters every statement by the creator and sets up the HNSW iterative scan', async () => {
    const log: string[] = [];
    await retrieveSources({ db: recording(db, log), embedder }, { creatorId: A, query: 'expense ratio' });
    const selects = log.filter((sql) => /from chunks/i.test(sql));
    expect(selects.length).toBe(2);
    for (const sql of selects) {
      expect(sql).toMatch(/c\.creator_id = \$1/);
      expect(sql).toMatch(/status = 'completed'/);
    }
    const settings = log.findIndex((sql) => sql.includes(`set_config('hnsw.iterative_scan', 'relaxed_order', true)`));
    expect(log[settings]).toContain(`set_config('hnsw.ef_search', '100', true)`);
    // The full-text list runs before the settings that take bitmap (GIN) scans away; the vector list after them.
    expect(log[settings]).toContain(`set_config('enable_bitmapscan', 'off', true)`);
    expect(log.findIndex((sql) => /tsv @@/.test(sql))).toBeLessThan(settings);
    expect(log.findIndex((sql) => /embedding <=>/.test(sql) && !/tsv @@/.test(sql))).toBeGreaterThan(settings);
  });

  it('searches full text for the terms that tell chunks apart, not the words the whole course says', async () => {
    const C = 'biz_tradeC';
    // More chunks than SMALL_COURSE_CHUNKS, so the common-term cut applies.
    const sentences: [number, string][] = Array.from({ length: 4 * (SMALL_COURSE_CHUNKS + 10) }, (_, i) => [
      i * 10,
      i === 17
        ? 'Every trade you place needs a stop loss below the last swing low.'
        : `Trade number ${i + 1} of the session: we trade the open, and trade the close.`,
    ]);
    await seedCourse(db, embedder, C, [{ title: 'Lesson 1: Trading the open', status: 'completed', sentences }]);
    const log: string[] = [];
    // Another model's embedder: the vector list is empty, so what comes back is the full-text list alone.
    const textOnly: Embedder = { ...embedder, model: 'some-other-model' };
    const ask = (query: string) =>
      retrieveSources({ db: recording(db, log), embedder: textOnly }, { creatorId: C, query, minSimilarity: 0 });

    const rare = await ask('Where does the stop loss go on a trade?');
    expect(rare.sources[0]?.text).toContain('stop loss below the last swing low');
    const searched = log.find((sql) => /tsv @@/.test(sql))!;
    expect(searched).toMatch(/course_terms/);
    expect(searched).toMatch(/course_stats/);
    // "trade" is in every chunk of this course: searching it alone would read them all and tell none apart.
    expect((await ask('trade')).sources).toEqual([]);
  });

  it('takes quotes, backslashes and search syntax in a question as plain words', async () => {
    for (const question of [
      `What's the "expense ratio"?`,
      'expense \\ ratio',
      "expense' | ratio",
      '-expense ratio OR fees',
    ]) {
      const { sources } = await retrieve(A, question);
      expect(sources[0]?.videoTitle, question).toBe('Lesson 1: Index funds and fees');
    }
  });

  it('returns nothing when the course does not cover the question', async () => {
    for (const question of [
      'What is the capital of France?',
      'How do I write a cover letter for a job?',
      'How do I fix a flat bicycle tyre?',
    ]) {
      expect((await retrieve(A, question)).sources, question).toEqual([]);
    }
    expect((await retrieve(A, '   ')).sources).toEqual([]);
  });

  it('keeps each chunk a source of its own, so a source starts where its passage does', async () => {
    // Both chunks of lesson 2 answer this; they overlap by one sentence (the chunker's overlap).
    const { sources } = await retrieve(A, 'compound interest');
    const lesson2 = investing[1]!;
    const own = sources.filter((s) => s.videoId === lesson2.videoId);
    expect(own.length).toBeGreaterThan(1);
    for (const source of own) {
      expect(source.chunkIds).toHaveLength(1);
      const chunk = lesson2.chunks.find((c) => c.id === source.chunkIds[0])!;
      expect(source).toMatchObject({
        startSeconds: chunk.startSeconds,
        endSeconds: chunk.endSeconds,
        text: chunk.text,
      });
    }
  });

  it('searches the lesson title with the transcript, and renaming a lesson moves its chunks with it', async () => {
    const D = 'biz_brewD';
    const sentences: [number, string][] = Array.from({ length: 12 }, (_, i) => [
      i * 10,
      `Step ${i + 1}: steep the tea, add sugar, and wait for the culture to work.`,
    ]);
    const [video] = await seedCourse(db, embedder, D, [
      { title: 'Lesson 4: Kombucha', status: 'completed', sentences },
    ]);
    // "Kombucha" is said nowhere in the transcript: only the title holds it.
    expect((await retrieve(D, 'What is kombucha?')).sources[0]?.videoId).toBe(video!.videoId);
    await renameVideo(db, { creatorId: D, videoId: video!.videoId, title: 'Lesson 4: Fermented tea' });
    expect((await retrieve(D, 'What is kombucha?')).sources).toEqual([]);
    expect((await retrieve(D, 'fermented tea')).sources[0]?.videoId).toBe(video!.videoId);
  });

  it('ignores videos that are not completed', async () => {
    const { sources } = await retrieve(A, 'How big should my emergency fund be?');
    expect(sources.map((s) => s.videoTitle)).not.toContain('Lesson 3: Your emergency fund');
    await db.query(`update videos set status = 'completed' where id = $1`, [investing[2]!.videoId]);
    try {
      const after = await retrieve(A, 'How big should my emergency fund be?');
      expect(after.sources[0]?.videoTitle).toBe('Lesson 3: Your emergency fund');
    } finally {
      await db.query(`update videos set status = 'embedding' where id = $1`, [investing[2]!.videoId]);
    }
  });

  it('uses only vectors of the embedder model for the vector side', async () => {
    const other: Embedder = { ...embedder, model: 'some-other-model' };
    // Full text still finds the passage; the vector list is empty, so similarity never vouches for a chunk.
    const { sources } = await retrieveSources({ db, embedder: other }, { creatorId: A, query: 'expense ratio' });
    expect(sources[0]?.videoTitle).toBe('Lesson 1: Index funds and fees');
    const log: string[] = [];
    const vectorOnly = await retrieveSources(
      { db: recording(db, log), embedder: other },
      { creatorId: A, query: 'How do you double money at eight percent?', minSimilarity: 0, minCoverage: 1 },
    );
    // With a cosine floor of 0, any vector candidate would pass (full text must hold every term): none may come from another model's vectors.
    expect(vectorOnly.sources.every((s) => s.text.includes('eight percent'))).toBe(true);
  });

  it('respects the limit and numbers sources from 1', async () => {
    const { sources } = await retrieve(B, 'sourdough starter flour water loaf dough bake', 2);
    expect(sources.length).toBeLessThanOrEqual(2);
    const numbered = numberSources(sources);
    expect(numbered.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
    expect(numbered[0]).toMatchObject({ videoId: sources[0]!.videoId, startSeconds: sources[0]!.startSeconds });
    expect(sourdough.map((v) => v.videoId)).toContain(numbered[0]!.videoId);
  });
});
