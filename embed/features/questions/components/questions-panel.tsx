import { type ReactNode, useState } from 'react';
import type { StudentQuestion } from '../../../../shared/schemas/questions';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { NO_FILTERS, type QuestionFilters } from '../api/get-student-questions';
import { useStudentQuestions } from '../use-student-questions';
import { ExportQuestionsButton } from './export-questions-button';
import { QuestionItem } from './question-item';
import { QuestionsEmptyState } from './questions-empty-state';
import { QuestionsFilters } from './questions-filters';
import { QuestionsSummary } from './questions-summary';
import '../questions.css';

/**
 * What students ask, newest first: this week's counts, filters (outcome, lesson, dates,
 * words), then each question with who asked, its answer and rating; CSV export of what
 * the filters show. The view puts it in a card titled "Student questions", and may give
 * each answer actions of another feature (`answerActions`: "Correct this answer").
 */
export function QuestionsPanel({ answerActions }: { answerActions?: (question: StudentQuestion) => ReactNode } = {}) {
  const [filters, setFilters] = useState<QuestionFilters>(NO_FILTERS);
  const { first, error, updating, summary, questions, hasMore, loadMore, loadingMore, moreError } =
    useStudentQuestions(filters);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <div className="stack" aria-busy={first.isPending}>
      {error ? (
        <ErrorNotice
          error={error}
          title={questions ? 'Could not refresh the questions' : 'Could not load the questions'}
          onRetry={() => void first.refetch()}
        />
      ) : null}
      {questions === undefined ? (
        first.isPending ? (
          <Skeleton lines={4} label="Loading student questions" />
        ) : null
      ) : questions.length === 0 && !filtered ? (
        <QuestionsEmptyState />
      ) : (
        <>
          {summary ? <QuestionsSummary summary={summary} /> : null}
          <QuestionsFilters value={filters} onChange={setFilters} />
          <div className="question-tools">
            <p className="question-tools__status" aria-live="polite">
              {updating
                ? 'Updating…'
                : `${questions.length.toLocaleString()}${hasMore ? '+' : ''} ${filtered ? 'matching ' : ''}questions shown`}
            </p>
            <ExportQuestionsButton filters={filters} />
          </div>
          {questions.length === 0 ? (
            <EmptyState
              title="No questions match"
              description="Try other filters, or clear them to see every question."
            />
          ) : (
            <ul className="question-list" aria-label="Recent questions">
              {questions.map((q) => (
                <QuestionItem key={q.id} question={q} actions={answerActions?.(q)} />
              ))}
            </ul>
          )}
          {moreError ? (
            <ErrorNotice error={moreError} title="Could not load older questions" onRetry={() => void loadMore()} />
          ) : null}
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
