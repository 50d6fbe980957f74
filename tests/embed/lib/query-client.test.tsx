import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStarterQuestions } from '../../../embed/features/chat/api/get-starter-questions';
import { apiQueryFn, createQueryClient } from '../../../embed/lib/query-client';
import { ViewContextProvider, viewQueryKey } from '../../../embed/lib/view-context';
import { ApiError } from '../../../shared/api-error';
import { stubFetch } from '../support/fetch-stub';
import { testQueryClient } from '../support/render';

describe('createQueryClient', () => {
  const retry = createQueryClient().getDefaultOptions().queries?.retry as (n: number, e: ApiError) => boolean;

  it('retries only what a retry can help (network, 429, 5xx), twice at most', () => {
    expect(retry(0, new ApiError('SERVICE_UNAVAILABLE', 'offline'))).toBe(true);
    expect(retry(1, new ApiError('INTERNAL', 'boom'))).toBe(true);
    expect(retry(0, new ApiError('RATE_LIMITED', 'slow down'))).toBe(true);
    expect(retry(2, new ApiError('UPSTREAM_UNAVAILABLE', 'down'))).toBe(false);
  });

  it('shows a 4xx at once', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'] as const) {
      expect(retry(0, new ApiError(code, code))).toBe(false);
    }
  });

  it('neither refetches on focus nor polls in a hidden tab by default', () => {
    const queries = createQueryClient().getDefaultOptions().queries;
    expect(queries?.refetchOnWindowFocus).toBe(false);
    expect(queries?.refetchIntervalInBackground).toBe(false);
  });
});

describe('apiQueryFn', () => {
  it('fails with an ApiError whatever the fetcher threw', async () => {
    const failing = apiQueryFn(() => Promise.reject(new TypeError('bug')));
    const error = await failing({ signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INTERNAL');
    expect((error as ApiError).message).toBe('bug');
  });
});

function Starters() {
  const starters = useStarterQuestions();
  return <p>{starters.data ? `${starters.data.starters.length} starters` : 'loading'}</p>;
}

describe('query keys', () => {
  it("start with the view's Whop context", () => {
    expect(viewQueryKey({ experienceId: 'exp_1' }, 'videos', 'v1')).toEqual(['experience', 'exp_1', 'videos', 'v1']);
    expect(viewQueryKey({ companyId: 'biz_1' }, 'videos')).toEqual(['company', 'biz_1', 'videos']);
    expect(viewQueryKey(undefined, 'sandbox-info')).toEqual(['no-view', 'sandbox-info']);
  });

  it('two views never share a cache entry, even for the same endpoint on one client', async () => {
    const { calls } = stubFetch({ body: { starters: [] } });
    const client = testQueryClient();
    render(
      <QueryClientProvider client={client}>
        <ViewContextProvider value={{ experienceId: 'exp_a' }}>
          <Starters />
        </ViewContextProvider>
        <ViewContextProvider value={{ experienceId: 'exp_b' }}>
          <Starters />
        </ViewContextProvider>
      </QueryClientProvider>,
    );
    await vi.waitFor(() => expect(screen.getAllByText('0 starters')).toHaveLength(2));
    expect(calls.map((call) => call.url)).toEqual(['/api/chat/starters', '/api/chat/starters']);
    const keys = client
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey);
    expect(keys).toEqual([
      ['experience', 'exp_a', 'chat-starters'],
      ['experience', 'exp_b', 'chat-starters'],
    ]);
  });
});
