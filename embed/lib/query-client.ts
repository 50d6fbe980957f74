import { type DefaultOptions, QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../shared/api-error';
import { toApiError } from './to-api-error';

declare module '@tanstack/react-query' {
  // Every query and mutation fails with the shared ApiError (`apiQueryFn`, `apiMutationFn` make it true).
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The embed's server-state cache, one per page (`main.tsx`; tests make one per render).
 * - A failure is retried (twice, TanStack's backoff) only when its code says trying again can
 *   help (`ApiError.retryable`: network, 429, 5xx); a 401, 403 or 404 shows at once.
 * - No refetch on focus: inside Whop's iframe focus moves whenever the student clicks between
 *   Whop and the app, and what a page shows changes through its own writes, which invalidate
 *   what they change. Queries that follow the server's work (processing, a webhook) poll
 *   instead, and polling stops while the tab is hidden (`refetchIntervalInBackground: false`).
 * Every mount still asks again (staleTime 0), showing what it had meanwhile.
 */
export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        retry: (failures, error) => failures < 2 && error.retryable,
        refetchOnWindowFocus: false,
        refetchIntervalInBackground: false,
        ...overrides.queries,
      },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
}

/** A fetcher as a query function: it gets TanStack's abort signal and fails with an `ApiError`. */
export function apiQueryFn<T>(fetcher: (signal: AbortSignal) => Promise<T>) {
  return ({ signal }: { signal: AbortSignal }): Promise<T> =>
    fetcher(signal).catch((cause: unknown) => {
      throw toApiError(cause);
    });
}

/** A write as a mutation function that fails with an `ApiError`. */
export function apiMutationFn<I, T>(write: (input: I) => Promise<T>) {
  return (input: I): Promise<T> =>
    write(input).catch((cause: unknown) => {
      throw toApiError(cause);
    });
}
