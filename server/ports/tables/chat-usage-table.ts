import type { ChatUsageRow, CreatorRow, TierConfigurationRow } from '../db-schema/tables';

/** The period a `total` allowance is counted in: one row for the student's whole life with the creator. */
export const TOTAL_PERIOD = '1970-01-01';

/** Whose allowance: one student with one creator. */
export interface ChatUsageKey {
  creatorId: string;
  userId: string;
}

/**
 * What the question reservation read and counted: the creator's tier and its limits,
 * and, only when the question was counted, the count after it and the period it was
 * taken from (`YYYY-MM-DD` text, as the answer's row keeps it); both null when refused.
 */
export interface ReservedQuestion {
  used: ChatUsageRow['questions_used'] | null;
  tier: CreatorRow['tier'];
  lim: TierConfigurationRow['chat_questions_limit'];
  period: TierConfigurationRow['chat_period'];
  period_start: string | null;
}

/** The `chat_usage` table: questions each student used per period (server/domain/quotas). */
export interface ChatUsageTable {
  /** Questions used in the period starting `periodStart` (`YYYY-MM-DD`), or null when none were counted there. */
  used(key: ChatUsageKey & { periodStart: string }): Promise<ChatUsageRow['questions_used'] | null>;
  /**
   * Counts one question in a single conditional upsert within the tier's limit (its
   * row lock serialises parallel requests; its WHERE refuses the one past the limit);
   * null when none was left or the creator is unknown. `today` is the UTC date.
   */
  reserve(key: ChatUsageKey & { today: string }): Promise<ReservedQuestion | null>;
}
