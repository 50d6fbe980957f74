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
  const rows = await db.query<{
    whop_lesson_id: string;
    lesson_title: string;
    course_title: string;
    video_id: string | null;
  }>(
    `update whop_lesson_imports
        set removed_at = coalesce(removed_at, now())
      where creator_id = $1 and not (whop_lesson_id = any($2::text[]))
        and ($3::text[] is null or course_id = any($3::text[]))
      returning whop_lesson_id, lesson_title, course_title, video_id`,
    [input.creatorId, present, input.onlyCourses ?? null],
  );
  // Lessons of a course Whop still lists come back un-removed when they reappear.
  await db.query(
    `update whop_lesson_imports set removed_at = null where creator_id = $1 and whop_lesson_id = any($2::text[]) and removed_at is not null`,
    [input.creatorId, present],
  );
  return rows
    .map((r) => ({
      whopLessonId: r.whop_lesson_id,
      title: r.lesson_title,
      courseTitle: r.course_title,
      videoId: r.video_id,
    }))
    .sort((a, b) => a.courseTitle.localeCompare(b.courseTitle) || a.title.localeCompare(b.title));
}
