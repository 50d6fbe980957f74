import { useQuery } from '@tanstack/react-query';
import { ContentGapsResponse } from '../../../../shared/schemas/insights';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/dashboard/insights/gaps`: what students asked that the course does not answer, by topic. */
export function getContentGaps(signal?: AbortSignal) {
  return apiRequest('/api/dashboard/insights/gaps', { schema: ContentGapsResponse, ...(signal ? { signal } : {}) });
}

export function useContentGaps() {
  return useQuery({
    queryKey: useViewQueryKey('content-gaps'),
    queryFn: apiQueryFn((signal) => getContentGaps(signal)),
  });
}
