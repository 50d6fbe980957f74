import type { CreatorRow, TierConfigurationRow } from '../db-schema/tables';

/** Who a creator is: what a viewer carries. */
export type CreatorIdentity = Pick<CreatorRow, 'id' | 'name' | 'tier'>;

/** The creator's reserved storage and video slots beside their tier's limits (exact text for bytes). */
export type CreatorStorageRow = Pick<CreatorRow, 'storage_bytes_used' | 'video_count'> &
  Pick<TierConfigurationRow, 'storage_bytes_limit' | 'video_count_limit'>;

/** The creator's question allowance: their tier's limit (null: unlimited) and the period it is counted in. */
export type CreatorChatLimits = Pick<CreatorRow, 'tier'> & {
  limit: TierConfigurationRow['chat_questions_limit'];
  period: TierConfigurationRow['chat_period'];
};

/** The `creators` table: one row per Whop company, its tier and its quota counters. */
export interface CreatorsTable {
  find(id: string): Promise<CreatorIdentity | null>;
  /** Writes the creator, keeping a known name when Whop gave none. */
  upsert(creator: Pick<CreatorRow, 'id' | 'name'>): Promise<CreatorIdentity>;
  /** Makes sure the row exists (FREE, nameless, when new). */
  ensure(id: string): Promise<void>;
  /** Locks the row until the transaction ends: tier changes of one creator run one at a time. */
  lock(id: string): Promise<void>;
  setTier(input: Pick<CreatorRow, 'id' | 'tier'>): Promise<void>;
  /** The tier and the counters as they stand (bytes as exact text). */
  usage(id: string): Promise<Pick<CreatorRow, 'tier' | 'storage_bytes_used' | 'video_count'> | null>;
  /** Null for an unknown creator. */
  storage(id: string): Promise<CreatorStorageRow | null>;
  /**
   * Reserves `sizeBytes` and one video slot in one conditional UPDATE, only within the
   * tier's limits (parallel requests cannot pass them); whether it reserved.
   */
  reserveUpload(input: { id: string; sizeBytes: number }): Promise<boolean>;
  /** Frees bytes and one video slot, never below zero. */
  releaseUpload(input: { id: string; sizeBytes: number }): Promise<void>;
  /** Counts bytes against the creator's storage whatever the limit (the upload was accepted). */
  addStorage(input: { id: string; sizeBytes: number }): Promise<void>;
  /** Replaces `oldBytes` of storage with `sizeBytes`, never below zero. */
  swapStorage(input: { id: string; sizeBytes: number; oldBytes: number }): Promise<void>;
  /** The tier's question allowance (read with tier_configurations); null for an unknown creator. */
  chatLimits(id: string): Promise<CreatorChatLimits | null>;
}
