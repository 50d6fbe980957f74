/**
 * Deciding "nothing in the course answers this". Rank fusion always returns
 * *something*, so each candidate must also clear an absolute bar: enough of the
 * question's words (full text), or a close enough embedding (cosine). Values are
 * calibrated in tests/server/chat/relevance-floor.test.ts; see the numbers there.
 */

/**
 * Minimum cosine similarity by embedding model; unknown models use the default.
 *
 * offline-lexical-v1 (hashed words and word pairs, no meaning): over a generated
 * 30-minute lecture (≈180-word chunks) and the course fixtures (≈75-word chunks),
 * on-topic questions score 0.22–0.39 against their best chunk; off-topic ones
 * reach 0.12 on long chunks and 0.22 on short ones, through everyday words the
 * embedder keeps on purpose ("how", "flat", "time"). 0.25 sits above every
 * off-topic score measured; every on-topic question also passes the full-text
 * test, so the vector side only has to vouch for clear matches on its own.
 *
 * text-embedding-3-small: unrelated English passages typically score 0.05–0.25
 * and answering passages 0.35 and up; 0.3 is a starting point, not measured
 * here (no network in tests). Tune it with real questions.
 */
export const SIMILARITY_FLOORS: Readonly<Record<string, number>> = {
  'offline-lexical-v1': 0.25,
  'text-embedding-3-small': 0.3,
};
export const DEFAULT_SIMILARITY_FLOOR = 0.3;

export function similarityFloorFor(model: string): number {
  return SIMILARITY_FLOORS[model] ?? DEFAULT_SIMILARITY_FLOOR;
}

/**
 * How many of a question's distinct search terms a chunk must contain to count
 * as a full-text hit: all of one or two ("bond ladder" is not answered by a
 * chunk that only mentions bonds), 60% of longer questions (3 of 4 or 5), so a
 * single everyday word shared with a long chunk is not enough. Known miss: a
 * three-term question can pass on two common words ("what time does the store
 * open" against a lesson about opening an account and market timing); the
 * answerers still refuse when no sentence answers.
 */
export function requiredTerms(queryTerms: number): number {
  if (queryTerms <= 2) return queryTerms;
  return Math.ceil((queryTerms * 3) / 5);
}

export interface FloorCandidate {
  matchedTerms: number;
  queryTerms: number;
  similarity: number | null;
}

export function passesRelevanceFloor(candidate: FloorCandidate, similarityFloor: number): boolean {
  const fullTextHit = candidate.queryTerms > 0 && candidate.matchedTerms >= requiredTerms(candidate.queryTerms);
  const close = candidate.similarity !== null && candidate.similarity >= similarityFloor;
  return fullTextHit || close;
}
