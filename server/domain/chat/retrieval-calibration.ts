/**
 * Every number retrieval decides with, in one place, per embedding model where it
 * depends on the model. Measured with `npm run eval` on ../shared/eval-dev (its
 * report prints the score distributions of answerable and off-topic questions);
 * recalibrate a real model with `npm run eval -- --embedder openai --answerer anthropic`.
 */

export interface RetrievalCalibration {
  /**
   * The vector list's weight in rank fusion (the BM25 list weighs 1). A lexical
   * embedder only repeats what BM25 knows, less well; a semantic one finds the
   * paraphrases BM25 cannot.
   */
  vectorWeight: number;
  /**
   * A chunk this close to the question (cosine) is relevant whatever words it
   * shares. Set above every off-topic score measured, so a lexical embedder never
   * vouches alone for a chance overlap of everyday words.
   */
  similarityFloor: number;
}

/**
 * "Nothing in the course answers this": a chunk is relevant when it holds at least
 * this share of the question's idf mass (`coverage`, retrieval-sql.ts), or clears
 * the model's similarity floor. A question about what the course lacks has its most
 * telling words nowhere in it, and those carry the most weight. On eval-dev
 * (offline providers): answerable questions' best chunk covers 0.27 (5th
 * percentile) to 0.64 (median); off-topic ones 0.19 (median) to 0.28 (90th).
 */
export const COVERAGE_FLOOR = 0.3;

const CALIBRATIONS: Readonly<Record<string, RetrievalCalibration>> = {
  // Hashed words and word pairs, no meaning: off-topic questions reach 0.25 through everyday words.
  'offline-lexical-v1': { vectorWeight: 0.25, similarityFloor: 0.5 },
  // Unrelated English passages typically score 0.05–0.25 and answering ones 0.35 and up: a starting
  // point, not measured here (no network in tests). Recalibrate with the eval command above.
  'text-embedding-3-small': { vectorWeight: 1, similarityFloor: 0.45 },
};
export const DEFAULT_CALIBRATION: RetrievalCalibration = { vectorWeight: 1, similarityFloor: 0.45 };

export function calibrationFor(model: string): RetrievalCalibration {
  return CALIBRATIONS[model] ?? DEFAULT_CALIBRATION;
}

export interface FloorCandidate {
  coverage: number;
  similarity: number | null;
}

export function passesRelevanceFloor(
  candidate: FloorCandidate,
  similarityFloor: number,
  coverageFloor = COVERAGE_FLOOR,
): boolean {
  const covers = candidate.coverage >= coverageFloor;
  const close = candidate.similarity !== null && candidate.similarity >= similarityFloor;
  return covers || close;
}
