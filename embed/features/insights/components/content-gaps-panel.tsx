import { EmptyState } from '../../../ui/empty-state';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useContentGaps } from '../api/get-content-gaps';
import { ContentGapItem } from './content-gap-item';
import '../insights.css';

/**
 * "What to record next": the topics students asked about that the course did not
 * answer (or answered to a 👎), most students first, and the lessons that closed gaps lately.
 */
export function ContentGapsPanel() {
  const query = useContentGaps();
  const data = query.data;
  return (
    <div className="stack" aria-busy={query.isFetching}>
      {query.status === 'error' ? (
        <ErrorNotice error={query.error} title="Could not load the content gaps" onRetry={() => void query.refetch()} />
      ) : null}
      {data === undefined ? (
        query.isPending ? (
          <Skeleton lines={4} label="Loading content gaps" />
        ) : null
      ) : data.gaps.length === 0 ? (
        <EmptyState
          title="No content gaps"
          description={
            data.analysedQuestions === 0
              ? 'When students ask what your lessons do not cover, the topics show up here, so you know what to record next.'
              : `${data.analysedQuestions.toLocaleString()} questions went unanswered or were rated 👎, but no topic came up twice yet.`
          }
        />
      ) : (
        <>
          <p className="gap-intro">
            Topics students asked about that your course does not answer, from the last 90 days. A topic closes by
            itself when a new lesson answers its questions.
            {data.oneOffQuestions > 0
              ? ` ${data.oneOffQuestions.toLocaleString()} more questions were asked only once.`
              : ''}
          </p>
          <ol className="gap-list" aria-label="Content gaps">
            {data.gaps.map((gap) => (
              <ContentGapItem key={gap.key} gap={gap} />
            ))}
          </ol>
        </>
      )}
      {data && data.closed.length > 0 ? (
        <section aria-labelledby="gaps-closed-title">
          <h3 id="gaps-closed-title" className="gap-closed__title">
            Closed by new lessons
          </h3>
          <ul className="gap-closed">
            {data.closed.map((c) => (
              <li key={`${c.videoId ?? 'deleted'}-${c.closedAt}`}>
                {c.videoTitle || 'Deleted lesson'} now answers {c.questions.toLocaleString()}{' '}
                {c.questions === 1 ? 'question' : 'questions'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
