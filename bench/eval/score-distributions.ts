import { similarityFloorFor } from '../../server/domain/chat/relevance-floor';
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
 * is read from relevance-floor.ts (owned by retrieval; never copied here).
 */
export function scoreDistributions(report: EvalReport, embedderModel: string): string {
  const groups: [string, DecisionScores[]][] = [
    ['answerable', report.answers.map((a) => a.scores)],
    ['off-topic', report.outside.filter((o) => o.type === 'off_topic').map((o) => o.scores)],
    ['cross-tenant probes', report.outside.filter((o) => o.type === 'cross_tenant').map((o) => o.scores)],
  ];
  const lines = [
    `score distributions for the refusal decision (embedder ${embedderModel}; similarity floor in force ${similarityFloorFor(embedderModel)})`,
    `  ${''.padEnd(34)}${QUANTILES.map((q) => `p${Math.round(q * 100)}`.padStart(7)).join('')}`,
  ];
  for (const [name, scores] of groups) {
    if (scores.length === 0) continue;
    lines.push(`${name} (${scores.length})`);
    lines.push(row('top cosine, exact scan', scores.map((s) => s.topSimilarity)));
    lines.push(row('top full-text term share', scores.map((s) => s.topFullTextShare)));
    lines.push(row('top served source, fused score', scores.map((s) => s.topFused)));
  }
  const floor = similarityFloorFor(embedderModel);
  const above = (scores: DecisionScores[]) => scores.filter((s) => s.topSimilarity !== null && s.topSimilarity >= floor).length;
  lines.push(
    `top cosine at or above the floor ${floor}: ${groups.filter(([, scores]) => scores.length > 0).map(([name, scores]) => `${name} ${above(scores)}/${scores.length}`).join(', ')}` +
      ' (the floor also passes a chunk on full-text terms alone: see relevance-floor.ts)',
  );
  return lines.join('\n');
}
