import type { Reranker } from '../../ports/reranker';
import { lexicalEvidenceScores } from './lexical-evidence';
import type { RetrievedSource } from './retrieve-sources';

/** Retrieval's pool handed to the reranker: wide enough to lift a passage ranked 7th–20th. */
export const RERANK_POOL = 20;
/** Sources the answerer sees (and the student): as many as before the reranker. */
export const ANSWER_SOURCES = 6;

/** The default reranker: offline, deterministic, no network (lexical-evidence.ts). */
export const lexicalReranker: Reranker = {
  name: 'lexical-evidence',
  score: async (question, candidates) => lexicalEvidenceScores(question, candidates),
};

/**
 * Retrieval's pool, best answer first, cut to what the answerer cites. Ties keep
 * retrieval's order; a reranker that answers with the wrong number of scores is
 * ignored (retrieval's order stands) rather than trusted half-way.
 */
export async function rerankSources(
  reranker: Reranker,
  question: string,
  pool: readonly RetrievedSource[],
  limit = ANSWER_SOURCES,
): Promise<RetrievedSource[]> {
  if (pool.length <= 1) return pool.slice(0, limit);
  const scores = await reranker.score(question, pool);
  if (scores.length !== pool.length || scores.some((s) => !Number.isFinite(s))) return pool.slice(0, limit);
  return pool
    .map((source, i) => ({ source, i, score: scores[i]! }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((r) => r.source);
}
