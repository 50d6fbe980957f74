import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getChatActivity } from '../domain/insights/get-chat-activity';
import type { AppEnv } from '../http/context';

/** GET /api/dashboard/insights/activity — the last 30 days of questions, students and cost, and the most-cited lessons. */
export function dashboardActivityGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getChatActivity({ db: deps.db, clock: deps.clock }, { creatorId: c.get('viewer').creator.id }));
  };
}
