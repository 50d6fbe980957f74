import type { Db } from '../../ports/db';

/**
 * A question is held by its answer's row (`chat_messages.quota_period`, set when it was
 * counted). Giving it back clears that column in the same statement that decrements
 * `chat_usage`, after locking the row: two callers racing (a failing stream and a
 * reconcile, or two instances) give it back once, whoever wins.
 */
export async function releaseAnswerQuota(db: Db, messageId: string): Promise<boolean> {
  const [row] = await db.query<{ released: number }>(
    `with held as (
       select id, creator_id, user_id, quota_period from chat_messages
        where id = $1 and status = 'streaming' and quota_period is not null
        for update
     ), cleared as (
       update chat_messages m set quota_period = null from held where m.id = held.id returning m.id
     ), released as (
       update chat_usage u set questions_used = greatest(u.questions_used - 1, 0), updated_at = now()
         from held
        where u.creator_id = held.creator_id and u.user_id = held.user_id and u.period_start = held.quota_period
       returning 1
     )
     select (select count(*) from released)::int as released, (select count(*) from cleared)::int as cleared`,
    [messageId],
  );
  return (row?.released ?? 0) > 0;
}
