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
  return db.tables.chatMessages.settle({ ...answer, sessionId: answer.sessionId ?? null });
}
