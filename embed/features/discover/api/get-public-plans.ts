import { useQuery } from '@tanstack/react-query';
import { PublicPlans } from '../../../../shared/schemas/discover';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/plans`: Chronos's tiers and prices from `tier_configurations`; public, no sign-in. */
export function getPublicPlans(signal?: AbortSignal): Promise<PublicPlans> {
  return apiRequest('/api/plans', { schema: PublicPlans, ...(signal ? { signal } : {}) });
}

export function usePublicPlans() {
  return useQuery({ queryKey: useViewQueryKey('public-plans'), queryFn: apiQueryFn(getPublicPlans) });
}
