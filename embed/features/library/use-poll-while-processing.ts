import { useEffect } from 'react';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { isFinal } from './video-labels';

export const POLL_INTERVAL_MS = 2000;

/**
 * Reloads the list every 2 s while any video is still being processed, and stops once
 * every one is completed or failed. `settled` is false while a load is in flight, so
 * polls never overlap.
 */
export function usePollWhileProcessing(videos: readonly VideoSummary[] | undefined, settled: boolean, reload: () => void) {
  const processing = videos?.some((video) => !isFinal(video.status)) ?? false;
  useEffect(() => {
    if (!processing || !settled) return;
    const timer = setTimeout(reload, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [processing, settled, videos, reload]);
}
