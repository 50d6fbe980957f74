import type { WhopImportTree } from '../../../shared/schemas/whop-import';
import type { Db } from '../../ports/db';
import type { WhopCourseTree } from '../../ports/whop-courses';

/**
 * Lessons imported from these courses (or from courses Whop no longer lists at all)
 * that are gone from Whop: marked removed and reported, their videos kept — a
 * creator who moved a lesson out of Whop may still want Chronos to answer from it.
 */
export async function listRemovedLessons(
  db: Db,
  input: { creatorId: string; trees: readonly WhopCourseTree[]; onlyCourses?: readonly string[] },
): Promise<WhopImportTree['removed']> {
  const present = input.trees.flatMap((t) => t.chapters.flatMap((c) => c.lessons.map((l) => l.id)));
  const rows = await db.tables.whopLessonImports.reconcileRemoved({
    creatorId: input.creatorId,
    present,
    onlyCourses: input.onlyCourses ?? null,
  });
  return rows
    .map((r) => ({
      whopLessonId: r.whop_lesson_id,
      title: r.lesson_title,
      courseTitle: r.course_title,
      videoId: r.video_id,
    }))
    .sort((a, b) => a.courseTitle.localeCompare(b.courseTitle) || a.title.localeCompare(b.title));
}
