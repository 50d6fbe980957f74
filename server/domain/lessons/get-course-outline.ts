import type { CourseOutline } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';

/** Every module and every video of the creator (whatever its status), in the creator's order, for arranging them. */
export async function getCourseOutline(db: Db, input: { creatorId: string }): Promise<CourseOutline> {
  const modules = await db.tables.courseModules.list(input.creatorId);
  const lessons = await db.tables.videos.listOutline(input.creatorId);
  return {
    modules,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, moduleId: l.module_id, status: l.status })),
  };
}
