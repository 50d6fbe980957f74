import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { VideoPlayback } from '../../../shared/schemas/videos';
import { toApiError } from '../../lib/to-api-error';
import type { PlaybackCache } from './api/get-video-playback';

export type PlaybackState =
  | { status: 'loading'; playback: undefined; error: undefined }
  | { status: 'success'; playback: VideoPlayback; error: undefined }
  | { status: 'error'; playback: undefined; error: ApiError };

export interface VideoPlaybackQuery {
  state: PlaybackState;
  /**
   * The media element could not load the URL (an expired signed URL looks exactly like this):
   * asks for a new one, once per video. Returns false when that was already tried.
   */
  refreshOnce: () => boolean;
  /** Asks again, whatever happened before (the viewer pressed Retry). */
  retry: () => void;
}

const LOADING: PlaybackState = { status: 'loading', playback: undefined, error: undefined };

/** Where the player streams `videoId` from, through the screen's cache. */
export function useVideoPlayback(videoId: string, cache: PlaybackCache): VideoPlaybackQuery {
  const [state, setState] = useState<PlaybackState>(LOADING);
  // A fresh request (bypassing the cache) is for the video it was made for only.
  const [request, setRequest] = useState<{ attempt: number; freshFor?: string }>({ attempt: 0 });
  const refreshed = useRef(new Set<string>());

  useEffect(() => {
    const controller = new AbortController();
    setState(LOADING);
    cache.get(videoId, { signal: controller.signal, fresh: request.freshFor === videoId }).then(
      (playback) => {
        if (!controller.signal.aborted) setState({ status: 'success', playback, error: undefined });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', playback: undefined, error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [videoId, cache, request]);

  const refreshOnce = useCallback(() => {
    if (refreshed.current.has(videoId)) return false;
    refreshed.current.add(videoId);
    cache.forget(videoId);
    setRequest((previous) => ({ attempt: previous.attempt + 1, freshFor: videoId }));
    return true;
  }, [videoId, cache]);

  const retry = useCallback(() => {
    refreshed.current.delete(videoId);
    setRequest((previous) => ({ attempt: previous.attempt + 1, freshFor: videoId }));
  }, [videoId]);

  return { state, refreshOnce, retry };
}
