import { MonthlyCosts } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/dashboard/costs`: provider spend per month, newest first. */
export function getMonthlyCosts(signal?: AbortSignal): Promise<MonthlyCosts> {
  return apiRequest('/api/dashboard/costs', { schema: MonthlyCosts, ...(signal ? { signal } : {}) });
}

export function useMonthlyCosts() {
  return useApiQuery(getMonthlyCosts, 'monthly-costs');
}
