import type { ReactNode } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import type { StudentQuestion } from '../../../../shared/schemas/questions';
import { Badge } from '../../../ui/badge';

const asked = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function outcome(q: StudentQuestion) {
  if (q.noAnswer) return <Badge tone="warning">Not covered</Badge>;
  if (q.status === 'failed') return <Badge tone="danger">Failed</Badge>;
  if (q.status === 'stopped') return <Badge>Stopped</Badge>;
  return null;
}

function feedback(q: StudentQuestion) {
  if (q.feedback === 1) return <Badge tone="success">👍 Helpful</Badge>;
  if (q.feedback === -1) return <Badge tone="danger">👎 Not helpful</Badge>;
  return null;
}

/** The student as Whop names them: display name, else @username. */
function studentName(q: StudentQuestion): string {
  if (q.student.name) return q.student.username ? `${q.student.name} (@${q.student.username})` : q.student.name;
  return q.student.username ? `@${q.student.username}` : 'A student';
}

/**
 * One student question with the start of the answer, how it was rated and the moments it cited;
 * `actions` (from the view) go under it, e.g. "Correct this answer".
 */
export function QuestionItem({ question: q, actions }: { question: StudentQuestion; actions?: ReactNode }) {
  return (
    <li className="question-item">
      <div className="question-item__head">
        <p className="question-item__question">{q.question || '(question not recorded)'}</p>
        <div className="question-item__badges">
          {outcome(q)}
          {feedback(q)}
        </div>
      </div>
      {q.answerExcerpt ? <p className="question-item__answer">{q.answerExcerpt}</p> : null}
      {q.cited.length > 0 ? (
        <ul className="question-item__cited" aria-label="Cited moments">
          {q.cited.map((moment) => (
            <li key={`${moment.videoId}@${moment.startSeconds}`}>
              {moment.videoTitle || 'Deleted lesson'} · {formatTimestamp(moment.startSeconds)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="question-item__meta">
        <span className="question-item__student">{studentName(q)}</span> ·{' '}
        <time dateTime={q.askedAt}>{asked.format(new Date(q.askedAt))}</time>
        {q.latencyMs !== null ? ` · answered in ${(q.latencyMs / 1000).toFixed(1)} s` : null}
      </p>
      {actions}
    </li>
  );
}
