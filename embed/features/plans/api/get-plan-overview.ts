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
  const queryClient = useQueryClient();
  const queryKey = useViewQueryKey('plan-overview');
  const query = useQuery({ queryKey, queryFn: apiQueryFn(getPlanOverview) });
  /**
   * Shows an overview the upgrade flow read while it waits for Whop's webhook, as the latest;
   * a request still in flight is cancelled first, so its older answer cannot overwrite it.
   */
  const replace = useCallback(
    (plan: PlanOverview) => {
      void queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, plan);
    },
    [queryClient, queryKey],
  );
  return { ...query, replace };
}
