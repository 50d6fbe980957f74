import type { CourseOutline } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';
import { LESSON_JOIN, LESSON_ORDER } from './lesson-order';

/** Every module and every video of the creator (whatever its status), in the creator's order, for arranging them. */
export async function getCourseOutline(db: Db, input: { creatorId: string }): Promise<CourseOutline> {
  const modules = await db.query<{ id: string; title: string }>(
    `select id, title from course_modules where creator_id = $1 order by position, created_at, id limit 200`,
    [input.creatorId],
  );
  const lessons = await db.query<{ id: string; title: string; module_id: string | null; status: string }>(
    `select v.id, v.title, v.module_id, v.status::text as status from videos v ${LESSON_JOIN}
      where v.creator_id = $1 order by ${LESSON_ORDER} limit 1000`,
    [input.creatorId],
  );
  return {
    modules,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, moduleId: l.module_id, status: l.status })),
  };
}
