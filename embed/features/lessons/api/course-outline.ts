import { CourseOutline, type OutlineRequest } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/course/outline`: every module and video of the creator, in order. */
export function getCourseOutline(signal?: AbortSignal) {
  return apiRequest('/api/course/outline', { schema: CourseOutline, ...(signal ? { signal } : {}) });
}

export function useCourseOutline() {
  return useApiQuery(getCourseOutline, 'course-outline');
}

/** `PUT /api/course/outline`: the whole order at once; answers the outline as saved. */
export function saveCourseOutline(outline: OutlineRequest) {
  return apiRequest('/api/course/outline', { method: 'PUT', body: outline, schema: CourseOutline });
}
