import type { NotificationSettings, NotificationSettingsUpdate } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';

/** Replaces the creator's opt-ins (the creator row exists: the dashboard viewer resolved it). */
export async function updateNotificationSettings(
  db: Db,
  input: NotificationSettingsUpdate & { creatorId: string },
): Promise<NotificationSettings> {
  const row = await db.tables.notificationSettings.replace({
    creator_id: input.creatorId,
    upgrade_requests: input.upgradeRequests,
    unanswered_questions: input.unansweredQuestions,
    new_lessons: input.newLessons,
    unanswered_threshold: input.unansweredThreshold,
  });
  return {
    upgradeRequests: row.upgrade_requests,
    unansweredQuestions: row.unanswered_questions,
    newLessons: row.new_lessons,
    unansweredThreshold: row.unanswered_threshold,
  };
}
