import type { Handler } from 'hono';
import { WhopImportRequest } from '../../shared/schemas/whop-import';
import type { AppDeps } from '../app';
import { importWhopLessons } from '../domain/imports/import-whop-lessons';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';
import { importUnavailable } from './whop-import-courses-get';

/** POST /api/whop-import — import or update lessons of one of the company's Whop courses. */
export function whopImportPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    const input = WhopImportRequest.parse(await readJson(c));
    const source = deps.whopImport;
    if (!source) throw importUnavailable();
    const result = await importWhopLessons(
      {
        db: deps.db,
        jobs: deps.media.jobs,
        blobs: deps.media.blobs,
        source,
        transcribesAudio: deps.ai.transcriber !== null && deps.media.audioExtractor !== null,
      },
      { ...input, creatorId: c.get('viewer').creator.id },
    );
    return c.json(result);
  };
}
