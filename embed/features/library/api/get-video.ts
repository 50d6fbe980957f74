import { VideoDetail } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/videos/:id`: one video with its transcript lines and what processing cost. */
export function getVideo(id: string, signal?: AbortSignal): Promise<VideoDetail> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}`, { schema: VideoDetail, ...(signal ? { signal } : {}) });
}

export function useVideo(id: string) {
  return useApiQuery((signal) => getVideo(id, signal), `video:${id}`);
}
