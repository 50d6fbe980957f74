import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { type SearchHit, SearchResults } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { toApiError } from '../../../lib/to-api-error';

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
 * The hits for `query` (empty: nothing searched), growing page by page with `loadMore`.
 * A new query starts over and drops the older query's late answers.
 */
export function useTranscriptSearch(query: string) {
  const [state, setState] = useState<TranscriptSearchState>({ status: 'idle' });
  const [offset, setOffset] = useState(0);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query restarts paging; the query is the trigger
  useEffect(() => setOffset(0), [query]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: offset and attempt are triggers (next page, retry); state is updated through setters
  useEffect(() => {
    if (!query) return setState({ status: 'idle' });
    const controller = new AbortController();
    setState((previous) => ({
      status: 'loading',
      hits: offset > 0 && previous.status !== 'idle' ? previous.hits : [],
    }));
    searchTranscripts(query, offset, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          status: 'success',
          hits: offset > 0 && previous.status !== 'idle' ? [...previous.hits, ...page.hits] : page.hits,
          nextOffset: page.nextOffset,
        }));
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          status: 'error',
          hits: previous.status === 'idle' ? [] : previous.hits,
          error: toApiError(cause),
        }));
      },
    );
    return () => controller.abort();
  }, [query, offset, attempt]);

  const loadMore = useCallback(() => {
    if (state.status === 'success' && state.nextOffset !== null) setOffset(state.nextOffset);
  }, [state]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, retry };
}
