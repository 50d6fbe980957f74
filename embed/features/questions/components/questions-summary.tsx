import type { QuestionsSummary as Summary } from '../../../../shared/schemas/questions';

/** This week at a glance: how much students ask, how they rate the answers, and what the course left unanswered. */
export function QuestionsSummary({ summary }: { summary: Summary }) {
  return (
    <dl className="stat-grid" aria-label="Last 7 days">
      <div className="stat">
        <dt>Questions this week</dt>
        <dd>{summary.questionsThisWeek}</dd>
      </div>
      <div className="stat">
        <dt>Helpful 👍</dt>
        <dd>{summary.thumbsUp}</dd>
      </div>
      <div className="stat">
        <dt>Not helpful 👎</dt>
        <dd>{summary.thumbsDown}</dd>
      </div>
      <div className="stat">
        <dt>Not covered by the course</dt>
        <dd>{summary.unanswered}</dd>
      </div>
    </dl>
  );
}
