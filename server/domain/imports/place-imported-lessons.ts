import type { Db } from '../../ports/db';

/**
 * Puts imported lessons in the outline students read (lessons' LESSON_ORDER): one module
 * per Whop chapter, in the course's chapter order after the creator's existing modules,
 * and each lesson at its Whop position inside it. A chapter's module is found again by
 * its chapter id, so a re-import adds no duplicate; a lesson the creator already placed
 * (a module or a position of their own) is left where they put it. One statement: the
 * modules it creates and the lessons it places appear together or not at all.
 */
export function placeImportedLessons(db: Db, creatorId: string): Promise<number> {
  return db.tables.videos.placeImportedLessons(creatorId);
}
