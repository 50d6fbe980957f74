import type { TierConfigurationRow, WhopPlanTierRow } from '../db-schema/tables';

/** A tier as offered: its configuration and the Whop plan that sells it (the first mapped, or none). */
export type TierOfferRow = TierConfigurationRow & { plan_id: WhopPlanTierRow['plan_id'] | null };

/** The `whop_plan_tiers` table: which Whop plan grants which tier. */
export interface WhopPlanTiersTable {
  /** The tier a plan grants, or null for a plan that is not Chronos'. */
  tierOf(planId: string): Promise<Pick<WhopPlanTierRow, 'tier'> | null>;
  /** Every tier with the plan that sells it, cheapest first (reads tier_configurations for the rest). */
  listOffers(): Promise<TierOfferRow[]>;
}
