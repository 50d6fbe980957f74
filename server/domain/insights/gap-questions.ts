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
 * $1 creator, $2 since, $3 low-confidence score, $4 rows at most (newest first).
 */
const GAP_QUESTIONS_SQL = `
  select a.id, a.user_id, a.created_at, coalesce(q.content, '') as question,
         jsonb_array_length(a.sources) = 0 as no_answer, a.feedback = -1 as down
    from chat_messages a
    join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'
    left join lateral (
      select u.content from chat_messages u
       where u.session_id = a.session_id and u.creator_id = $1 and u.role = 'user' and u.created_at <= a.created_at
       order by u.created_at desc limit 1
    ) q on true
   where a.creator_id = $1 and a.role = 'assistant' and a.status = 'complete' and a.created_at >= $2::timestamptz
     and (jsonb_array_length(a.sources) = 0 or a.feedback = -1
          or (select max((e->>'score')::float8) from jsonb_array_elements(a.sources) e) < $3)
     and not exists (select 1 from content_gap_resolutions r where r.message_id = a.id and r.creator_id = $1)
   order by a.created_at desc
   limit $4`;

interface Row {
  id: string;
  user_id: string;
  created_at: Date | string;
  question: string;
  no_answer: boolean;
  down: boolean;
}

export async function loadGapQuestions(
  db: Db,
  input: { creatorId: string; since: Date; embeddingModel: string; limit: number },
): Promise<GapQuestion[]> {
  const rows = await db.query<Row>(GAP_QUESTIONS_SQL, [
    input.creatorId,
    input.since.toISOString(),
    lowConfidenceScore(input.embeddingModel),
    input.limit,
  ]);
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
