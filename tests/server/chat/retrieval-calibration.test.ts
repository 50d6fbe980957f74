import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import {
  COVERAGE_FLOOR,
  calibrationFor,
  DEFAULT_CALIBRATION,
  passesRelevanceFloor,
} from '../../../server/domain/chat/retrieval-calibration';
import { retrieveSources } from '../../../server/domain/chat/retrieve-sources';
import { chunkTranscript } from '../../../server/domain/ingestion/chunk-transcript';
import type { Db } from '../../../server/ports/db';
import { INVESTING_COURSE } from '../../support/fixtures/course-investing';
import { seedCourse } from '../../support/fixtures/course-seed';
import { SOURDOUGH_COURSE } from '../../support/fixtures/course-sourdough';
import { makeCaptionCues } from '../../support/fixtures/make-captions';
import { createTestDb } from '../../support/test-db';

/**
 * Calibration of the "nothing answers this" floor (retrieval-calibration.ts) with the offline embedder, on
 * realistic chunk lengths (a generated 30-minute lecture chunked by the real
 * chunker, ≈180 words a chunk) and on the short fixture chunks (≈75 words).
 */
const embedder = createOfflineLexicalEmbedder();
let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  await seedCourse(db, embedder, 'biz_fixtures', INVESTING_COURSE);
  await seedCourse(db, embedder, 'biz_baking', SOURDOUGH_COURSE);
  await db.query(`insert into creators (id) values ('biz_lecture')`);
  const [video] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ('biz_lecture', 'Investing fundamentals', 'captions', 'completed') returning id`,
  );
  const chunks = chunkTranscript(makeCaptionCues({ durationSeconds: 1800 }));
  const { vectors } = await embedder.embed(chunks.map((c) => c.text));
  for (const [i, c] of chunks.entries()) {
    await db.query(
      `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, embedding, embedding_model)
       values ('biz_lecture', $1, $2, $3, $4, $5, $6::vector, $7)`,
      [video!.id, c.seq, c.startSeconds, c.endSeconds, c.text, `[${vectors[i]!.join(',')}]`, embedder.model],
    );
  }
});
afterAll(() => db.close());

const found = async (creatorId: string, query: string) =>
  (await retrieveSources({ db, embedder }, { creatorId, query })).sources.length > 0;

const ON_TOPIC: [string, string][] = [
  ['biz_fixtures', 'What is an expense ratio?'],
  ['biz_fixtures', 'Why do fees matter so much for index funds?'],
  ['biz_fixtures', 'How does compound interest work?'],
  ['biz_fixtures', 'What is dollar cost averaging?'],
  ['biz_fixtures', 'How do I buy an index fund in my brokerage account?'],
  ['biz_fixtures', 'How long does it take to double my money?'],
  ['biz_lecture', 'What is an expense ratio?'],
  ['biz_lecture', 'Why does diversification matter?'],
  ['biz_lecture', 'what is tax-loss harvesting'],
  ['biz_lecture', 'How does rebalancing work?'],
  ['biz_lecture', 'Is a Roth IRA worth it?'],
  ['biz_baking', 'How do I score a loaf of bread?'],
];
const OFF_TOPIC: [string, string][] = [
  ['biz_fixtures', 'How do I score a loaf of bread?'],
  ['biz_fixtures', 'How do I fix a flat bicycle tyre?'],
  ['biz_fixtures', 'How do I write a cover letter for a job?'],
  ['biz_lecture', 'How often should I feed my sourdough starter?'],
  ['biz_lecture', 'What is the best way to learn the guitar?'],
  ['biz_lecture', 'How many years does it take to learn Spanish?'],
  ['biz_lecture', 'Why is my cat sneezing all the time?'],
  ['biz_baking', 'What is compound interest?'],
];

describe('relevance floor (offline embedder)', () => {
  it.each(ON_TOPIC)('%s finds sources for "%s"', async (creatorId, question) => {
    expect(await found(creatorId, question)).toBe(true);
  });

  it.each(OFF_TOPIC)('%s finds nothing for "%s"', async (creatorId, question) => {
    expect(await found(creatorId, question)).toBe(false);
  });

  it('passes on either test; an unknown model gets the conservative default calibration', () => {
    const floor = calibrationFor('offline-lexical-v1').similarityFloor;
    expect(passesRelevanceFloor({ coverage: 0.1, similarity: floor }, floor)).toBe(true);
    expect(passesRelevanceFloor({ coverage: COVERAGE_FLOOR, similarity: null }, floor)).toBe(true);
    expect(passesRelevanceFloor({ coverage: COVERAGE_FLOOR - 0.01, similarity: floor - 0.01 }, floor)).toBe(false);
    expect(passesRelevanceFloor({ coverage: 0, similarity: null }, floor)).toBe(false);
    expect(calibrationFor('mystery-model')).toEqual(DEFAULT_CALIBRATION);
  });

  it('weighs a question by its telling words: what the course never says counts most', async () => {
    // "flour" and "water" are all over the baking course; "gluten" is not in it at all.
    const retrieve = (query: string, minCoverage?: number) =>
      retrieveSources({ db, embedder }, { creatorId: 'biz_baking', query, minCoverage });
    const common = await retrieve('flour water gluten-free almond marzipan', 0);
    expect(common.sources.length).toBeGreaterThan(0);
    expect(Math.max(...common.sources.map((s) => s.coverage))).toBeLessThan(COVERAGE_FLOOR);
    expect((await retrieve('flour water gluten-free almond marzipan')).sources).toEqual([]);
  });
});
