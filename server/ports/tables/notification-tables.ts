import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { NotificationLogRow, NotificationSettingRow } from '../db-schema/tables';

/** A creator's opt-ins and the unanswered threshold. */
export type NotificationSettingsRow = Pick<
  NotificationSettingRow,
  'upgrade_requests' | 'unanswered_questions' | 'new_lessons' | 'unanswered_threshold'
>;

/** The opt-in column a notification kind needs. */
export type OptInColumn = 'upgrade_requests' | 'unanswered_questions' | 'new_lessons';

/** The `notification_settings` table: one row per creator who ever chose (none: everything off). */
export interface NotificationSettingsTable {
  find(creatorId: string): Promise<NotificationSettingsRow | null>;
  /** Replaces the creator's choices; what is stored now. */
  replace(settings: NotificationSettingsRow & { creator_id: string }): Promise<NotificationSettingsRow>;
}

/** The `notification_windows` table: notifications of a kind sent to a creator's audience per fixed window. */
export interface NotificationWindowsTable {
  /**
   * Takes one of the kind's `limit` slots in the window holding `now`, if the creator
   * opted in (`optIn`, read from notification_settings in the same statement, so two
   * requests at once cannot both take the last slot).
   */
  claimSlot(input: {
    creatorId: string;
    kind: NotificationKind;
    optIn: OptInColumn;
    now: Date;
    windowSeconds: number;
    limit: number;
  }): Promise<{ optedIn: boolean; claimed: boolean }>;
}

/** The `notification_log` table: every attempt, so "did it go out?" has an answer. */
export interface NotificationLogTable {
  record(
    entry: Pick<NotificationLogRow, 'creator_id' | 'kind' | 'audience' | 'title' | 'content' | 'rest_path' | 'outcome'>,
  ): Promise<void>;
}
