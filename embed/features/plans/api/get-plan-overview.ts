import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { PlanOverview } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/**
 * `GET /api/dashboard/plan`: the creator's tier, every tier on offer (with the Whop plan
 * that sells it), usage against the limits and how many students asked for an upgrade.
 * Admins of the company only (the dashboard's company header comes from the client).
 */
export function getPlanOverview(signal?: AbortSignal): Promise<PlanOverview> {
  return apiRequest('/api/dashboard/plan', { schema: PlanOverview, ...(signal ? { signal } : {}) });
}

export function usePlanOverview() {
  return useQuery({ queryKey: useViewQueryKey('plan-overview'), queryFn: apiQueryFn(getPlanOverview) });
}

/**
 * One read of the overview through its query, for the upgrade flow's wait for Whop's webhook:
 * each answer is the page's plan at once (and a read already in flight is shared). Not retried:
 * the wait has its own schedule (`wait-for-tier-change.ts`).
 */
export function useReadPlanOverview(): () => Promise<PlanOverview> {
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('plan-overview');
  return useCallback(
    () => queryClient.fetchQuery({ queryKey, queryFn: apiQueryFn(getPlanOverview), retry: false, staleTime: 0 }),
    [queryClient, queryKey],
  );
}
