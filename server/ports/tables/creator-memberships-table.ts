import type { Tier } from '../../../shared/schemas/viewer';
import type { CreatorMembershipRow } from '../db-schema/tables';

/** The latest state Whop reported for one membership that carries a Chronos plan. */
export interface MembershipState {
  membershipId: string;
  creatorId: string;
  planId: string;
  tier: Tier;
  status: string;
  valid: boolean;
  /** Unknown (a payment event does not say): the stored value stays. */
  cancelAtPeriodEnd: boolean | null;
  /** Whop's time of the change: an older state never overwrites a newer one. */
  at: Date;
}

/** The `creator_memberships` table. */
export interface CreatorMembershipsTable {
  /** Writes the state unless a newer one is stored (or the membership is another creator's); whether it wrote. */
  writeIfNewer(state: MembershipState): Promise<boolean>;
  /** The best tier among the creator's valid memberships (by tier order), or null when none is valid. */
  bestValidTier(creatorId: string): Promise<CreatorMembershipRow['tier'] | null>;
  /** Whether a valid membership of the creator ends at the end of its period. */
  isCancelling(creatorId: string): Promise<boolean>;
}
