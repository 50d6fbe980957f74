import { useQuery } from '@tanstack/react-query';
import { CourseOutline, type OutlineRequest } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/course/outline`: every module and video of the creator, in order. */
export function getCourseOutline(signal?: AbortSignal) {
  return apiRequest('/api/course/outline', { schema: CourseOutline, ...(signal ? { signal } : {}) });
}

export function useCourseOutline() {
  return useQuery({ queryKey: useViewQueryKey('course-outline'), queryFn: apiQueryFn(getCourseOutline) });
}

/** `PUT /api/course/outline`: the whole order at once; answers the outline as saved. */
export function saveCourseOutline(outline: OutlineRequest) {
  return apiRequest('/api/course/outline', { method: 'PUT', body: outline, schema: CourseOutline });
}
