import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { VideoPlayback } from '../../../shared/schemas/videos';
import { useVideoPlaybackKey, useVideoPlaybackQuery } from './api/get-video-playback';

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

/**
 * Where the player streams `videoId` from (the page's query cache, `api/get-video-playback.ts`).
 * A fresh link is asked for by resetting the video's query: the old link is dropped, so the
 * player shows "Loading" rather than the link that just failed.
 */
export function useVideoPlayback(videoId: string): VideoPlaybackQuery {
  const query = useVideoPlaybackQuery(videoId);
  const queryClient = useQueryClient();
  const queryKey = useVideoPlaybackKey(videoId);
  const refreshed = useRef(new Set<string>());

  const reset = useCallback(() => void queryClient.resetQueries({ queryKey, exact: true }), [queryClient, queryKey]);

  const refreshOnce = useCallback(() => {
    if (refreshed.current.has(videoId)) return false;
    refreshed.current.add(videoId);
    reset();
    return true;
  }, [videoId, reset]);

  const retry = useCallback(() => {
    refreshed.current.delete(videoId);
    reset();
  }, [videoId, reset]);

  const state: PlaybackState = query.data
    ? { status: 'success', playback: query.data, error: undefined }
    : query.status === 'error'
      ? { status: 'error', playback: undefined, error: query.error }
      : { status: 'loading', playback: undefined, error: undefined };
  return { state, refreshOnce, retry };
}
