import { useQuery } from '@tanstack/react-query';
import { HealthResponse } from '../../../../shared/schemas/health';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/**
 * `GET /api/health`: database reachability, migration, version and which providers are real.
 * A degraded system answers 503 with the same body; that is a status to show, not an error.
 */
export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiRequest('/api/health', {
    schema: HealthResponse,
    answerStatuses: [503],
    ...(signal ? { signal } : {}),
  });
}

export function useHealth() {
  return useQuery({ queryKey: useViewQueryKey('health'), queryFn: apiQueryFn(getHealth) });
}
