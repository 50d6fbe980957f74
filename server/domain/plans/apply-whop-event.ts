import type { Tier } from '../../../shared/schemas/viewer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { recomputeCreatorTier } from './recompute-creator-tier';
import {
  MEMBERSHIP_EVENTS,
  MembershipData,
  PAYMENT_EVENTS,
  PaymentData,
  VALID_MEMBERSHIP_STATUSES,
  type WhopEventEnvelope,
} from './whop-event';

export type WebhookOutcome =
  | 'duplicate'
  | 'ignored_type'
  | 'ignored_plan'
  | 'ignored_no_company'
  | 'stale'
  | 'applied'
  | 'recorded';

export interface ApplyWhopEventInput {
  /** The verified `webhook-id`: the dedupe key. */
  webhookId: string;
  event: WhopEventEnvelope;
}

interface MembershipChange {
  membershipId: string;
  planId: string | undefined;
  creatorId: string | undefined;
  status: string;
  valid: boolean;
  cancelAtPeriodEnd: boolean | undefined;
  at: Date;
}

function toChange(event: WhopEventEnvelope, fallbackAt: Date): MembershipChange | null {
  if (MEMBERSHIP_EVENTS.has(event.type)) {
    const m = MembershipData.parse(event.data);
    const deactivated = event.type === 'membership.deactivated' || event.type === 'membership.went_invalid';
    return {
      membershipId: m.id,
      planId: m.plan?.id,
      creatorId: m.metadata?.chronos_company_id,
      status: m.status,
      valid: !deactivated && VALID_MEMBERSHIP_STATUSES.has(m.status),
      cancelAtPeriodEnd: m.cancel_at_period_end,
      at: m.updated_at ?? m.created_at ?? fallbackAt,
    };
  }
  if (event.type === 'payment.succeeded') {
    const p = PaymentData.parse(event.data);
    if (!p.membership) return null;
    // A paid membership is in force; Whop reports the lapse with membership.deactivated.
    return {
      membershipId: p.membership.id,
      planId: p.plan?.id,
      creatorId: p.metadata?.chronos_company_id,
      status: p.membership.status ?? 'active',
      valid: VALID_MEMBERSHIP_STATUSES.has(p.membership.status ?? 'active'),
      cancelAtPeriodEnd: undefined,
      at: p.updated_at ?? p.created_at ?? fallbackAt,
    };
  }
  return null;
}

/**
 * Applies one verified Whop webhook exactly once: records it (a redelivery is a
 * no-op), maps the plan to a tier, keeps only the newest state per membership,
 * and sets the creator's tier to the best valid membership (FREE when none).
 */
export async function applyWhopEvent(
  ports: { db: Db; clock: Clock },
  input: ApplyWhopEventInput,
): Promise<{ outcome: WebhookOutcome; creatorId?: string; tier?: Tier }> {
  const { event, webhookId } = input;
  return ports.db.transaction(async (tx) => {
    const inserted = await tx.query(
      `insert into webhook_events (id, type, company_id, payload) values ($1, $2, $3, $4)
       on conflict (id) do nothing returning id`,
      [webhookId, event.type, event.company_id ?? null, JSON.stringify(event)],
    );
    if (inserted.length === 0) return { outcome: 'duplicate' as const };

    const finish = async (outcome: WebhookOutcome, extra: { creatorId?: string; tier?: Tier } = {}) => {
      await tx.query(`update webhook_events set processed_at = now(), outcome = $2 where id = $1`, [
        webhookId,
        outcome,
      ]);
      return { outcome, ...extra };
    };

    if (!MEMBERSHIP_EVENTS.has(event.type) && !PAYMENT_EVENTS.has(event.type)) return finish('ignored_type');
    const change = toChange(event, ports.clock.now());
    if (!change) return finish('recorded');
    const [plan] = change.planId
      ? await tx.query<{ tier: Tier }>(`select tier from whop_plan_tiers where plan_id = $1`, [change.planId])
      : [];
    if (!plan) return finish('ignored_plan');
    if (!change.creatorId) return finish('ignored_no_company');

    await tx.query(`insert into creators (id) values ($1) on conflict (id) do nothing`, [change.creatorId]);
    // Serialise tier changes per creator.
    await tx.query(`select id from creators where id = $1 for update`, [change.creatorId]);
    const written = await tx.query(
      `insert into creator_memberships
         (membership_id, creator_id, plan_id, tier, status, valid, cancel_at_period_end, whop_updated_at)
       values ($1, $2, $3, $4, $5, $6, coalesce($7, false), $8)
       on conflict (membership_id) do update set
         plan_id = excluded.plan_id, tier = excluded.tier, status = excluded.status, valid = excluded.valid,
         cancel_at_period_end = coalesce($7, creator_memberships.cancel_at_period_end),
         whop_updated_at = excluded.whop_updated_at, updated_at = now()
       where creator_memberships.whop_updated_at < excluded.whop_updated_at
         and creator_memberships.creator_id = excluded.creator_id
       returning membership_id`,
      [
        change.membershipId,
        change.creatorId,
        change.planId,
        plan.tier,
        change.status,
        change.valid,
        change.cancelAtPeriodEnd ?? null,
        change.at,
      ],
    );
    if (written.length === 0) return finish('stale', { creatorId: change.creatorId });
    const tier = await recomputeCreatorTier(tx, change.creatorId, `${event.type} (${change.status})`, webhookId);
    return finish('applied', { creatorId: change.creatorId, tier });
  });
}
