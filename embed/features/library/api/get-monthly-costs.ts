import { useQuery } from '@tanstack/react-query';
import { MonthlyCosts } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/dashboard/costs`: provider spend per month, newest first. */
export function getMonthlyCosts(signal?: AbortSignal): Promise<MonthlyCosts> {
  return apiRequest('/api/dashboard/costs', { schema: MonthlyCosts, ...(signal ? { signal } : {}) });
}

export function useMonthlyCosts() {
  return useQuery({ queryKey: useViewQueryKey('monthly-costs'), queryFn: apiQueryFn(getMonthlyCosts) });
}
