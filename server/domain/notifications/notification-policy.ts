import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { OptInColumn } from '../../ports/tables/notification-tables';

/**
 * How often each kind may reach its audience: at most `limit` per creator per fixed
 * window. Creators hear of upgrade requests at most a few times a day (one per student
 * is already recorded; a class asking at once is one message, not thirty); students
 * hear of new lessons at most hourly, so a creator uploading ten videos sends one.
 */
export const NOTIFICATION_POLICY: Record<
  NotificationKind,
  { windowSeconds: number; limit: number; setting: SettingColumn }
> = {
  upgrade_request: { windowSeconds: 6 * 3600, limit: 1, setting: 'upgrade_requests' },
  unanswered_question: { windowSeconds: 24 * 3600, limit: 3, setting: 'unanswered_questions' },
  // Content gaps (insights) share the creator's "unanswered questions" opt-in: both say what the course misses.
  content_gap: { windowSeconds: 24 * 3600, limit: 3, setting: 'unanswered_questions' },
  new_lessons: { windowSeconds: 3600, limit: 1, setting: 'new_lessons' },
};

/** The notification_settings column that opts a creator in to a kind. */
export type SettingColumn = OptInColumn;

/** The outcome of one attempt; only `sent` reached Whop. */
export type NotifyOutcome = 'sent' | 'not_opted_in' | 'rate_limited' | 'failed';
