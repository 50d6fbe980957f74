import { HealthResponse } from '../../../../shared/schemas/health';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

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
  return useApiQuery(getHealth, 'health');
}
