import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../../shared/api-error';
import { CourseOutline, type OutlineRequest } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn, apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';
import { type Outline, toOutlineRequest } from '../outline-order';

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

/**
 * Saves a new order, shown at once: the outline query holds it before the request leaves;
 * the server's answer replaces it, and a failure puts back what was shown before.
 */
export function useSaveCourseOutline() {
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('course-outline');
  return useMutation<Outline, ApiError, Outline, { before: Outline | undefined }>({
    mutationFn: apiMutationFn((next: Outline) => saveCourseOutline(toOutlineRequest(next))),
    onMutate: (next) => {
      void queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<Outline>(queryKey);
      queryClient.setQueryData(queryKey, next);
      return { before };
    },
    onError: (_error, _next, context) => {
      if (context?.before) queryClient.setQueryData(queryKey, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKey, saved),
  });
}

/**
 * A module write (`course-modules.ts`: create, rename, delete), then the outline as the
 * server has it; it succeeds only once that is read, and fails if either fails.
 */
export function useCourseModuleWrite() {
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('course-outline');
  return useMutation({
    mutationFn: apiMutationFn((write: () => Promise<unknown>) => write()),
    onSuccess: () => queryClient.refetchQueries({ queryKey, exact: true }, { throwOnError: true }),
  });
}
