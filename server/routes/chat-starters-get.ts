import type { Handler } from 'hono';
import { createStarterQuestionCache } from '../domain/chat/list-starter-questions';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';

/** GET /api/chat/starters — a few questions drawn from the viewer's course (empty before any lesson is processed). */
export function chatStartersGet(deps: AppDeps): Handler<AppEnv> {
  const starters = createStarterQuestionCache({ db: deps.db, clock: deps.clock });
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json({ starters: await starters({ creatorId: c.get('viewer').creator.id }) });
  };
}
