import { ApiError } from '../../../shared/api-error';
import type { CheckoutRequest, CheckoutResponse } from '../../../shared/schemas/plan';
import type { Db } from '../../ports/db';
import type { WhopApi } from '../../ports/whop';
import { listTierConfigs } from './get-plan-overview';

/**
 * Opens a Whop checkout for the tier's plan. The creator's company id travels in
 * the checkout metadata and comes back in the membership webhooks, which stay the
 * source of truth for the tier.
 */
export async function startCheckout(
  ports: { db: Db; whop: WhopApi },
  input: CheckoutRequest & { creatorId: string },
): Promise<CheckoutResponse> {
  const tier = (await listTierConfigs(ports.db)).find((t) => t.tier === input.tier);
  if (!tier?.planId) throw new ApiError('NOT_FOUND', `The ${input.tier} plan is not on sale yet.`);
  try {
    const checkout = await ports.whop.createCheckout({
      planId: tier.planId,
      metadata: { chronos_company_id: input.creatorId },
    });
    return { checkoutId: checkout.id, planId: checkout.planId };
  } catch (err) {
    throw new ApiError('UPSTREAM_UNAVAILABLE', 'Whop could not open the checkout. Please try again.', { cause: err });
  }
}
