import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { AppDeps } from '../app';
import { applyWhopEvent } from '../domain/plans/apply-whop-event';
import { WhopEventEnvelope } from '../domain/plans/whop-event';
import type { AppEnv } from '../http/context';
import { parseJsonText } from '../http/read-json';
import { verifyStandardWebhook } from '../http/standard-webhook';

const REJECTIONS = {
  missing_headers: 'Missing or malformed webhook-id / webhook-timestamp / webhook-signature headers.',
  stale_timestamp: 'The webhook timestamp is outside the 5-minute window.',
  bad_signature: 'The webhook signature does not match.',
} as const;

/** POST /api/webhooks/whop — verified, recorded once, then applied to the creator's tier. */
export function webhooksWhopPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const secret = deps.webhookSecret;
    if (!secret) throw new ApiError('SERVICE_UNAVAILABLE', 'Webhooks are not configured on this server.');
    const raw = await c.req.text();
    const verdict = await verifyStandardWebhook(
      secret,
      {
        id: c.req.header('webhook-id'),
        timestamp: c.req.header('webhook-timestamp'),
        signature: c.req.header('webhook-signature'),
      },
      raw,
      Math.floor(deps.clock.now().getTime() / 1000),
    );
    if (!verdict.ok) {
      c.get('logger').warn('webhook rejected', { reason: verdict.reason });
      throw new ApiError('UNAUTHENTICATED', REJECTIONS[verdict.reason]);
    }
    // Verified first, parsed second: the payload is kept verbatim as jsonb, so what jsonb refuses is refused here.
    const json = parseJsonText(raw, { storable: true, what: 'The webhook body' });
    const event = WhopEventEnvelope.safeParse(json);
    if (!event.success) throw new ApiError('BAD_REQUEST', 'The webhook body is not a Whop event envelope.');
    const result = await applyWhopEvent(
      { db: deps.db, clock: deps.clock },
      { webhookId: verdict.id, event: event.data },
    ).catch((err: unknown) => {
      if (err instanceof Error && err.name === 'ZodError') {
        throw new ApiError('BAD_REQUEST', `The ${event.data.type} data is not in the expected shape.`);
      }
      throw err;
    });
    c.get('logger').info('webhook', { webhookId: verdict.id, type: event.data.type, ...result });
    return c.json({ received: true, outcome: result.outcome });
  };
}
