import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { StudentQuestion } from '../../../shared/schemas/questions';
import { toApiError, useApiQuery } from '../../lib/use-api-query';
import { getStudentQuestions } from './api/get-student-questions';

/**
 * The first page through useApiQuery (loading, error, retry), and older pages
 * appended on demand. Older pages are keyed by cursor, so a retry of the first
 * page starts the list over instead of mixing two snapshots.
 */
export function useStudentQuestions() {
  const first = useApiQuery((signal) => getStudentQuestions({ signal }), 'student-questions');
  const [older, setOlder] = useState<{ from: string; questions: StudentQuestion[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>(undefined);
  const firstCursor = first.data?.nextCursor ?? null;
  // Pages loaded after a previous first page do not belong to this one.
  const current = older && older.from === firstCursor ? older : null;
  const inFlight = useRef(false);

  const loadMore = useCallback(async () => {
    const cursor = current ? current.nextCursor : firstCursor;
    if (!cursor || inFlight.current) return;
    inFlight.current = true;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await getStudentQuestions({ cursor });
      setOlder({ from: firstCursor!, questions: [...(current?.questions ?? []), ...page.questions], nextCursor: page.nextCursor });
    } catch (cause) {
      setMoreError(toApiError(cause));
    } finally {
      inFlight.current = false;
      setLoadingMore(false);
    }
  }, [current, firstCursor]);

  const questions = first.data ? [...first.data.questions, ...(current?.questions ?? [])] : undefined;
  const hasMore = Boolean(current ? current.nextCursor : firstCursor);
  return { first, summary: first.data?.summary, questions, hasMore, loadMore, loadingMore, moreError };
}
