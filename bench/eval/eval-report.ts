import type { Moment } from './score-rules';

/** Ranks (1-based) of the first correct item in each ranked list, null when none of its top 10 is. */
export interface RetrievalRanks {
  /** The `meta` event's sources, as served to the answerer and the student (at most the route's limit). */
  chronosServed: number | null;
  /** retrieveSources with limit 10 (the same code, a deeper list): recall@10 only. */
  chronos10: number | null;
  /** retrieveSources(limit 10) with the cosine floor at -1: the fused ranking without the refusal decision. */
  chronosNoFloor: number | null;
  bm25: number | null;
  bm25Title: number | null;
  exactVector: number | null;
}

/** What the refusal decision can be set from: the top candidate's scores. */
export interface DecisionScores {
  /** The first served source's fused (RRF) score; null when nothing cleared the floor. */
  topFused: number | null;
  /** Best cosine over every chunk of the course (exact scan), before any floor. */
  topSimilarity: number | null;
  /** Best coverage (share of the question's idf mass, retrieval-sql.ts) of one candidate, before any floor; null when none matched. */
  topCoverage: number | null;
}

interface ServedSource extends Moment {
  n: number;
  endSeconds: number;
  score: number;
}

interface CitationRecord {
  n: number;
  /** Null for an unpinned creator's note (the eval's courses have none). */
  videoId: string | null;
  videoTitle: string;
  startSeconds: number;
  file: string | null;
}

export interface AnswerRecord {
  id: string;
  course: string;
  question: string;
  expected: { video: string; start: number; end: number };
  sources: ServedSource[];
  ranked10: Moment[];
  /** retrieveSources(limit 10) with the cosine floor at -1. */
  unfloored10: Moment[];
  citations: (CitationRecord & { correct: boolean })[];
  answer: string;
  refused: boolean;
  noAnswer: boolean | null;
  /** At least one citation correct. */
  answered: boolean;
  error: string | null;
  latencyMs: number;
  ranks: RetrievalRanks;
  scores: DecisionScores;
}

export interface OutsideRecord {
  id: string;
  type: 'off_topic' | 'cross_tenant';
  course: string;
  question: string;
  sources: ServedSource[];
  citations: CitationRecord[];
  answer: string;
  refused: boolean;
  noAnswer: boolean | null;
  error: string | null;
  latencyMs: number;
  /** Probes only: another course's videos cited or served, or an 8-word run of its transcripts in the answer or sources. */
  leak: { foreignVideoIds: string[]; foreignText: string | null; leaked: boolean } | null;
  scores: DecisionScores;
}

export interface EvalReport {
  createdAt: string;
  data: string;
  providers: { embedder: string; answerer: string };
  courses: { name: string; lessons: { file: string; title: string }[]; chunks: number }[];
  ingestMs: number;
  answers: AnswerRecord[];
  outside: OutsideRecord[];
}
