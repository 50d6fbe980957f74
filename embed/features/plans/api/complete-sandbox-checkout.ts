import { SandboxWebhookResult } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';

/**
 * Sandbox only: `POST /api/sandbox/checkout/complete`. The simulated checkout was "paid":
 * the server delivers Whop's signed `membership.activated` webhook to itself, which changes
 * the tier. The answer is the webhook's HTTP status and outcome (`applied`, `stale`, …).
 * Called by the upgrade flow only, hence no hook.
 */
export function completeSandboxCheckout(input: { checkoutId: string }): Promise<SandboxWebhookResult> {
  return apiRequest('/api/sandbox/checkout/complete', { method: 'POST', body: input, schema: SandboxWebhookResult });
}
