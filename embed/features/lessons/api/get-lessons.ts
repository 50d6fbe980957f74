import { LessonList } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/lessons`: the course's completed lessons in the creator's order, with their modules. */
export function getLessons(signal?: AbortSignal) {
  return apiRequest('/api/lessons', { schema: LessonList, ...(signal ? { signal } : {}) });
}

export function useLessons() {
  return useApiQuery(getLessons, 'lessons');
}
