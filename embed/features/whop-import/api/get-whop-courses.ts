import { useQuery } from '@tanstack/react-query';
import { WhopImportTree } from '../../../../shared/schemas/whop-import';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/whop-import/courses`: the company's Whop courses, chapters and lessons, with what is imported. */
export function getWhopCourses(signal?: AbortSignal): Promise<WhopImportTree> {
  return apiRequest('/api/whop-import/courses', { schema: WhopImportTree, ...(signal ? { signal } : {}) });
}

export function useWhopCourses() {
  return useQuery({ queryKey: useViewQueryKey('whop-courses'), queryFn: apiQueryFn(getWhopCourses) });
}
