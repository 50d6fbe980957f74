import { ApiError } from '../../../shared/api-error';
import { type CourseModule, MAX_MODULES } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';

/** A new, empty module at the end of the creator's modules. */
export async function createModule(db: Db, input: { creatorId: string; title: string }): Promise<CourseModule> {
  const created = await db.tables.courseModules.create({ ...input, max: MAX_MODULES });
  if (!created) throw new ApiError('BAD_REQUEST', `A course can have at most ${MAX_MODULES} modules.`);
  return created;
}
