import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { listPublicPlans } from '../domain/plans/list-public-plans';
import type { AppEnv } from '../http/context';

/** GET /api/plans — Chronos's plans and prices, public (the Discover page shows them before anyone signs in). */
export function plansGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json(await listPublicPlans(deps.db));
}
