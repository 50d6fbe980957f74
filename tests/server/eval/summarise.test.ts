import { describe, expect, it } from 'vitest';
import type { AnswerRecord, EvalReport, OutsideRecord } from '../../../bench/eval/eval-report';
import { summarise } from '../../../bench/eval/summarise';

const scores = { topFused: null, topSimilarity: null, topCoverage: null };
const noRanks = {
  chronosServed: null,
  chronos10: null,
  chronosNoFloor: null,
  bm25: null,
  bm25Title: null,
  exactVector: null,
};
const citation = (correct: boolean) => ({
  n: 1,
  videoId: 'v',
  videoTitle: 't',
  startSeconds: 0,
  file: 'a.vtt',
  correct,
});

function answer(id: string, over: Partial<AnswerRecord>): AnswerRecord {
  return {
    id,
    course: 'c1',
    question: id,
    expected: { video: 'a.vtt', start: 0, end: 10 },
    sources: [],
    ranked10: [],
    unfloored10: [],
    citations: [],
    answer: '',
    refused: false,
    noAnswer: false,
    answered: false,
    error: null,
    latencyMs: 100,
    ranks: noRanks,
    scores,
    ...over,
  };
}

function outside(id: string, over: Partial<OutsideRecord>): OutsideRecord {
  return {
    id,
    type: 'off_topic',
    course: 'c1',
    question: id,
    sources: [],
    citations: [],
    answer: '',
    refused: true,
    noAnswer: true,
    error: null,
    latencyMs: 10,
    leak: null,
    scores,
    ...over,
  };
}

describe('eval summary', () => {
  const report: EvalReport = {
    createdAt: '',
    data: '',
    providers: { embedder: 'e', answerer: 'a' },
    courses: [
      { name: 'c1', lessons: [], chunks: 1 },
      { name: 'c2', lessons: [], chunks: 1 },
    ],
    ingestMs: 0,
    answers: [
      answer('right', {
        answered: true,
        citations: [citation(true), citation(false)],
        ranks: { ...noRanks, chronosServed: 2, chronos10: 2, bm25: 1, exactVector: 7 },
      }),
      answer('floor', { refused: true, noAnswer: true, ranks: { ...noRanks, chronosNoFloor: 1 } }),
      answer('declined', { refused: true, noAnswer: false, ranks: { ...noRanks, chronosServed: 1, chronos10: 1 } }),
      answer('cited-wrong', { citations: [citation(false)], ranks: { ...noRanks, chronosServed: 3, chronos10: 3 } }),
      answer('not-served', {
        citations: [citation(false)],
        ranks: { ...noRanks, chronos10: 8 },
        // Holds the passage (100–110 s) but starts 50 s before it: a near miss, not a hit.
        expected: { video: 'a.vtt', start: 100, end: 110 },
        sources: [{ n: 1, file: 'a.vtt', startSeconds: 50, endSeconds: 120, score: 0.03 }],
      }),
      answer('failed', { error: 'UPSTREAM: down', course: 'c2' }),
    ],
    outside: [
      outside('off-refused', {}),
      outside('off-answered', { refused: false, course: 'c2' }),
      outside('probe', { type: 'cross_tenant', leak: { foreignVideoIds: ['x'], foreignText: null, leaked: true } }),
    ],
  };

  it('scores each course and overall by the eval rules', () => {
    const [c1, c2, overall] = summarise(report);
    expect(c1).toMatchObject({
      course: 'c1',
      questions: 5,
      answered: 1,
      citations: 4,
      correctCitations: 1,
      falseRefusals: 2,
      offTopicAsks: 1,
      offTopicRefused: 1,
      probes: 1,
      leaks: 1,
    });
    expect(c1!.servedOverlapOnly).toBe(1);
    expect(c1!.misses).toEqual({
      floorRefused: 1,
      answererDeclined: 1,
      citedElsewhereWithRightSource: 1,
      rightSourceNotServed: 1,
    });
    expect(c2).toMatchObject({ questions: 1, answered: 0, errors: 1, offTopicAsks: 1, offTopicRefused: 0, probes: 0 });
    expect(overall).toMatchObject({ course: 'overall', questions: 6, errors: 1, offTopicAsks: 2, offTopicRefused: 1 });
  });

  it('takes @1, @5 and MRR from the served list and @10 from either list', () => {
    const c1 = summarise(report)[0]!;
    expect(c1.chronos).toEqual({ r1: 1 / 5, r5: 3 / 5, r10: 4 / 5, mrr: (1 / 2 + 1 + 1 / 3) / 5 });
    expect(c1.chronosNoFloor).toMatchObject({ r1: 1 / 5, mrr: 1 / 5 });
    expect(c1.bm25).toEqual({ r1: 1 / 5, r5: 1 / 5, r10: 1 / 5, mrr: 1 / 5 });
    expect(c1.exactVector).toMatchObject({ r5: 0, r10: 1 / 5 });
  });
});
