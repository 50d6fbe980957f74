import type { NotificationSettings, NotificationSettingsUpdate } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';

/** Replaces the creator's opt-ins (the creator row exists: the dashboard viewer resolved it). */
export async function updateNotificationSettings(
  db: Db,
  input: NotificationSettingsUpdate & { creatorId: string },
): Promise<NotificationSettings> {
  const [row] = await db.query<{
    upgrade_requests: boolean;
    unanswered_questions: boolean;
    new_lessons: boolean;
    unanswered_threshold: number;
  }>(
    `insert into notification_settings (creator_id, upgrade_requests, unanswered_questions, new_lessons, unanswered_threshold)
     values ($1, $2, $3, $4, $5)
     on conflict (creator_id) do update set
       upgrade_requests = excluded.upgrade_requests, unanswered_questions = excluded.unanswered_questions,
       new_lessons = excluded.new_lessons, unanswered_threshold = excluded.unanswered_threshold, updated_at = now()
     returning upgrade_requests, unanswered_questions, new_lessons, unanswered_threshold`,
    [input.creatorId, input.upgradeRequests, input.unansweredQuestions, input.newLessons, input.unansweredThreshold],
  );
  return {
    upgradeRequests: row!.upgrade_requests,
    unansweredQuestions: row!.unanswered_questions,
    newLessons: row!.new_lessons,
    unansweredThreshold: row!.unanswered_threshold,
  };
}
