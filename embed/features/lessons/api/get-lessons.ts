import { useQuery } from '@tanstack/react-query';
import { LessonList } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/lessons`: the course's completed lessons in the creator's order, with their modules. */
export function getLessons(signal?: AbortSignal) {
  return apiRequest('/api/lessons', { schema: LessonList, ...(signal ? { signal } : {}) });
}

export function useLessons() {
  return useQuery({ queryKey: useViewQueryKey('lessons'), queryFn: apiQueryFn(getLessons) });
}
