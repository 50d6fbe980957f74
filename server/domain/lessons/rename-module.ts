import type { CourseModule } from '../../../shared/schemas/lessons';
import { isUuid } from '../../../shared/uuid';
import type { Db } from '../../ports/db';
import { moduleNotFound } from './lesson-order';

/** Renames one of the creator's modules; another creator's id is simply not found. */
export async function renameModule(
  db: Db,
  input: { creatorId: string; moduleId: string; title: string },
): Promise<CourseModule> {
  if (!isUuid(input.moduleId)) throw moduleNotFound();
  const renamed = await db.tables.courseModules.rename(input);
  if (!renamed) throw moduleNotFound();
  return renamed;
}
