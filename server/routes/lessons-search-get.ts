import type { Handler } from 'hono';
import { LessonSearchQuery } from '../../shared/schemas/lessons';
import type { AppDeps } from '../app';
import { searchTranscripts } from '../domain/lessons/search-transcripts';
import type { AppEnv } from '../http/context';

/** GET /api/lessons/search?q=&offset= — full-text search over the course's transcripts, hits at their second. */
export function lessonsSearchGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const query = LessonSearchQuery.parse(c.req.query());
    c.header('cache-control', 'private, no-store');
    return c.json(await searchTranscripts(deps.db, { ...query, creatorId: c.get('viewer').creator.id }));
  };
}
