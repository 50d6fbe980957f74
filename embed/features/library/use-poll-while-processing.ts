import { useEffect } from 'react';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { isProcessing } from './video-labels';

export const POLL_INTERVAL_MS = 2000;

/**
 * Reloads every 2 s while any video is in the pipeline (the library list, or one video's
 * page), and stops once every one is completed or failed. A video whose upload never
 * completed is not polled for: nothing will change until someone uploads it. `settled` is
 * false while a load is in flight, so polls never overlap.
 */
export function usePollWhileProcessing(videos: readonly Pick<VideoSummary, 'status' | 'uploadedAt'>[] | undefined, settled: boolean, reload: () => void) {
  const processing = videos?.some(isProcessing) ?? false;
  useEffect(() => {
    if (!processing || !settled) return;
    const timer = setTimeout(reload, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [processing, settled, videos, reload]);
}
