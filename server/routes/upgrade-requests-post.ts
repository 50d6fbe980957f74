import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { requestUpgrade } from '../domain/plans/request-upgrade';
import type { AppEnv } from '../http/context';

/** POST /api/upgrade-requests — a student asks their creator to upgrade Chronos. */
export function upgradeRequestsPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const viewer = c.get('viewer');
    const notify = { db: deps.db, whop: deps.identity.whop, clock: deps.clock, logger: c.get('logger') };
    const result = await requestUpgrade(
      { db: deps.db, notify },
      {
        creatorId: viewer.creator.id,
        userId: viewer.user.id,
        experienceId: viewer.experience?.id ?? null,
        role: viewer.role,
      },
    );
    return c.json(result, result.alreadyRequested ? 200 : 201);
  };
}
