/**
 * Reorders retrieval's candidates by how well each answers the question, before the
 * answerer sees the few it cites. Offline: a cheap lexical scorer (lexical-evidence.ts);
 * production may put a hosted cross-encoder or the answer model behind the same port.
 */
export interface RerankCandidate {
  videoId: string;
  videoTitle: string;
  text: string;
  /** Retrieval's share of the question's idf mass (retrieval-sql.ts): 1 = every term. */
  coverage: number;
}

export interface Reranker {
  readonly name: string;
  /** One score per candidate, in the order given; higher answers better. Candidates arrive best first. */
  score(question: string, candidates: readonly RerankCandidate[]): Promise<number[]>;
}
