import type { ChatSource } from '../../../shared/schemas/chat';
import type { Db } from '../../ports/db';

export interface SettledAnswer {
  messageId: string;
  status: 'complete' | 'failed' | 'stopped';
  content: string;
  citations: readonly { n: number; occurrence?: number; videoId: string | null; startSeconds: number }[];
  sources: readonly ChatSource[];
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** The student got an answer: the question it holds stays counted. Otherwise it is given back. */
  keepQuestion: boolean;
  /** The conversation to mark as just used (its place in the student's list), in the same statement. */
  sessionId?: string;
}

/**
 * Writes how an answer ended onto its `streaming` row and, unless the question is
 * kept, gives the question back — in one statement, after locking the row, so it
 * cannot race the reconcile (or a second settle) into giving it back twice. An
 * answer no longer `streaming` (the reconcile took it for dead) is left as it is.
 */
export async function settleAnswer(db: Db, answer: SettledAnswer): Promise<{ settled: boolean; released: boolean }> {
  const [row] = await db.query<{ settled: number; released: number }>(
    `with held as (
       select id, creator_id, user_id, quota_period from chat_messages
        where id = $1 and status = 'streaming'
        for update
     ), settled as (
       update chat_messages m
          set status = $2, content = $3, citations = $4, sources = $5, latency_ms = $6,
              input_tokens = $7, output_tokens = $8, cost_usd = $9,
              quota_period = case when $10::boolean then held.quota_period end
         from held where m.id = held.id
       returning m.id
     ), released as (
       update chat_usage u set questions_used = greatest(u.questions_used - 1, 0), updated_at = now()
         from held
        where not $10::boolean and held.quota_period is not null
          and u.creator_id = held.creator_id and u.user_id = held.user_id and u.period_start = held.quota_period
       returning 1
     ), touched as (
       update chat_sessions s set updated_at = now() where $11::uuid is not null and s.id = $11::uuid
     )
     select (select count(*) from settled)::int as settled, (select count(*) from released)::int as released`,
    [
      answer.messageId,
      answer.status,
      answer.content,
      JSON.stringify(answer.citations),
      JSON.stringify(answer.sources),
      answer.latencyMs,
      answer.inputTokens,
      answer.outputTokens,
      answer.costUsd,
      answer.keepQuestion,
      answer.sessionId ?? null,
    ],
  );
  return { settled: (row?.settled ?? 0) > 0, released: (row?.released ?? 0) > 0 };
}
