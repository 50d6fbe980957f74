import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getPlanOverview } from '../domain/plans/get-plan-overview';
import type { AppEnv } from '../http/context';

/** GET /api/dashboard/plan — tier, tiers on offer, usage meters, upgrade requests. */
export function dashboardPlanGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const overview = await getPlanOverview(
      { db: deps.db, clock: deps.clock },
      { creatorId: c.get('viewer').creator.id },
    );
    c.header('cache-control', 'private, no-store');
    return c.json(overview);
  };
}
