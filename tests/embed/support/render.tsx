import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  type RenderHookOptions,
  type RenderOptions,
  renderHook as renderHookWithoutClient,
  render as renderWithoutClient,
} from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import { createQueryClient } from '../../../embed/lib/query-client';

const clients = new Set<ReturnType<typeof createQueryClient>>();

afterEach(() => {
  for (const client of clients) client.clear();
  clients.clear();
});

/**
 * A fresh query cache for one render, as `main.tsx` gives the page: nothing is shared between
 * tests. Failures are not retried (each test scripts its replies; a retry would take the next
 * one and wait TanStack's backoff); `retry` and the rest otherwise stay the app's own defaults.
 */
export function testQueryClient() {
  const client = createQueryClient({ queries: { retry: false } });
  clients.add(client);
  return client;
}

function withQueryClient(client: QueryClient = testQueryClient()) {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per render, so every rerender keeps this one client
  return function QueryClientWrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

/**
 * Testing Library's `render`, inside a fresh `QueryClientProvider` (kept across `rerender`);
 * `queryClient` (from `testQueryClient()`) shares one cache between renders, as one page does.
 */
export function render(
  ui: ReactElement,
  { queryClient, ...options }: Omit<RenderOptions, 'wrapper'> & { queryClient?: QueryClient } = {},
) {
  return renderWithoutClient(ui, { ...options, wrapper: withQueryClient(queryClient) });
}

/** Testing Library's `renderHook`, inside a fresh `QueryClientProvider`. */
export function renderHook<Result, Props>(
  hook: (props: Props) => Result,
  options: Omit<RenderHookOptions<Props>, 'wrapper'> = {},
) {
  return renderHookWithoutClient(hook, { ...options, wrapper: withQueryClient() });
}
