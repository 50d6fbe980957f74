import { LessonDetail } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/lessons/:id`: one lesson with its transcript (readable without a media file). */
export function getLesson(videoId: string, signal?: AbortSignal) {
  return apiRequest(`/api/lessons/${encodeURIComponent(videoId)}`, {
    schema: LessonDetail,
    ...(signal ? { signal } : {}),
  });
}

export function useLesson(videoId: string) {
  return useApiQuery((signal) => getLesson(videoId, signal), `lesson:${videoId}`);
}
