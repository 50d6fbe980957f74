import type { Db } from '../../../ports/db';
import { tierConfigurations } from '../../../ports/db-schema/tables';
import type { CreatorMembershipsTable } from '../../../ports/tables/creator-memberships-table';
import type { CreatorTierHistoryTable } from '../../../ports/tables/creator-tier-history-table';
import type { UpgradeRequestsTable } from '../../../ports/tables/upgrade-requests-table';
import type { WebhookEventsTable } from '../../../ports/tables/webhook-events-table';
import type { TierOfferRow, WhopPlanTiersTable } from '../../../ports/tables/whop-plan-tiers-table';
import { selectList } from '../select-list';

/*
 * The tables behind plans (server/domain/plans): Whop's deliveries, plan → tier, the
 * memberships Whop reported, tier history and upgrade requests. Small tables, one
 * module each, kept in one file because they are written together by applyWhopEvent.
 */

export function webhookEventsTable(db: Pick<Db, 'query'>): WebhookEventsTable {
  return {
    async recordOnce(event) {
      const inserted = await db.query(
        `insert into webhook_events (id, type, company_id, payload) values ($1, $2, $3, $4)
         on conflict (id) do nothing returning id`,
        [event.id, event.type, event.company_id, JSON.stringify(event.payload)],
      );
      return inserted.length > 0;
    },
    async finish(input) {
      await db.query(`update webhook_events set processed_at = now(), outcome = $2 where id = $1`, [
        input.id,
        input.outcome,
      ]);
    },
  };
}

export function whopPlanTiersTable(db: Pick<Db, 'query'>): WhopPlanTiersTable {
  return {
    async tierOf(planId) {
      const [row] = await db.query<{ tier: TierOfferRow['tier'] }>(
        `select tier from whop_plan_tiers where plan_id = $1`,
        [planId],
      );
      return row ?? null;
    },
    listOffers: () =>
      db.query<TierOfferRow>(
        `select ${selectList(tierConfigurations, Object.keys(tierConfigurations.columns) as (keyof typeof tierConfigurations.columns)[], 't')},
                (select p.plan_id from whop_plan_tiers p where p.tier = t.tier order by p.created_at, p.plan_id limit 1) as plan_id
           from tier_configurations t order by t.sort_order`,
      ),
  };
}

export function creatorMembershipsTable(db: Pick<Db, 'query'>): CreatorMembershipsTable {
  return {
    async writeIfNewer(state) {
      const written = await db.query(
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
          state.membershipId,
          state.creatorId,
          state.planId,
          state.tier,
          state.status,
          state.valid,
          state.cancelAtPeriodEnd,
          state.at,
        ],
      );
      return written.length > 0;
    },
    async bestValidTier(creatorId) {
      const [row] = await db.query<{ tier: TierOfferRow['tier'] }>(
        `select m.tier from creator_memberships m
           join tier_configurations t on t.tier = m.tier
          where m.creator_id = $1 and m.valid
          order by t.sort_order desc limit 1`,
        [creatorId],
      );
      return row?.tier ?? null;
    },
    async isCancelling(creatorId) {
      const [row] = await db.query<{ cancelling: boolean }>(
        `select exists (select 1 from creator_memberships m where m.creator_id = $1 and m.valid and m.cancel_at_period_end) as cancelling`,
        [creatorId],
      );
      return row!.cancelling;
    },
  };
}

export function creatorTierHistoryTable(db: Pick<Db, 'query'>): CreatorTierHistoryTable {
  return {
    async record(change) {
      await db.query(
        `insert into creator_tier_history (creator_id, from_tier, to_tier, reason, webhook_event_id) values ($1, $2, $3, $4, $5)`,
        [change.creator_id, change.from_tier, change.to_tier, change.reason, change.webhook_event_id],
      );
    },
  };
}

export function upgradeRequestsTable(db: Pick<Db, 'query'>): UpgradeRequestsTable {
  return {
    async recordOnce(request) {
      const inserted = await db.query(
        `insert into upgrade_requests (creator_id, user_id, experience_id) values ($1, $2, $3)
         on conflict (creator_id, user_id) do nothing returning user_id`,
        [request.creator_id, request.user_id, request.experience_id],
      );
      return inserted.length > 0;
    },
    async count(creatorId) {
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from upgrade_requests where creator_id = $1`,
        [creatorId],
      );
      return row?.n ?? 0;
    },
  };
}
