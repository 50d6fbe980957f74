import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api-error';

export type ApiQueryState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'error'; data: T | undefined; error: ApiError }
  | { status: 'success'; data: T; error: undefined };

export type ApiQuery<T> = ApiQueryState<T> & {
  retry: () => void;
  /**
   * Shows an answer the caller fetched itself (e.g. while polling for a webhook's effect)
   * as the latest one. A request still in flight is aborted, so it cannot overwrite it.
   */
  replace: (data: T) => void;
};

/**
 * Loads one endpoint for a component: loading, error and data, plus `retry`.
 * Deliberately small (no cache, no dedupe); each endpoint file wraps it in its own hook.
 * A request is aborted when the component unmounts or `key` changes, so late answers
 * never overwrite newer ones.
 */
export function useApiQuery<T>(fetcher: (signal: AbortSignal) => Promise<T>, key: string): ApiQuery<T> {
  const [state, setState] = useState<ApiQueryState<T>>({ status: 'loading', data: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef<AbortController | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the fetcher is identified by key; a new closure with the same key is the same request
  useEffect(() => {
    const controller = new AbortController();
    inFlight.current = controller;
    setState((previous) => ({ status: 'loading', data: previous.data, error: undefined }));
    fetcher(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, error: undefined });
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ status: 'error', data: previous.data, error: toApiError(cause) }));
      },
    );
    return () => controller.abort();
    // The fetcher is identified by `key`; a new closure with the same key is the same request.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => {
    inFlight.current?.abort();
    setState({ status: 'success', data, error: undefined });
  }, []);
  return { ...state, retry, replace };
}

export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  const message = cause instanceof Error ? cause.message : 'Something went wrong.';
  return new ApiError('INTERNAL', message, { cause });
}
