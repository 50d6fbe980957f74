import { ApiError } from '../../../shared/api-error';
import type { CourseOutline, OutlineRequest } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';
import { getCourseOutline } from './get-course-outline';
import { lessonNotFound, moduleNotFound } from './lesson-order';

/**
 * Saves the creator's order in one transaction: modules take positions 0…n-1 as listed,
 * lessons likewise with their module. Every id must be the creator's (another creator's
 * is not found, and nothing changes). A video the list leaves out (uploaded since the
 * page loaded) keeps its relative place after the listed ones.
 */
export async function saveCourseOutline(db: Db, input: OutlineRequest & { creatorId: string }): Promise<CourseOutline> {
  const moduleIds = input.modules;
  const videoIds = input.lessons.map((l) => l.videoId);
  if (new Set(moduleIds).size !== moduleIds.length || new Set(videoIds).size !== videoIds.length) {
    throw new ApiError('BAD_REQUEST', 'Each module and lesson can appear only once in the order.');
  }
  const listed = new Set(moduleIds);
  if (input.lessons.some((l) => l.moduleId !== null && !listed.has(l.moduleId))) {
    throw new ApiError('BAD_REQUEST', 'A lesson names a module that is not in the order.');
  }
  await db.transaction(async (tx) => {
    const modules = await tx.tables.courseModules.findMany({ creatorId: input.creatorId, moduleIds });
    if (modules.length !== moduleIds.length) throw moduleNotFound();
    const videos = await tx.tables.videos.lockMany({ creatorId: input.creatorId, videoIds });
    if (videos.length !== videoIds.length) throw lessonNotFound();
    await tx.tables.courseModules.setOrder({ creatorId: input.creatorId, moduleIds });
    await tx.tables.videos.placeInOutline({ creatorId: input.creatorId, lessons: input.lessons });
  });
  return getCourseOutline(db, input);
}
