import { VIDEO_TITLE_MAX } from '../../../shared/schemas/videos';
import type { WhopImportTree } from '../../../shared/schemas/whop-import';
import type { Db } from '../../ports/db';
import { askWhop, isImportable, type WhopImportSource } from './import-ports';
import { listRemovedLessons } from './removed-lessons';

/**
 * The company's Whop courses as chapters and lessons in Whop's order, each lesson
 * marked new, imported, or changed in Whop since (a new title or a new video), and
 * the lessons imported earlier that Whop no longer lists.
 */
export async function listWhopImportTree(
  ports: { db: Db; source: WhopImportSource },
  input: { creatorId: string },
): Promise<WhopImportTree> {
  const courses = await askWhop(() => ports.source.courses.listCourses(input.creatorId));
  const trees = await askWhop(() => Promise.all(courses.map((c) => ports.source.courses.getCourseTree(c.id))));
  const rows = await ports.db.tables.whopLessonImports.listWithVideo(input.creatorId);
  const imported = new Map(rows.map((r) => [r.whop_lesson_id, r]));
  const listed = trees.filter((t) => t !== null);
  return {
    courses: listed.map(({ course, chapters }) => ({
      id: course.id,
      title: course.title,
      chapters: chapters.map((chapter) => ({
        id: chapter.id,
        title: chapter.title,
        lessons: chapter.lessons.map((lesson) => {
          const row = imported.get(lesson.id);
          // Whop's course tree shows a lesson's title but little of its video (no asset id in
          // Whop's answer today): a new title shows here; a new video is found by the import
          // itself, which reads the whole lesson.
          const changed =
            row &&
            (row.lesson_title !== lesson.title.slice(0, VIDEO_TITLE_MAX) ||
              (lesson.video?.id && row.mux_asset_id !== lesson.video.id));
          return {
            id: lesson.id,
            title: lesson.title,
            lessonType: lesson.lessonType,
            importable: isImportable(lesson),
            state: !row ? ('new' as const) : changed ? ('changed' as const) : ('imported' as const),
            videoId: row?.video_id ?? null,
          };
        }),
      })),
    })),
    removed: await listRemovedLessons(ports.db, { creatorId: input.creatorId, trees: listed }),
  };
}
