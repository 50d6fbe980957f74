import type { Db } from '../../ports/db';

/**
 * A question is held by its answer's row (`chat_messages.quota_period`, set when it was
 * counted). Giving it back clears that column in the same statement that decrements
 * `chat_usage`, after locking the row: two callers racing (a failing stream and a
 * reconcile, or two instances) give it back once, whoever wins.
 */
export async function releaseAnswerQuota(db: Db, messageId: string): Promise<boolean> {
  return db.tables.chatMessages.releaseQuestion(messageId);
}
