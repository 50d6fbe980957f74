import { CANDIDATES_PER_LIST, retrieveSources } from '../../server/domain/chat/retrieve-sources';
import { FULL_TEXT_CANDIDATES_SQL } from '../../server/domain/chat/retrieval-sql';
import type { Db } from '../../server/ports/db';
import type { Embedder } from '../../server/ports/embedder';
import type { Moment } from './score-rules';

/**
 * What the refusal decision sees for one question, read with the app's own code:
 * the ranked sources at a deeper limit (for recall@10), and the best full-text
 * match (share of the question's terms found in the best full-text candidate, the
 * measure the relevance floor tests).
 */
export interface RetrievalSignals {
  ranked10: Moment[];
  /** The same retrieval with the cosine floor at -1, so every candidate passes: ranking quality apart from refusal. */
  unfloored10: Moment[];
  topFullTextShare: number | null;
}

export async function readRetrievalSignals(
  ports: { db: Db; embedder: Embedder },
  input: { creatorId: string; question: string; fileOf: ReadonlyMap<string, string> },
): Promise<RetrievalSignals> {
  const { sources } = await retrieveSources(ports, { creatorId: input.creatorId, query: input.question, limit: 10 });
  const unfloored = await retrieveSources(ports, { creatorId: input.creatorId, query: input.question, limit: 10, minSimilarity: -1 });
  const moments = (list: typeof sources) => list.map((s) => ({ file: input.fileOf.get(s.videoId) ?? null, startSeconds: s.startSeconds }));
  const ranked10 = moments(sources);
  // The full-text list alone (the vector is not needed for its ranking), as retrieval runs it.
  const rows = await ports.db.query<{ matched_terms: number; query_terms: number }>(FULL_TEXT_CANDIDATES_SQL, [
    input.creatorId,
    input.question,
    null,
    ports.embedder.model,
    CANDIDATES_PER_LIST,
  ]);
  const shares = rows.filter((r) => Number(r.query_terms) > 0).map((r) => Number(r.matched_terms) / Number(r.query_terms));
  return { ranked10, unfloored10: moments(unfloored.sources), topFullTextShare: shares.length ? Math.max(...shares) : null };
}

/** An embedder that answers from the harness's cache (the harness's own calls only, never the app's). */
export function cachedEmbedder(embedder: Embedder, embedOne: (text: string) => Promise<number[]>): Embedder {
  return {
    model: embedder.model,
    dimensions: embedder.dimensions,
    embed: async (texts) => ({ vectors: await Promise.all(texts.map(embedOne)), tokens: 0 }),
  };
}
