import type { LessonDetail } from '../../../shared/schemas/lessons';
import { isUuid } from '../../../shared/uuid';
import type { Db } from '../../ports/db';
import { lessonNotFound } from './lesson-order';

/**
 * One completed lesson for its page, with its transcript: a student reads it whether
 * or not the lesson has a media file. Its number is its place in the creator's order.
 * A lesson still processing, or another creator's, is not found.
 */
export async function getLesson(db: Db, input: { creatorId: string; videoId: string }): Promise<LessonDetail> {
  if (!isUuid(input.videoId)) throw lessonNotFound();
  const lesson = await db.tables.videos.findLesson(input);
  if (!lesson) throw lessonNotFound();
  const lines = await db.tables.transcriptSegments.readPage({ ...input, afterSeq: -1, limit: 20000 });
  return {
    id: lesson.id,
    number: Number(lesson.n),
    title: lesson.title,
    moduleId: lesson.module_id,
    moduleTitle: lesson.module_title,
    durationSeconds: lesson.duration_seconds === null ? null : Number(lesson.duration_seconds),
    hasMedia: lesson.has_media,
    mimeType: lesson.mime_type,
    transcript: lines.map((l) => ({
      startSeconds: Number(l.start_seconds),
      endSeconds: Number(l.end_seconds),
      text: l.text,
    })),
  };
}
