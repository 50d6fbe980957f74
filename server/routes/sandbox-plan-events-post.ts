import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import { SandboxCancelPlan, SandboxCheckoutComplete, type SandboxWebhookResult } from '../../shared/schemas/plan';
import type { SandboxEvent, SandboxWhop } from '../adapters/whop/sandbox-whop';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';
import { signStandardWebhook } from '../http/standard-webhook';
import type { Db } from '../ports/db';

type Deliver = (request: Request) => Promise<Response>;

/**
 * Sends the sandbox's Whop event to our own webhook endpoint, signed with the
 * sandbox's webhook secret, exactly as Whop would deliver it.
 */
async function deliver(
  sandbox: SandboxWhop,
  send: Deliver,
  origin: string,
  event: SandboxEvent,
): Promise<SandboxWebhookResult> {
  const id = `msg_sandbox${crypto.randomUUID().replaceAll('-', '')}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ id: `evt_${id}`, api_version: 'v1', timestamp: new Date().toISOString(), ...event });
  const response = await send(
    new Request(`${origin}/api/webhooks/whop`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': await signStandardWebhook(sandbox.webhookSecret, id, timestamp, body),
      },
    }),
  );
  const json = (await response.json().catch(() => ({}))) as { outcome?: string };
  return { status: response.status, outcome: json.outcome ?? null };
}

/** POST /api/sandbox/checkout/complete — the simulated Whop checkout was paid. */
export function sandboxCheckoutCompletePost(sandbox: SandboxWhop, send: Deliver): Handler<AppEnv> {
  return async (c) => {
    const { checkoutId } = SandboxCheckoutComplete.parse(await readJson(c));
    const event = sandbox.completeCheckout(checkoutId);
    if (!event) throw new ApiError('NOT_FOUND', 'No such sandbox checkout (it may have been completed already).');
    return c.json(await deliver(sandbox, send, new URL(c.req.url).origin, event));
  };
}

/** POST /api/sandbox/plan/cancel — the creator's plan is cancelled on Whop. */
export function sandboxPlanCancelPost(sandbox: SandboxWhop, send: Deliver, db: Db): Handler<AppEnv> {
  return async (c) => {
    const { companyId } = SandboxCancelPlan.parse(await readJson(c));
    const [held] = await db.query<{ membershipId: string; planId: string }>(
      `select membership_id as "membershipId", plan_id as "planId" from creator_memberships
        where creator_id = $1 and valid order by whop_updated_at desc limit 1`,
      [companyId],
    );
    const event = sandbox.cancelPlan(companyId, held);
    if (!event) throw new ApiError('NOT_FOUND', 'This company holds no sandbox plan.');
    return c.json(await deliver(sandbox, send, new URL(c.req.url).origin, event));
  };
}
