import type { CreatorTierHistoryRow } from '../db-schema/tables';

/** The `creator_tier_history` table: every tier change, with why. */
export interface CreatorTierHistoryTable {
  record(
    change: Pick<CreatorTierHistoryRow, 'creator_id' | 'from_tier' | 'to_tier' | 'reason' | 'webhook_event_id'>,
  ): Promise<void>;
}
