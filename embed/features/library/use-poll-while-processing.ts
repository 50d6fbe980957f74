import { useEffect, useRef } from 'react';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { usePageVisible } from '../../lib/use-page-visible';
import { isProcessing } from './video-labels';

export const POLL_INTERVAL_MS = 2000;

/**
 * Reloads every 2 s while any video is in the pipeline (the library list, or one video's
 * page), and stops once every one is completed or failed. A video whose upload never
 * completed is not polled for: nothing will change until someone uploads it. `settled` is
 * false while a load is in flight, so polls never overlap. Nothing is polled while the
 * library is not shown (`active`: another dashboard tab) or the browser tab is in the
 * background; coming back reloads at once, since progress has moved on meanwhile.
 */
export function usePollWhileProcessing(
  videos: readonly Pick<VideoSummary, 'status' | 'uploadedAt'>[] | undefined,
  settled: boolean,
  reload: () => void,
  active = true,
) {
  const processing = videos?.some(isProcessing) ?? false;
  const visible = usePageVisible();
  const polling = active && visible;
  const paused = useRef(!polling);
  // biome-ignore lint/correctness/useExhaustiveDependencies: videos is the trigger: each reload re-arms the next poll
  useEffect(() => {
    if (!polling) {
      paused.current = true;
      return;
    }
    if (!processing || !settled) return;
    const resumed = paused.current;
    paused.current = false;
    const timer = setTimeout(reload, resumed ? 0 : POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [processing, settled, videos, reload, polling]);
}
