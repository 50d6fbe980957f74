import { retrieveSources } from '../../server/domain/chat/retrieve-sources';
import type { Db } from '../../server/ports/db';
import type { Embedder } from '../../server/ports/embedder';
import type { Moment } from './score-rules';

/**
 * What the refusal decision sees for one question, read with the app's own code:
 * the ranked sources at a deeper limit (for recall@10), and the best coverage of
 * any candidate before the floor (the measure the relevance floor tests).
 */
export interface RetrievalSignals {
  ranked10: Moment[];
  /** The same retrieval with both floors off, so every candidate passes: ranking quality apart from refusal. */
  unfloored10: Moment[];
  topCoverage: number | null;
}

export async function readRetrievalSignals(
  ports: { db: Db; embedder: Embedder },
  input: { creatorId: string; question: string; fileOf: ReadonlyMap<string, string> },
): Promise<RetrievalSignals> {
  const { sources } = await retrieveSources(ports, { creatorId: input.creatorId, query: input.question, limit: 10 });
  const unfloored = await retrieveSources(ports, {
    creatorId: input.creatorId,
    query: input.question,
    limit: 10,
    minSimilarity: Number.NEGATIVE_INFINITY,
    minCoverage: Number.NEGATIVE_INFINITY,
  });
  const moments = (list: typeof sources) =>
    list.map((s) => ({ file: input.fileOf.get(s.videoId) ?? null, startSeconds: s.startSeconds }));
  const coverages = unfloored.sources.map((s) => s.coverage);
  return {
    ranked10: moments(sources),
    unfloored10: moments(unfloored.sources),
    topCoverage: coverages.length ? Math.max(...coverages) : null,
  };
}

/** An embedder that answers from the harness's cache (the harness's own calls only, never the app's). */
export function cachedEmbedder(embedder: Embedder, embedOne: (text: string) => Promise<number[]>): Embedder {
  return {
    model: embedder.model,
    provider: embedder.provider,
    dimensions: embedder.dimensions,
    embed: async (texts) => ({ vectors: await Promise.all(texts.map(embedOne)), tokens: 0 }),
  };
}
