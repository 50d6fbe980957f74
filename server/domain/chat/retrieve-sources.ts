import type { ChatSource } from '../../../shared/schemas/chat';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { mergeNeighbourChunks, type RetrievedSource, type ScoredChunk } from './merge-neighbour-chunks';
import { passesRelevanceFloor, similarityFloorFor } from './relevance-floor';
import {
  FULL_TEXT_CANDIDATES_SQL,
  HNSW_SCAN_SETTINGS,
  setLocalSql,
  VECTOR_CANDIDATES_SQL,
  type CandidateRow,
} from './retrieval-sql';

export type { RetrievedSource } from './merge-neighbour-chunks';

export interface RetrieveSourcesPorts {
  db: Db;
  embedder: Embedder;
}

export interface RetrieveSourcesInput {
  creatorId: string;
  /** The standalone search query (a follow-up already rewritten, see rewrite-follow-up.ts). */
  query: string;
  /** Sources returned at most, after merging neighbours. */
  limit?: number;
  /** Overrides the embedding model's calibrated cosine floor (see relevance-floor.ts). */
  minSimilarity?: number;
}

export interface RetrievedSources {
  /** Best first; empty when nothing in the creator's completed videos is relevant enough. */
  sources: RetrievedSource[];
  /** Billed for embedding the query (api_costs operation 'query_embedding'). */
  embeddingTokens: number;
}

/** Candidates per list: enough for fusion to matter, few enough to stay cheap. */
export const CANDIDATES_PER_LIST = 30;
/** The usual reciprocal rank fusion constant: damps the gap between rank 1 and rank 2. */
const RRF_K = 60;

interface Candidate extends ScoredChunk {
  matchedTerms: number;
  queryTerms: number;
  similarity: number | null;
}

function toCandidate(row: CandidateRow): Candidate {
  return {
    id: Number(row.id),
    videoId: row.video_id,
    videoTitle: row.video_title,
    seq: Number(row.seq),
    startSeconds: Number(row.start_seconds),
    endSeconds: Number(row.end_seconds),
    text: row.text,
    score: 0,
    matchedTerms: Number(row.matched_terms),
    queryTerms: Number(row.query_terms),
    similarity: row.similarity === null ? null : Number(row.similarity),
  };
}

/** Reciprocal rank fusion: each list adds 1 / (k + rank) for every chunk it ranks. */
function fuse(lists: Candidate[][]): Candidate[] {
  const fused = new Map<number, Candidate>();
  for (const list of lists) {
    list.forEach((candidate, index) => {
      const seen = fused.get(candidate.id) ?? { ...candidate, score: 0 };
      seen.score += 1 / (RRF_K + index + 1);
      // The vector list knows the similarity even where the full-text row could not compute it.
      seen.similarity = seen.similarity ?? candidate.similarity;
      fused.set(candidate.id, seen);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * Hybrid retrieval over one creator's completed videos: pgvector cosine and
 * Postgres full text, fused by reciprocal rank, filtered by a relevance floor,
 * with neighbouring chunks merged into one source per passage.
 */
export async function retrieveSources(ports: RetrieveSourcesPorts, input: RetrieveSourcesInput): Promise<RetrievedSources> {
  const query = input.query.trim();
  const limit = Math.max(1, Math.min(input.limit ?? 6, 20));
  if (!query) return { sources: [], embeddingTokens: 0 };

  const { vectors, tokens } = await ports.embedder.embed([query]);
  const vector = vectors[0] ?? [];
  // A question without content words embeds to a zero vector, whose cosine distance is NaN: skip that side.
  const hasVector = vector.some((v) => v !== 0);
  const params = [input.creatorId, query, hasVector ? `[${vector.join(',')}]` : null, ports.embedder.model, CANDIDATES_PER_LIST];

  const [vectorRows, textRows] = await ports.db.transaction(async (tx) => {
    // Full text first: the HNSW settings would take its GIN (bitmap) scan away.
    const matching = await tx.query<CandidateRow>(FULL_TEXT_CANDIDATES_SQL, params);
    if (!hasVector) return [[], matching] as const;
    await tx.query(setLocalSql(HNSW_SCAN_SETTINGS));
    return [await tx.query<CandidateRow>(VECTOR_CANDIDATES_SQL, params), matching] as const;
  });

  const floor = input.minSimilarity ?? similarityFloorFor(ports.embedder.model);
  const relevant = fuse([vectorRows.map(toCandidate), textRows.map(toCandidate)]).filter((c) =>
    passesRelevanceFloor(c, floor),
  );
  // Twice the limit before merging: merged neighbours shrink the list.
  const sources = mergeNeighbourChunks(relevant.slice(0, limit * 2)).slice(0, limit);
  return { sources, embeddingTokens: tokens };
}

/** Numbers sources 1…n in the order given, as the prompt and the student see them. */
export function numberSources(sources: readonly RetrievedSource[]): ChatSource[] {
  return sources.map((s, i) => ({
    n: i + 1,
    videoId: s.videoId,
    videoTitle: s.videoTitle,
    startSeconds: s.startSeconds,
    endSeconds: s.endSeconds,
    score: s.score,
    text: s.text,
  }));
}
