import type { LessonList } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';

/**
 * What a student can open: the creator's completed lessons in the creator's order,
 * numbered from 1, and the modules that hold at least one of them (an empty module
 * is the creator's work in progress, not something to show).
 */
export async function listLessons(db: Db, input: { creatorId: string }): Promise<LessonList> {
  const rows = await db.tables.videos.listLessons(input.creatorId);
  const modules = new Map<string, string>();
  for (const r of rows)
    if (r.module_id && r.module_title !== null && !modules.has(r.module_id)) modules.set(r.module_id, r.module_title);
  return {
    modules: [...modules].map(([id, title]) => ({ id, title })),
    lessons: rows.map((r, i) => ({
      id: r.id,
      number: i + 1,
      title: r.title,
      moduleId: r.module_id,
      durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
      hasMedia: r.has_media,
    })),
  };
}
