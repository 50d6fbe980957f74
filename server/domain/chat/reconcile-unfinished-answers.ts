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
  return ports.db.tables.chatMessages.failUnfinished(input);
}
