import { useQuery } from '@tanstack/react-query';
import { LessonDetail } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/lessons/:id`: one lesson with its transcript (readable without a media file). */
export function getLesson(videoId: string, signal?: AbortSignal) {
  return apiRequest(`/api/lessons/${encodeURIComponent(videoId)}`, {
    schema: LessonDetail,
    ...(signal ? { signal } : {}),
  });
}

export function useLesson(videoId: string) {
  return useQuery({
    queryKey: useViewQueryKey('lesson', videoId),
    queryFn: apiQueryFn((signal) => getLesson(videoId, signal)),
  });
}
