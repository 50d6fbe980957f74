import { type CheckoutRequest, CheckoutResponse } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';

/**
 * `POST /api/dashboard/checkout`: a Whop checkout for the tier, to hand to the iframe SDK
 * (`inAppPurchase({ planId, id: checkoutId })`) or, in the sandbox, to the simulated one.
 * 404 `NOT_FOUND` when the tier has no plan on sale; 503 `UPSTREAM_UNAVAILABLE` when Whop fails.
 * No hook of its own: only the upgrade flow (`use-upgrade-flow.ts`) calls it, as one step of several.
 */
export function startCheckout(input: CheckoutRequest): Promise<CheckoutResponse> {
  return apiRequest('/api/dashboard/checkout', { method: 'POST', body: input, schema: CheckoutResponse });
}
