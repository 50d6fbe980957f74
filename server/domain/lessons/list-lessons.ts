import type { LessonList } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';
import { LESSON_JOIN, LESSON_ORDER } from './lesson-order';

interface LessonRow {
  id: string;
  title: string;
  module_id: string | null;
  module_title: string | null;
  duration_seconds: string | number | null;
  has_media: boolean;
}

/**
 * What a student can open: the creator's completed lessons in the creator's order,
 * numbered from 1, and the modules that hold at least one of them (an empty module
 * is the creator's work in progress, not something to show).
 */
export async function listLessons(db: Db, input: { creatorId: string }): Promise<LessonList> {
  const rows = await db.query<LessonRow>(
    `select v.id, v.title, v.module_id, m.title as module_title, v.duration_seconds, (v.storage_key is not null or exists (select 1 from whop_lesson_imports w where w.creator_id = v.creator_id and w.video_id = v.id and w.mux_playback_id is not null)) as has_media
       from videos v ${LESSON_JOIN}
      where v.creator_id = $1 and v.status = 'completed'
      order by ${LESSON_ORDER}
      limit 1000`,
    [input.creatorId],
  );
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
