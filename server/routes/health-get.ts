import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { checkHealth } from '../domain/health/check-health';
import type { AppEnv } from '../http/context';

/** GET /api/health — 200 when the database is reachable and migrated, 503 otherwise. */
export function healthGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const health = await checkHealth(
      { db: deps.db, clock: deps.clock },
      { version: deps.version, runtime: deps.runtime, providers: deps.providers },
    );
    c.header('cache-control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  };
}
