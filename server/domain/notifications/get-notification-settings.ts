import type { NotificationSettings } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';

interface SettingsRow {
  upgrade_requests: boolean;
  unanswered_questions: boolean;
  new_lessons: boolean;
  unanswered_threshold: number;
}

const toSettings = (row: SettingsRow | undefined): NotificationSettings => ({
  upgradeRequests: row?.upgrade_requests ?? false,
  unansweredQuestions: row?.unanswered_questions ?? false,
  newLessons: row?.new_lessons ?? false,
  unansweredThreshold: row?.unanswered_threshold ?? 3,
});

/** The creator's notification opt-ins; a creator who never chose has everything off. */
export async function getNotificationSettings(db: Db, input: { creatorId: string }): Promise<NotificationSettings> {
  const rows = await db.query<SettingsRow>(
    `select upgrade_requests, unanswered_questions, new_lessons, unanswered_threshold
       from notification_settings where creator_id = $1`,
    [input.creatorId],
  );
  return toSettings(rows[0]);
}
