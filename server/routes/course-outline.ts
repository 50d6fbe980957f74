import type { Handler } from 'hono';
import { OutlineRequest } from '../../shared/schemas/lessons';
import type { AppDeps } from '../app';
import { getCourseOutline } from '../domain/lessons/get-course-outline';
import { saveCourseOutline } from '../domain/lessons/save-course-outline';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** GET /api/course/outline — the creator's modules and videos in order (creator only). */
export function courseOutlineGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getCourseOutline(deps.db, { creatorId: c.get('viewer').creator.id }));
  };
}

/** PUT /api/course/outline — saves the order of modules and lessons, and which module holds each lesson. */
export function courseOutlinePut(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = OutlineRequest.parse(await readJson(c));
    c.header('cache-control', 'private, no-store');
    return c.json(await saveCourseOutline(deps.db, { ...input, creatorId: c.get('viewer').creator.id }));
  };
}
