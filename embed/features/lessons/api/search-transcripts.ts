import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { type SearchHit, SearchResults } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { toApiError } from '../../../lib/to-api-error';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/lessons/search?q=&offset=`: a page of transcript hits, best first. */
export function searchTranscripts(q: string, offset: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ q, offset: String(offset) });
  return apiRequest(`/api/lessons/search?${params}`, { schema: SearchResults, ...(signal ? { signal } : {}) });
}

export type TranscriptSearchState =
  | { status: 'idle' }
  | { status: 'loading'; hits: SearchHit[] }
  | { status: 'error'; hits: SearchHit[]; error: ApiError }
  | { status: 'success'; hits: SearchHit[]; nextOffset: number | null };

/**
 * The hits for `query` (empty: nothing searched), growing page by page with `loadMore`
 * (an infinite query keyed by the words: a new query starts over, and an older query's late
 * answers land in its own entry). `retry` asks again for what failed: the first page, or the
 * next one with the hits so far kept.
 */
export function useTranscriptSearch(query: string) {
  const search = useInfiniteQuery({
    queryKey: useViewQueryKey('transcript-search', query),
    queryFn: ({ pageParam, signal }) =>
      searchTranscripts(query, pageParam, signal).catch((cause: unknown) => {
        throw toApiError(cause);
      }),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextOffset,
    enabled: query !== '',
  });
  const hits = search.data?.pages.flatMap((page) => page.hits) ?? [];
  const state: TranscriptSearchState =
    query === ''
      ? { status: 'idle' }
      : search.isFetching
        ? { status: 'loading', hits }
        : search.status === 'error'
          ? { status: 'error', hits, error: search.error }
          : search.status === 'success'
            ? { status: 'success', hits, nextOffset: search.data.pages.at(-1)?.nextOffset ?? null }
            : { status: 'loading', hits };

  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage, refetch } = search;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  const retry = useCallback(
    () => void (isFetchNextPageError ? fetchNextPage() : refetch()),
    [isFetchNextPageError, fetchNextPage, refetch],
  );
  return { state, loadMore, retry };
}
