import { PublicPlans } from '../../../../shared/schemas/discover';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/plans`: Chronos's tiers and prices from `tier_configurations`; public, no sign-in. */
export function getPublicPlans(signal?: AbortSignal): Promise<PublicPlans> {
  return apiRequest('/api/plans', { schema: PublicPlans, ...(signal ? { signal } : {}) });
}

export function usePublicPlans() {
  return useApiQuery(getPublicPlans, 'public-plans');
}
