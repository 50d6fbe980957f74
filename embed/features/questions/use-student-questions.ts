import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { StudentQuestion } from '../../../shared/schemas/questions';
import { toApiError, useApiQuery } from '../../lib/use-api-query';
import { filterQuery, getStudentQuestions, type QuestionFilters } from './api/get-student-questions';

/**
 * The first page through useApiQuery (loading, error, retry), and older pages
 * appended on demand. Older pages are keyed by the filters and the first page's
 * cursor, so a retry or a new filter starts the list over instead of mixing two snapshots.
 */
export function useStudentQuestions(filters: QuestionFilters) {
  const filterKey = filterQuery(filters).toString();
  const first = useApiQuery((signal) => getStudentQuestions({ signal, filters }), `student-questions?${filterKey}`);
  const [older, setOlder] = useState<{ from: string; questions: StudentQuestion[]; nextCursor: string | null } | null>(
    null,
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>(undefined);
  const firstCursor = first.data?.nextCursor ?? null;
  const owner = `${filterKey}|${firstCursor}`;
  // Pages loaded after a previous first page (or other filters) do not belong to this one.
  const current = older && older.from === owner ? older : null;
  const inFlight = useRef(false);

  const loadMore = useCallback(async () => {
    const cursor = current ? current.nextCursor : firstCursor;
    if (!cursor || inFlight.current) return;
    inFlight.current = true;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await getStudentQuestions({ cursor, filters });
      setOlder({
        from: owner,
        questions: [...(current?.questions ?? []), ...page.questions],
        nextCursor: page.nextCursor,
      });
    } catch (cause) {
      setMoreError(toApiError(cause));
    } finally {
      inFlight.current = false;
      setLoadingMore(false);
    }
  }, [current, firstCursor, filters, owner]);

  const questions = first.data ? [...first.data.questions, ...(current?.questions ?? [])] : undefined;
  const hasMore = Boolean(current ? current.nextCursor : firstCursor);
  return { first, summary: first.data?.summary, questions, hasMore, loadMore, loadingMore, moreError };
}
