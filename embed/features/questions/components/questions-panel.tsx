import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useStudentQuestions } from '../use-student-questions';
import { QuestionItem } from './question-item';
import { QuestionsEmptyState } from './questions-empty-state';
import { QuestionsSummary } from './questions-summary';
import '../questions.css';

/**
 * What students ask, newest first: this week's counts, then each question with its answer and
 * rating. The view puts it in a card titled "Student questions".
 */
export function QuestionsPanel() {
  const { first, summary, questions, hasMore, loadMore, loadingMore, moreError } = useStudentQuestions();

  return (
    <div className="stack" aria-busy={first.status === 'loading' && !questions}>
      {first.status === 'error' ? (
        <ErrorNotice error={first.error} title={questions ? 'Could not refresh the questions' : 'Could not load the questions'} onRetry={first.retry} />
      ) : null}
      {questions === undefined ? (
        first.status === 'loading' ? <Skeleton lines={4} label="Loading student questions" /> : null
      ) : questions.length === 0 ? (
        <QuestionsEmptyState />
      ) : (
        <>
          {summary ? <QuestionsSummary summary={summary} /> : null}
          <ul className="question-list" aria-label="Recent questions">
            {questions.map((q) => (
              <QuestionItem key={q.id} question={q} />
            ))}
          </ul>
          {moreError ? <ErrorNotice error={moreError} title="Could not load older questions" onRetry={() => void loadMore()} /> : null}
          {hasMore && !moreError ? (
            <Button onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show older questions'}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
