import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { toApiError } from '../../lib/to-api-error';
import { useViewQueryKey } from '../../lib/view-context';
import { filterQuery, getStudentQuestions, type QuestionFilters } from './api/get-student-questions';

/**
 * The questions, one page after another (TanStack's infinite query, keyed by the filters):
 * the first page loads with the panel, older ones are appended on demand. A retry or another
 * filter starts the list over instead of mixing two snapshots; until the new first page
 * arrives the previous list stays on screen ("Updating…").
 */
export function useStudentQuestions(filters: QuestionFilters) {
  const query = useInfiniteQuery({
    queryKey: useViewQueryKey('student-questions', filterQuery(filters).toString()),
    queryFn: ({ pageParam, signal }) =>
      getStudentQuestions({ cursor: pageParam, signal, filters }).catch((cause: unknown) => {
        throw toApiError(cause);
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const moreFailed = query.isFetchNextPageError;
  return {
    first: query,
    /** The list itself could not load (or refresh); a failed older page is `moreError`. */
    error: query.isError && !moreFailed ? query.error : undefined,
    updating: query.isFetching && !query.isFetchingNextPage,
    summary: pages?.[0]?.summary,
    questions: pages?.flatMap((page) => page.questions),
    hasMore: query.hasNextPage,
    loadMore: () => query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
    moreError: moreFailed ? query.error : undefined,
  };
}
