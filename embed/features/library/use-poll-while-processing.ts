import type { Query } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { isProcessing } from './video-labels';

export const POLL_INTERVAL_MS = 2000;

type Pipelined = Pick<VideoSummary, 'status' | 'uploadedAt'>;

/**
 * Query options that reload every 2 s while any video is in the pipeline (the library list,
 * or one video's page), and stop once every one is completed or failed. A video whose upload
 * never completed is not polled for: nothing will change until someone uploads it. TanStack
 * restarts the interval after each answer, so polls never overlap. Nothing is polled while
 * `active` is false (the library kept mounted behind another dashboard tab) or the browser
 * tab is in the background (`refetchIntervalInBackground: false`, `lib/query-client.ts`);
 * coming back to the tab reloads at once (`refetchOnWindowFocus`), since progress has moved on.
 */
export function pollWhileProcessing<T>(active: boolean, videosOf: (data: T) => readonly Pipelined[]) {
  const processing = (query: Query<T, ApiError, T, readonly unknown[]>) => {
    const data = query.state.data;
    return active && data !== undefined && videosOf(data).some(isProcessing);
  };
  return {
    refetchInterval: (query: Query<T, ApiError, T, readonly unknown[]>) =>
      processing(query) ? POLL_INTERVAL_MS : false,
    refetchOnWindowFocus: processing,
  };
}

/**
 * Shown again (the library's dashboard tab, or back from a video's page): reloads at once when
 * something was processing, sharing a reload already on its way rather than cancelling it.
 */
export function useReloadWhenShown(
  active: boolean,
  videos: readonly Pipelined[] | undefined,
  refetch: (options: { cancelRefetch: boolean }) => unknown,
) {
  const processing = videos?.some(isProcessing) ?? false;
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current && processing) void refetch({ cancelRefetch: false });
    wasActive.current = active;
  }, [active, processing, refetch]);
}
