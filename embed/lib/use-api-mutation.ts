import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api-error';
import { toApiError } from './use-api-query';

export type ApiMutationState<T> =
  | { status: 'idle'; data: undefined; error: undefined }
  | { status: 'pending'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: ApiError }
  | { status: 'success'; data: T; error: undefined };

export type ApiMutation<I, T> = ApiMutationState<T> & {
  /** Sends the request; resolves to the answer, or undefined when it failed (the error is in state). */
  run: (input: I) => Promise<T | undefined>;
  reset: () => void;
};

const idle = { status: 'idle', data: undefined, error: undefined } as const;

/**
 * One write an action (a button) owns: idle, pending, error or success.
 * Answers that arrive after the component unmounted, or after a newer `run`, are dropped;
 * the request itself is not aborted, because the server may already have acted on it.
 */
/** `mutate` should be stable (a module-level fetcher), or `run` changes with it. */
export function useApiMutation<I, T>(mutate: (input: I) => Promise<T>): ApiMutation<I, T> {
  const [state, setState] = useState<ApiMutationState<T>>(idle);
  const latest = useRef(0);

  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  const run = useCallback(
    async (input: I) => {
      const call = ++latest.current;
      setState({ status: 'pending', data: undefined, error: undefined });
      try {
        const data = await mutate(input);
        if (call === latest.current) setState({ status: 'success', data, error: undefined });
        return data;
      } catch (cause) {
        if (call === latest.current) setState({ status: 'error', data: undefined, error: toApiError(cause) });
        return undefined;
      }
    },
    [mutate],
  );

  const reset = useCallback(() => {
    latest.current += 1;
    setState(idle);
  }, []);

  return { ...state, run, reset };
}
