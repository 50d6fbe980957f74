import { isUuid } from '../../../shared/uuid';
import type { Db } from '../../ports/db';
import { moduleNotFound } from './lesson-order';

/** Deletes one of the creator's modules; its lessons stay, outside any module (the foreign key clears module_id). */
export async function deleteModule(db: Db, input: { creatorId: string; moduleId: string }): Promise<void> {
  if (!isUuid(input.moduleId)) throw moduleNotFound();
  if (!(await db.tables.courseModules.remove(input))) throw moduleNotFound();
}
