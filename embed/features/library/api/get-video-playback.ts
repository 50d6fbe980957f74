import { VideoPlayback } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/videos/:id/playback`: a short-lived URL to stream from; `url` is null for a captions-only lesson. */
export function getVideoPlayback(id: string, signal?: AbortSignal): Promise<VideoPlayback> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/playback`, {
    schema: VideoPlayback,
    ...(signal ? { signal } : {}),
  });
}

export function useVideoPlayback(id: string) {
  return useApiQuery((signal) => getVideoPlayback(id, signal), `playback:${id}`);
}
