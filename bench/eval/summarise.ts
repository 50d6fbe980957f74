import { percentile } from '../support/latency-stats';
import type { EvalReport, RetrievalRanks } from './eval-report';
import { hitAt, reciprocal } from './score-rules';

export interface RetrievalSummary {
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
}

export interface CourseSummary {
  course: string;
  questions: number;
  answered: number;
  citations: number;
  correctCitations: number;
  falseRefusals: number;
  errors: number;
  offTopicAsks: number;
  offTopicRefused: number;
  probes: number;
  leaks: number;
  /** Why answerable questions went unanswered (they add up to questions − answered − errors). */
  misses: {
    floorRefused: number;
    answererDeclined: number;
    citedElsewhereWithRightSource: number;
    rightSourceNotServed: number;
  };
  /**
   * Served lists that hold a source overlapping the expected range but none starting within
   * ±30 s of it: long or merged sources. The answer's citation is pinned inside its source,
   * so such a question can still be answered; retrieval recall counts it a miss.
   */
  servedOverlapOnly: number;
  p50Ms: number;
  p95Ms: number;
  chronos: RetrievalSummary;
  chronosNoFloor: RetrievalSummary;
  bm25: RetrievalSummary;
  bm25Title: RetrievalSummary;
  exactVector: RetrievalSummary;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

function retrieval(
  ranks: RetrievalRanks[],
  pick: (r: RetrievalRanks) => number | null,
  pick10 = pick,
): RetrievalSummary {
  return {
    r1: mean(ranks.map((r) => (hitAt(pick(r), 1) ? 1 : 0))),
    r5: mean(ranks.map((r) => (hitAt(pick(r), 5) ? 1 : 0))),
    r10: mean(ranks.map((r) => (hitAt(pick10(r), 10) ? 1 : 0))),
    mrr: mean(ranks.map((r) => reciprocal(pick(r)))),
  };
}

/** One row per course, then "overall" over every question of every course. */
export function summarise(report: EvalReport): CourseSummary[] {
  const names = [...report.courses.map((c) => c.name), 'overall'];
  return names.map((course) => {
    const all = course === 'overall';
    const answers = report.answers.filter((a) => all || a.course === course);
    const outside = report.outside.filter((o) => all || o.course === course);
    const offTopic = outside.filter((o) => o.type === 'off_topic');
    const probes = outside.filter((o) => o.type === 'cross_tenant');
    const times = [...answers, ...outside].map((a) => a.latencyMs).sort((a, b) => a - b);
    const ranks = answers.map((a) => a.ranks);
    const missed = answers.filter((a) => !a.answered && a.error === null);
    return {
      course,
      questions: answers.length,
      answered: answers.filter((a) => a.answered).length,
      citations: answers.reduce((n, a) => n + a.citations.length, 0),
      correctCitations: answers.reduce((n, a) => n + a.citations.filter((c) => c.correct).length, 0),
      falseRefusals: answers.filter((a) => a.refused).length,
      errors: [...answers, ...outside].filter((a) => a.error !== null).length,
      offTopicAsks: offTopic.length,
      offTopicRefused: offTopic.filter((o) => o.refused).length,
      probes: probes.length,
      leaks: probes.filter((o) => o.leak?.leaked).length,
      misses: {
        floorRefused: missed.filter((a) => a.refused && a.noAnswer === true).length,
        answererDeclined: missed.filter((a) => a.refused && a.noAnswer !== true).length,
        citedElsewhereWithRightSource: missed.filter((a) => !a.refused && a.ranks.chronosServed !== null).length,
        rightSourceNotServed: missed.filter((a) => !a.refused && a.ranks.chronosServed === null).length,
      },
      servedOverlapOnly: answers.filter(
        (a) =>
          a.ranks.chronosServed === null &&
          a.sources.some(
            (s) => s.file === a.expected.video && s.startSeconds <= a.expected.end && s.endSeconds >= a.expected.start,
          ),
      ).length,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      // Served list for @1, @5 and MRR; the deeper retrieveSources list only for @10.
      // (a hit in either list counts for @10, so @10 is never below @5 when the two lists differ).
      chronos: retrieval(
        ranks,
        (r) => r.chronosServed,
        (r) => (r.chronosServed !== null && r.chronosServed <= 10 ? r.chronosServed : r.chronos10),
      ),
      chronosNoFloor: retrieval(ranks, (r) => r.chronosNoFloor),
      bm25: retrieval(ranks, (r) => r.bm25),
      bm25Title: retrieval(ranks, (r) => r.bm25Title),
      exactVector: retrieval(ranks, (r) => r.exactVector),
    };
  });
}
