import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';
import { pollWhileProcessing } from '../use-poll-while-processing';

/** `GET /api/videos`: the company's videos, newest first, with where each stands in processing. */
export function getVideos(signal?: AbortSignal): Promise<z.output<typeof VideoList>> {
  return apiRequest('/api/videos', { schema: VideoList, ...(signal ? { signal } : {}) });
}

/** Polled while a video is processing and the list is on screen (`poll`: not behind another tab or a video's page). */
export function useVideos({ poll }: { poll: boolean }) {
  return useQuery({
    queryKey: useViewQueryKey('videos'),
    queryFn: apiQueryFn(getVideos),
    ...pollWhileProcessing(poll, (list: z.output<typeof VideoList>) => list.videos),
  });
}

/**
 * Reads the list and every open video's page again: after a write to a video (rename,
 * retry, reprocess, delete), an upload, or videos that arrived another way (an import).
 */
export function useRefreshVideos(): () => void {
  const queryClient = useQueryClient();
  const list = useViewQueryKey('videos');
  const detail = useViewQueryKey('video');
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: list });
    void queryClient.invalidateQueries({ queryKey: detail });
  }, [queryClient, list, detail]);
}
