import type { NotificationSettings } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';
import type { NotificationSettingsRow } from '../../ports/tables/notification-tables';

const toSettings = (row: NotificationSettingsRow | null): NotificationSettings => ({
  upgradeRequests: row?.upgrade_requests ?? false,
  unansweredQuestions: row?.unanswered_questions ?? false,
  newLessons: row?.new_lessons ?? false,
  unansweredThreshold: row?.unanswered_threshold ?? 3,
});

/** The creator's notification opt-ins; a creator who never chose has everything off. */
export async function getNotificationSettings(db: Db, input: { creatorId: string }): Promise<NotificationSettings> {
  return toSettings(await db.tables.notificationSettings.find(input.creatorId));
}
