/** Percentiles of timings, nearest-rank, and the figure strings the runner prints. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1]!;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;

/** `p50 / p95 / p99` of a set of timings, as one figure. */
export function spread(timesMs: readonly number[]): string {
  const sorted = [...timesMs].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => ms(percentile(sorted, p))).join(' / ');
}

export function median(timesMs: readonly number[]): number {
  return percentile(
    [...timesMs].sort((a, b) => a - b),
    50,
  );
}
