import type { Handler } from 'hono';
import { ModuleTitleRequest } from '../../shared/schemas/lessons';
import type { AppDeps } from '../app';
import { createModule } from '../domain/lessons/create-module';
import { deleteModule } from '../domain/lessons/delete-module';
import { renameModule } from '../domain/lessons/rename-module';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

const creatorOf = (c: Parameters<Handler<AppEnv>>[0]) => c.get('viewer').creator.id;

/** POST /api/course/modules — a new module at the end. */
export function courseModulesPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const { title } = ModuleTitleRequest.parse(await readJson(c));
    return c.json(await createModule(deps.db, { creatorId: creatorOf(c), title }), 201);
  };
}

/** PATCH /api/course/modules/:id — rename. */
export function courseModulePatch(deps: AppDeps): Handler<AppEnv, '/api/course/modules/:id'> {
  return async (c) => {
    const { title } = ModuleTitleRequest.parse(await readJson(c));
    return c.json(await renameModule(deps.db, { creatorId: creatorOf(c), moduleId: c.req.param('id'), title }));
  };
}

/** DELETE /api/course/modules/:id — its lessons stay, outside any module. */
export function courseModuleDelete(deps: AppDeps): Handler<AppEnv, '/api/course/modules/:id'> {
  return async (c) => {
    await deleteModule(deps.db, { creatorId: creatorOf(c), moduleId: c.req.param('id') });
    return c.body(null, 204);
  };
}
