import { PlanOverview } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/**
 * `GET /api/dashboard/plan`: the creator's tier, every tier on offer (with the Whop plan
 * that sells it), usage against the limits and how many students asked for an upgrade.
 * Admins of the company only (the dashboard's company header comes from the client).
 */
export function getPlanOverview(signal?: AbortSignal): Promise<PlanOverview> {
  return apiRequest('/api/dashboard/plan', { schema: PlanOverview, ...(signal ? { signal } : {}) });
}

/** `replace` lets the upgrade flow show the answers it polls for while it waits for Whop. */
export function usePlanOverview() {
  return useApiQuery(getPlanOverview, 'plan-overview');
}
