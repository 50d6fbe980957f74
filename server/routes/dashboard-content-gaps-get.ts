import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { findContentGaps } from '../domain/insights/find-content-gaps';
import type { AppEnv } from '../http/context';
import { topicEmbedder } from './content-gap-check';

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
