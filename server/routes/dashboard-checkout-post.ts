import type { Handler } from 'hono';
import { CheckoutRequest } from '../../shared/schemas/plan';
import type { AppDeps } from '../app';
import { startCheckout } from '../domain/plans/start-checkout';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** POST /api/dashboard/checkout — a Whop checkout for the chosen tier (opened by the iframe SDK). */
export function dashboardCheckoutPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = CheckoutRequest.parse(await readJson(c));
    const checkout = await startCheckout(
      { db: deps.db, whop: deps.identity.whop },
      { ...input, creatorId: c.get('viewer').creator.id },
    );
    return c.json(checkout, 201);
  };
}
