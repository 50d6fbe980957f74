import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getCitationHeat } from '../domain/assistant/get-citation-heat';
import type { AppEnv } from '../http/context';

/** GET /api/videos/:id/citation-heat — where students' citations land in the lesson (creator only). */
export function videoCitationHeatGet(deps: AppDeps): Handler<AppEnv, '/api/videos/:id/citation-heat'> {
  return async (c) =>
    c.json(await getCitationHeat(deps.db, { creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') }));
}
