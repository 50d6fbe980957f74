import type { Db } from '../../ports/db';
import { calibrationFor } from '../chat/retrieval-calibration';
import { CANDIDATES_PER_LIST } from '../chat/retrieve-sources';

/** One answer to a student that the course did not carry well, with its question. */
export interface GapQuestion {
  messageId: string;
  userId: string;
  question: string;
  askedAt: Date;
  reason: 'unanswered' | 'thumbs_down' | 'low_confidence';
}

const RRF_K = 60;

/**
 * Below this fused score the best source was found by one search alone (BM25 or the
 * vectors), never by both: a chunk ranked by both, even last of each list, scores at
 * least (1 + vectorWeight) / (k + candidates) (retrieve-sources.ts's fusion).
 */
export function lowConfidenceScore(embeddingModel: string): number {
  return (1 + calibrationFor(embeddingModel).vectorWeight) / (RRF_K + CANDIDATES_PER_LIST);
}

/**
 * Students' settled answers that said nothing relevant was found (no sources), got a
 * 👎, or rested on a low-confidence source; minus those a later lesson answered.
 */
export async function loadGapQuestions(
  db: Db,
  input: { creatorId: string; since: Date; embeddingModel: string; limit: number },
): Promise<GapQuestion[]> {
  const rows = await db.tables.insightReads.gapAnswers({
    creatorId: input.creatorId,
    since: input.since,
    lowConfidenceScore: lowConfidenceScore(input.embeddingModel),
    limit: input.limit,
  });
  return rows
    .filter((r) => r.question.trim() !== '')
    .map((r) => ({
      messageId: r.id,
      userId: r.user_id,
      question: r.question,
      askedAt: new Date(r.created_at),
      reason: r.no_answer ? 'unanswered' : r.down ? 'thumbs_down' : 'low_confidence',
    }));
}
