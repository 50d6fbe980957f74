import type { Handler } from 'hono';
import type { Viewer } from '../../shared/schemas/viewer';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/context';

/** GET /api/viewer — who is signed in, in which role, for which creator (auth middleware resolved it). */
export function viewerGet(deps: AppDeps): Handler<AppEnv> {
  return (c) => {
    const viewer: Viewer = {
      ...c.get('viewer'),
      appId: deps.identity.appId,
      sandbox: deps.identity.sandbox !== null,
    };
    c.header('cache-control', 'private, no-store');
    return c.json(viewer);
  };
}
