import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getChatUsage } from '../domain/quotas/chat-quota';
import type { AppEnv } from '../http/context';

/** GET /api/usage — the signed-in student's questions used and left with this creator. */
export function usageGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const viewer = c.get('viewer');
    const usage = await getChatUsage(
      { db: deps.db, clock: deps.clock },
      { creatorId: viewer.creator.id, userId: viewer.user.id },
    );
    c.header('cache-control', 'private, no-store');
    return c.json(usage);
  };
}
