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
    const recorded = await tx.tables.webhookEvents.recordOnce({
      id: webhookId,
      type: event.type,
      company_id: event.company_id ?? null,
      payload: event,
    });
    if (!recorded) return { outcome: 'duplicate' as const };

    const finish = async (outcome: WebhookOutcome, extra: { creatorId?: string; tier?: Tier } = {}) => {
      await tx.tables.webhookEvents.finish({ id: webhookId, outcome });
      return { outcome, ...extra };
    };

    if (!MEMBERSHIP_EVENTS.has(event.type) && !PAYMENT_EVENTS.has(event.type)) return finish('ignored_type');
    const change = toChange(event, ports.clock.now());
    if (!change) return finish('recorded');
    const plan = change.planId ? await tx.tables.whopPlanTiers.tierOf(change.planId) : null;
    if (!plan || !change.planId) return finish('ignored_plan');
    if (!change.creatorId) return finish('ignored_no_company');

    await tx.tables.creators.ensure(change.creatorId);
    // Serialise tier changes per creator.
    await tx.tables.creators.lock(change.creatorId);
    const written = await tx.tables.creatorMemberships.writeIfNewer({
      membershipId: change.membershipId,
      creatorId: change.creatorId,
      planId: change.planId,
      tier: plan.tier,
      status: change.status,
      valid: change.valid,
      cancelAtPeriodEnd: change.cancelAtPeriodEnd ?? null,
      at: change.at,
    });
    if (!written) return finish('stale', { creatorId: change.creatorId });
    const tier = await recomputeCreatorTier(tx, change.creatorId, `${event.type} (${change.status})`, webhookId);
    return finish('applied', { creatorId: change.creatorId, tier });
  });
}
