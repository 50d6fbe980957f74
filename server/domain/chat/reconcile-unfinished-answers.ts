import type { Db } from '../../ports/db';

/**
 * How long an answer may stream on Workers before it is taken for dead: a request
 * cannot outlive it (the answer provider's own timeout is 60 s per attempt), and
 * the cron reconciles only answers older than this.
 */
export const ANSWER_STREAM_BOUND_MS = 10 * 60 * 1000;

export interface ReconcileInput {
  /** Answers still `streaming` that started before this are taken for dead. */
  olderThan: Date;
}

export interface ReconcileResult {
  /** Answers marked failed. */
  answers: number;
  /** Questions given back to their students. */
  released: number;
}

/**
 * Settles answers a dead process left `streaming` (killed mid-answer, a Worker that
 * never finished): each is marked failed and the question it held is given back.
 * One statement: the rows are locked, flipped and their questions released together,
 * so a second run, or a second instance at the same moment, finds nothing left to
 * give back. Callers choose the bound: Node at start (its own streams died with the
 * last process), Workers from the cron with a bound no live request can reach.
 */
export async function reconcileUnfinishedAnswers(ports: { db: Db }, input: ReconcileInput): Promise<ReconcileResult> {
  const [row] = await ports.db.query<ReconcileResult>(
    `with held as (
       select id, creator_id, user_id, quota_period from chat_messages
        where status = 'streaming' and created_at < $1
        order by id
        for update
     ), flipped as (
       update chat_messages m set status = 'failed', quota_period = null from held where m.id = held.id returning m.id
     ), given as (
       select creator_id, user_id, quota_period, count(*)::int as n from held
        where quota_period is not null group by creator_id, user_id, quota_period
     ), released as (
       update chat_usage u set questions_used = greatest(u.questions_used - given.n, 0), updated_at = now()
         from given
        where u.creator_id = given.creator_id and u.user_id = given.user_id and u.period_start = given.quota_period
       returning given.n
     )
     select (select count(*) from flipped)::int as answers, (select coalesce(sum(n), 0) from released)::int as released`,
    [input.olderThan.toISOString()],
  );
  return { answers: row?.answers ?? 0, released: row?.released ?? 0 };
}
