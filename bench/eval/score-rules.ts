import type { CourseQuestion } from './course-set';

/**
 * The held-out set's scoring rules (../shared/eval-dev/README.md "Scoring"):
 * a citation is correct when it names the expected lesson and its start second
 * lies within [start - 30, end + 30]; retrieval is scored by the same rule on
 * each ranked item's start second.
 */
export const CITATION_SLACK_SECONDS = 30;

export interface Moment {
  /** Lesson file name (the harness maps video ids back to files). */
  file: string | null;
  startSeconds: number;
}

export function isCorrectMoment(q: Pick<CourseQuestion, 'video' | 'start' | 'end'>, m: Moment): boolean {
  return (
    m.file === q.video &&
    m.startSeconds >= q.start - CITATION_SLACK_SECONDS &&
    m.startSeconds <= q.end + CITATION_SLACK_SECONDS
  );
}

/** 1-based rank of the first correct item, or null when none of them is. */
export function firstCorrectRank(
  q: Pick<CourseQuestion, 'video' | 'start' | 'end'>,
  ranked: readonly Moment[],
): number | null {
  const i = ranked.findIndex((m) => isCorrectMoment(q, m));
  return i < 0 ? null : i + 1;
}

export const hitAt = (rank: number | null, k: number) => rank !== null && rank <= k;
export const reciprocal = (rank: number | null) => (rank === null ? 0 : 1 / rank);

/** Share as a percentage with no decimals, or "–" when nothing was measured. */
export const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

/** Nearest-rank quantile of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]!;
}
