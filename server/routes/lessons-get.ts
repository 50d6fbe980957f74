import type { Handler } from 'hono';
import type { AppDeps } from '../app';
import { getLesson } from '../domain/lessons/get-lesson';
import { listLessons } from '../domain/lessons/list-lessons';
import type { AppEnv } from '../http/context';

/** GET /api/lessons — the course's completed lessons in the creator's order, with their modules (students and the creator). */
export function lessonsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listLessons(deps.db, { creatorId: c.get('viewer').creator.id }));
  };
}

/** GET /api/lessons/:id — one lesson's page: its place, media facts and transcript. */
export function lessonGet(deps: AppDeps): Handler<AppEnv, '/api/lessons/:id'> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getLesson(deps.db, { creatorId: c.get('viewer').creator.id, videoId: c.req.param('id') }));
  };
}
