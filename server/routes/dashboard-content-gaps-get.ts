import type { Handler } from 'hono';
import { createOfflineLexicalEmbedder } from '../adapters/embedder/offline-lexical-embedder';
import { findContentGaps } from '../domain/insights/find-content-gaps';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';

// Topics are grouped with the offline lexical vectors whatever embedder answers: free,
// deterministic, and what the clustering threshold was measured with.
const topicEmbedder = createOfflineLexicalEmbedder();

/** GET /api/dashboard/insights/gaps — what students asked that the course does not answer, by topic. */
export function dashboardContentGapsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    const gaps = await findContentGaps(
      { db: deps.db, clock: deps.clock, topicEmbedder, embedder: deps.ai.embedder },
      { creatorId: c.get('viewer').creator.id },
    );
    return c.json(gaps);
  };
}
