import { type FormEvent, useId, useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { useTryQuestion } from '../api/try-question';
import '../insights.css';

/**
 * "Try a question": the moments a student's answer would cite, with their scores, and
 * whether Chronos would say the course does not cover it. Uses the chat's own
 * retrieval; costs no student's question and leaves no history.
 */
export function TestBenchPanel() {
  const id = useId();
  const [question, setQuestion] = useState('');
  const attempt = useTryQuestion();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question.trim()) attempt.mutate(question.trim());
  };
  const result = attempt.data;

  return (
    <div className="stack">
      <form className="test-bench__form" onSubmit={submit}>
        <label htmlFor={`${id}-q`}>A question, as a student would ask it</label>
        <div className="test-bench__row">
          <input
            id={`${id}-q`}
            type="text"
            maxLength={2000}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <Button type="submit" variant="primary" disabled={attempt.status === 'pending' || !question.trim()}>
            {attempt.status === 'pending' ? 'Trying…' : 'Try it'}
          </Button>
        </div>
      </form>
      {attempt.status === 'error' ? <ErrorNotice error={attempt.error} title="Could not try the question" /> : null}
      {result ? (
        <div className="stack" aria-live="polite">
          <p className="test-bench__verdict">
            {result.refused ? (
              <Badge tone="warning">Would be refused</Badge>
            ) : (
              <Badge tone="success">Would be answered</Badge>
            )}{' '}
            {result.refused
              ? 'Nothing in your course clears the relevance floor: students are told the course does not cover this (it costs them no question).'
              : `The answer would cite ${result.moments.filter((m) => m.cited).length} moment(s), in this order.`}
          </p>
          {result.moments.length > 0 ? (
            <table className="test-bench__table">
              <caption>
                Passages, best first (a passage is cited when it holds {Math.round(result.coverageFloor * 100)} % of the
                question's words or is close in meaning)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Moment</th>
                  <th scope="col">Cited</th>
                  <th scope="col">Score</th>
                  <th scope="col">Words covered</th>
                  <th scope="col">Passage</th>
                </tr>
              </thead>
              <tbody>
                {result.moments.map((m) => (
                  <tr key={`${m.kind ?? 'lesson'}:${m.videoId}@${m.startSeconds}`}>
                    <td>
                      {m.kind === 'note'
                        ? m.videoId
                          ? `Creator's note · ${m.videoTitle} · ${formatTimestamp(m.startSeconds)}`
                          : "Creator's note"
                        : `${m.videoTitle || 'Untitled lesson'} · ${formatTimestamp(m.startSeconds)}`}
                    </td>
                    <td>{m.cited ? 'Yes' : 'No (below the floor)'}</td>
                    <td>{m.score.toFixed(4)}</td>
                    <td>{Math.round(m.coverage * 100)} %</td>
                    <td className="test-bench__excerpt">{m.excerpt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="gap-intro">No passage of your course shares words with this question.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
