import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { AppDeps } from '../app';
import { listWhopImportTree } from '../domain/imports/list-whop-import-tree';
import type { AppEnv } from '../http/context';

export const importUnavailable = () =>
  new ApiError('SERVICE_UNAVAILABLE', 'Importing from Whop Courses is not available on this server yet.');

/** GET /api/whop-import/courses — the company's Whop courses as a tree, marked with what is imported. */
export function whopImportCoursesGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    const source = deps.whopImport;
    if (!source) throw importUnavailable();
    return c.json(await listWhopImportTree({ db: deps.db, source }, { creatorId: c.get('viewer').creator.id }));
  };
}
