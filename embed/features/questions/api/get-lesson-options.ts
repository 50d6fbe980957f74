import { useQuery } from '@tanstack/react-query';
import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/videos`, for the lesson filter: the creator's lessons by title. */
export function useLessonOptions() {
  return useQuery({
    queryKey: useViewQueryKey('question-lesson-options'),
    queryFn: apiQueryFn((signal) =>
      apiRequest('/api/videos', { schema: VideoList, signal }).then((list) =>
        list.videos.map((v) => ({ id: v.id, title: v.title })),
      ),
    ),
  });
}
