import { ContentGapsResponse } from '../../../../shared/schemas/insights';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/dashboard/insights/gaps`: what students asked that the course does not answer, by topic. */
export function getContentGaps(signal?: AbortSignal) {
  return apiRequest('/api/dashboard/insights/gaps', { schema: ContentGapsResponse, ...(signal ? { signal } : {}) });
}

export function useContentGaps() {
  return useApiQuery((signal) => getContentGaps(signal), 'content-gaps');
}
