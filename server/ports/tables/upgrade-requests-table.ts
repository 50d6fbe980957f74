import type { UpgradeRequestRow } from '../db-schema/tables';

/** The `upgrade_requests` table: a student asking the creator to upgrade, once per student. */
export interface UpgradeRequestsTable {
  /** False when the student had asked before. */
  recordOnce(request: Pick<UpgradeRequestRow, 'creator_id' | 'user_id' | 'experience_id'>): Promise<boolean>;
  count(creatorId: string): Promise<number>;
}
