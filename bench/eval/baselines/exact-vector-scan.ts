import type { Db } from '../../../server/ports/db';
import type { Embedder } from '../../../server/ports/embedder';
import type { Moment } from '../score-rules';

interface StoredChunk {
  file: string | null;
  startSeconds: number;
  vector: Float64Array;
  norm: number;
}

/**
 * Exact cosine search over every chunk the pipeline stored for one creator (its
 * completed lessons, vectors of the embedder's model), no index: what the HNSW
 * walk and the fusion would return if they were perfect vector search. The vectors
 * are read back from the database, so the baseline ranks the same chunks.
 */
export async function createExactVectorScan(
  db: Db,
  creatorId: string,
  model: string,
  fileOf: ReadonlyMap<string, string>,
) {
  const rows = await db.query<{ video_id: string; start_seconds: string | number; embedding: string }>(
    `select c.video_id, c.start_seconds, c.embedding::text as embedding
       from chunks c join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
      where c.creator_id = $1 and c.embedding_model = $2 and c.embedding is not null
      order by c.id`,
    [creatorId, model],
  );
  const chunks: StoredChunk[] = rows.map((r) => {
    const vector = Float64Array.from(JSON.parse(r.embedding) as number[]);
    return {
      file: fileOf.get(r.video_id) ?? null,
      startSeconds: Number(r.start_seconds),
      vector,
      norm: Math.hypot(...vector),
    };
  });
  return {
    chunks: chunks.length,
    /** The ranked moments and the best cosine (null for a zero query vector). */
    rank(query: readonly number[], k: number): { ranked: Moment[]; topSimilarity: number | null } {
      const qNorm = Math.hypot(...query);
      if (qNorm === 0) return { ranked: [], topSimilarity: null };
      const scored = chunks.map((c) => {
        let dot = 0;
        for (let i = 0; i < query.length; i++) dot += query[i]! * c.vector[i]!;
        return { c, cos: c.norm === 0 ? 0 : dot / (qNorm * c.norm) };
      });
      scored.sort((a, b) => b.cos - a.cos);
      return {
        ranked: scored.slice(0, k).map(({ c }) => ({ file: c.file, startSeconds: c.startSeconds })),
        topSimilarity: scored[0]?.cos ?? null,
      };
    },
  };
}

/** Embeds each text once for the harness's own searches (real providers bill per call); the app's embedder is not wrapped. */
export function memoEmbed(embedder: Embedder) {
  const cache = new Map<string, Promise<number[]>>();
  return (text: string) => {
    let hit = cache.get(text);
    if (!hit) {
      hit = embedder.embed([text]).then((r) => r.vectors[0] ?? []);
      cache.set(text, hit);
    }
    return hit;
  };
}
