import { useQuery } from '@tanstack/react-query';
import { VideoDetail } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';
import { pollWhileProcessing } from '../use-poll-while-processing';

/** `GET /api/videos/:id`: one video with its transcript lines and what processing cost. */
export function getVideo(id: string, signal?: AbortSignal): Promise<VideoDetail> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}`, { schema: VideoDetail, ...(signal ? { signal } : {}) });
}

/** Polled while it is processing and its page is shown (`poll`). */
export function useVideo(id: string, { poll }: { poll: boolean }) {
  return useQuery({
    queryKey: useViewQueryKey('video', id),
    queryFn: apiQueryFn((signal) => getVideo(id, signal)),
    ...pollWhileProcessing(poll, (video: VideoDetail) => [video]),
  });
}
