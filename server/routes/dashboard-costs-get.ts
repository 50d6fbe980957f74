import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getMonthlyCosts } from '../domain/videos/get-monthly-costs';
import type { AppEnv } from '../http/context';

/** GET /api/dashboard/costs — provider spend per month. */
export function dashboardCostsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getMonthlyCosts(deps.db, { creatorId: c.get('viewer').creator.id }));
  };
}
