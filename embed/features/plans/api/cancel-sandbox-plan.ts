import { SandboxWebhookResult } from '../../../../shared/schemas/plan';
import { apiRequest } from '../../../lib/api-client';

/**
 * Sandbox only: `POST /api/sandbox/plan/cancel`. Whop's `membership.deactivated` webhook
 * for the company's plan, so a downgrade back to Free can be tried locally.
 * 404 `NOT_FOUND` when the sandbox sold this company no plan. Called by the upgrade flow only.
 */
export function cancelSandboxPlan(input: { companyId: string }): Promise<SandboxWebhookResult> {
  return apiRequest('/api/sandbox/plan/cancel', { method: 'POST', body: input, schema: SandboxWebhookResult });
}
