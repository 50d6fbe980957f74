import { createOfflineLexicalEmbedder } from '../adapters/embedder/offline-lexical-embedder';
import type { AppDeps } from '../app';
import { notifyNewContentGaps } from '../domain/notifications/notify-new-content-gaps';
import type { Logger } from '../ports/logger';

// Topics are grouped with the offline lexical vectors whatever embedder answers: free,
// deterministic, and what the clustering threshold was measured with.
export const topicEmbedder = createOfflineLexicalEmbedder();

/**
 * After a student's question went unanswered or got a 👎: new content gaps are
 * announced to the creator (throttled per creator in SQL). Best effort: it runs after
 * the student's response is settled and a failure only logs.
 */
export async function checkContentGaps(deps: AppDeps, creatorId: string, log: Logger): Promise<void> {
  await notifyNewContentGaps(
    {
      db: deps.db,
      whop: deps.identity.whop,
      clock: deps.clock,
      logger: log,
      topicEmbedder,
      embedder: deps.ai.embedder,
    },
    { creatorId },
  ).catch((err: unknown) => log.warn('content-gap notification skipped', { reason: (err as Error).message }));
}
