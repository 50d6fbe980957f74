import { ApiError } from '../../../shared/api-error';
import { type CourseModule, MAX_MODULES } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';

/** A new, empty module at the end of the creator's modules. */
export async function createModule(db: Db, input: { creatorId: string; title: string }): Promise<CourseModule> {
  // One statement: the count and the insert see the same rows, so two clicks cannot pass the cap together
  // by more than a race of one (a cap, not a quota: a module costs nothing).
  const [created] = await db.query<{ id: string; title: string }>(
    `insert into course_modules (creator_id, title, position)
     select $1, $2, coalesce(max(position) + 1, 0) from course_modules where creator_id = $1
     having count(*) < $3
     returning id, title`,
    [input.creatorId, input.title, MAX_MODULES],
  );
  if (!created) throw new ApiError('BAD_REQUEST', `A course can have at most ${MAX_MODULES} modules.`);
  return created;
}
