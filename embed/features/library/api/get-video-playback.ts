import { useQuery } from '@tanstack/react-query';
import { VideoPlayback } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/videos/:id/playback`: a short-lived URL to stream from; `url` is null for a captions-only lesson. */
export function getVideoPlayback(id: string, signal?: AbortSignal): Promise<VideoPlayback> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/playback`, {
    schema: VideoPlayback,
    ...(signal ? { signal } : {}),
  });
}

export function useVideoPlayback(id: string) {
  return useQuery({
    queryKey: useViewQueryKey('video-playback', id),
    queryFn: apiQueryFn((signal) => getVideoPlayback(id, signal)),
    // A new signed URL would restart the player: asked for once per page, not on reconnecting.
    refetchOnReconnect: false,
  });
}
