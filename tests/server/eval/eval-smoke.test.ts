import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourseSet } from '../../../bench/eval/course-set';
import { buildEvalProviders } from '../../../bench/eval/eval-providers';
import type { EvalReport } from '../../../bench/eval/eval-report';
import { evaluate } from '../../../bench/eval/evaluate';
import { answersTable, missesTable, retrievalTable } from '../../../bench/eval/print-table';
import { scoreDistributions } from '../../../bench/eval/score-distributions';
import { summarise } from '../../../bench/eval/summarise';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';
import { writeTinyCourseSet } from './tiny-course-set';

/**
 * The whole harness on a generated folder: upload route → pipeline → chat route
 * → scoring and baselines, the code `npm run eval` runs, so it cannot rot unseen.
 */
describe('npm run eval on a tiny generated course set', () => {
  let dir: string;
  let report: EvalReport;
  let db: Db;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chronos-eval-'));
    await writeTinyCourseSet(join(dir, 'data'));
    const set = await readCourseSet(join(dir, 'data'));
    db = await createTestDb();
    report = await evaluate(set, buildEvalProviders({ embedder: 'offline', answerer: 'offline' }, {}), db, () => {});
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('ingests each course as its own creator through the real pipeline, titles from the file names', () => {
    expect(report.courses.map((c) => c.name)).toEqual(['bread', 'tides']);
    expect(report.courses[0]!.lessons).toEqual([
      { file: '01-starter-care.vtt', title: 'Starter Care' },
      { file: '02-oven-work.vtt', title: 'Oven Work' },
    ]);
    expect(report.courses.every((c) => c.chunks > 0)).toBe(true);
  });

  it('asks every question through the chat route and scores it by the ±30 s rule', () => {
    expect(report.answers.map((a) => a.id)).toEqual(['b1', 'b2', 'b3']);
    expect(report.answers.every((a) => a.error === null)).toBe(true);
    // Distinctive wording: the served sources, the answer's citations and BM25 all find each passage.
    for (const a of report.answers) {
      expect(a.ranks.chronosServed, a.id).not.toBeNull();
      expect(a.ranks.bm25, a.id).toBe(1);
      expect(a.ranks.exactVector, a.id).not.toBeNull();
      expect(a.ranks.chronosNoFloor, a.id).not.toBeNull();
      expect(a.answered, a.id).toBe(true);
      expect(a.refused, a.id).toBe(false);
    }
  });

  it('asks the off-topic question in both courses and the probe in one, and finds no leak', () => {
    expect(report.outside.map((o) => `${o.id}@${o.course}`)).toEqual(['off-1@bread', 'xt-1@bread', 'off-1@tides']);
    expect(
      report.outside.filter((o) => o.type === 'off_topic').every((o) => o.refused && o.citations.length === 0),
    ).toBe(true);
    const probe = report.outside.find((o) => o.type === 'cross_tenant')!;
    expect(probe.leak).toEqual({ foreignVideoIds: [], foreignText: null, leaked: false });
  });

  it('summarises per course and overall, and prints the tables', () => {
    const rows = summarise(report);
    expect(rows.map((r) => r.course)).toEqual(['bread', 'tides', 'overall']);
    const overall = rows.at(-1)!;
    expect(overall).toMatchObject({
      questions: 3,
      answered: 3,
      falseRefusals: 0,
      offTopicAsks: 2,
      offTopicRefused: 2,
      probes: 1,
      leaks: 0,
    });
    expect(overall.bm25.r1).toBe(1);
    expect(overall.misses).toEqual({
      floorRefused: 0,
      answererDeclined: 0,
      citedElsewhereWithRightSource: 0,
      rightSourceNotServed: 0,
    });
    expect(missesTable(rows)).toContain('right source not served');
    expect(answersTable(rows)).toContain('bread');
    expect(retrievalTable(rows)).toContain('bm25+title');
    expect(scoreDistributions(report, 'offline-lexical-v1')).toContain('answerable (3)');
  });
});
