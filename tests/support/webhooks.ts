import { Webhook } from 'standardwebhooks';
import { TEST_WEBHOOK_SECRET } from './test-app';

let counter = 0;

/** A Whop API v1 membership event for a Chronos plan bought by `companyId`. */
export function membershipEvent(
  type: string,
  options: { companyId: string; planId: string; membershipId?: string; status?: string; updatedAt: string },
) {
  return {
    id: `evt_${++counter}${Date.now()}`,
    api_version: 'v1',
    type,
    timestamp: new Date().toISOString(),
    company_id: 'biz_chronosvendor',
    data: {
      id: options.membershipId ?? 'mem_1',
      status: options.status ?? 'active',
      plan: { id: options.planId },
      product: { id: 'prod_chronos' },
      user: { id: 'user_buyer' },
      company: { id: 'biz_chronosvendor' },
      metadata: { chronos_company_id: options.companyId },
      cancel_at_period_end: false,
      updated_at: options.updatedAt,
    },
  };
}

/**
 * Signs like Whop does, with the third-party `standardwebhooks` signer: it takes
 * the secret base64-encoded, which is why Whop's own examples pass btoa(secret).
 */
export function signWebhook(body: string, options: { id?: string; secret?: string; timestamp?: Date } = {}) {
  const id = options.id ?? `msg_${++counter}${Date.now()}`;
  const at = options.timestamp ?? new Date();
  const signer = new Webhook(btoa(options.secret ?? TEST_WEBHOOK_SECRET));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(id, at, body),
  };
}
