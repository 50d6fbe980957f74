import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/videos`, for the lesson filter: the creator's lessons by title. */
export function useLessonOptions() {
  return useApiQuery(
    (signal) =>
      apiRequest('/api/videos', { schema: VideoList, signal }).then((list) =>
        list.videos.map((v) => ({ id: v.id, title: v.title })),
      ),
    'question-lesson-options',
  );
}
