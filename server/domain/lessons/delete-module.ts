import { isUuid } from '../../../shared/uuid';
import type { Db } from '../../ports/db';
import { moduleNotFound } from './lesson-order';

/** Deletes one of the creator's modules; its lessons stay, outside any module (the foreign key clears module_id). */
export async function deleteModule(db: Db, input: { creatorId: string; moduleId: string }): Promise<void> {
  if (!isUuid(input.moduleId)) throw moduleNotFound();
  const gone = await db.query(`delete from course_modules where id = $1 and creator_id = $2 returning id`, [
    input.moduleId,
    input.creatorId,
  ]);
  if (gone.length === 0) throw moduleNotFound();
}
