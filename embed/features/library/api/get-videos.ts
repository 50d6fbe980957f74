import type { z } from 'zod';
import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/videos`: the company's videos, newest first, with where each stands in processing. */
export function getVideos(signal?: AbortSignal): Promise<z.output<typeof VideoList>> {
  return apiRequest('/api/videos', { schema: VideoList, ...(signal ? { signal } : {}) });
}

export function useVideos() {
  return useApiQuery(getVideos, 'videos');
}
