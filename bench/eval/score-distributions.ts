import { COVERAGE_FLOOR, calibrationFor } from '../../server/domain/chat/retrieval-calibration';
import type { DecisionScores, EvalReport } from './eval-report';
import { quantile } from './score-rules';

const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

function row(label: string, values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  const cells = QUANTILES.map((q) => (present.length ? quantile(present, q).toFixed(3) : '–').padStart(7));
  return `  ${label.padEnd(34)}${cells.join('')}   (${present.length}/${values.length} have one)`;
}

/**
 * The numbers a refusal floor is set from: for answerable questions and for
 * off-topic asks, the quantiles of the top candidate's scores. A floor separates
 * the two when the answerable p5 sits above the off-topic p95. The floor in force
 * is read from retrieval-calibration.ts (owned by retrieval; never copied here).
 */
export function scoreDistributions(report: EvalReport, embedderModel: string): string {
  const groups: [string, DecisionScores[]][] = [
    ['answerable', report.answers.map((a) => a.scores)],
    ['off-topic', report.outside.filter((o) => o.type === 'off_topic').map((o) => o.scores)],
    ['cross-tenant probes', report.outside.filter((o) => o.type === 'cross_tenant').map((o) => o.scores)],
  ];
  const lines = [
    `score distributions for the refusal decision (embedder ${embedderModel}; similarity floor in force ${calibrationFor(embedderModel).similarityFloor}, coverage floor ${COVERAGE_FLOOR})`,
    `  ${''.padEnd(34)}${QUANTILES.map((q) => `p${Math.round(q * 100)}`.padStart(7)).join('')}`,
  ];
  for (const [name, scores] of groups) {
    if (scores.length === 0) continue;
    lines.push(`${name} (${scores.length})`);
    lines.push(
      row(
        'top cosine, exact scan',
        scores.map((s) => s.topSimilarity),
      ),
    );
    lines.push(
      row(
        'top coverage (idf share)',
        scores.map((s) => s.topCoverage),
      ),
    );
    lines.push(
      row(
        'top served source, fused score',
        scores.map((s) => s.topFused),
      ),
    );
  }
  const floor = calibrationFor(embedderModel).similarityFloor;
  const count = (test: (s: DecisionScores) => boolean) =>
    groups
      .filter(([, scores]) => scores.length > 0)
      .map(([name, scores]) => `${name} ${scores.filter(test).length}/${scores.length}`)
      .join(', ');
  lines.push(
    `top cosine at or above the floor ${floor}: ${count((s) => s.topSimilarity !== null && s.topSimilarity >= floor)}`,
  );
  lines.push(
    `top coverage at or above the floor ${COVERAGE_FLOOR}: ${count((s) => s.topCoverage !== null && s.topCoverage >= COVERAGE_FLOOR)}`,
  );
  return lines.join('\n');
}
