import type { Db } from '../../../ports/db';
import type { WhopLessonImportRow } from '../../../ports/db-schema/tables';
import type {
  LessonImportKey,
  LessonPlace,
  WhopLessonImportsTable,
} from '../../../ports/tables/whop-lesson-imports-table';

const placeParams = (p: LessonPlace) => [
  p.courseId,
  p.courseTitle,
  p.chapterId,
  p.chapterTitle,
  p.chapterOrder,
  p.lessonOrder,
];

/** The `whop_lesson_imports` table's statements, on whichever connection or transaction `db` is. */
export function whopLessonImportsTable(db: Pick<Db, 'query'>): WhopLessonImportsTable {
  const byKey = (key: LessonImportKey) => [key.creatorId, key.whopLessonId];
  return {
    async claim(key) {
      const claimed = await db.query(
        `insert into whop_lesson_imports (creator_id, whop_lesson_id, video_id, course_id, course_title, chapter_id, chapter_title,
                                          chapter_order, lesson_order, lesson_title, content_hash, transcript_from)
         values ($1, $2, null, $3, $4, $5, $6, $7, $8, $9, '', 'captions')
         on conflict (creator_id, whop_lesson_id) do nothing returning whop_lesson_id`,
        [...byKey(key), ...placeParams(key.place), key.lessonTitle],
      );
      return claimed.length > 0;
    },
    async find(key) {
      const [row] = await db.query<Pick<WhopLessonImportRow, 'video_id' | 'lesson_title' | 'content_hash'>>(
        `select video_id, lesson_title, content_hash from whop_lesson_imports where creator_id = $1 and whop_lesson_id = $2`,
        byKey(key),
      );
      return row ?? null;
    },
    async retake(key) {
      // An empty hash marks a claim in progress; a claim older than ten minutes is taken as stopped.
      const retaken = await db.query(
        `update whop_lesson_imports set content_hash = '', updated_at = now()
          where creator_id = $1 and whop_lesson_id = $2 and video_id is null
            and (content_hash <> '' or updated_at < now() - interval '10 minutes')
          returning whop_lesson_id`,
        byKey(key),
      );
      return retaken.length > 0;
    },
    async releaseClaim(key) {
      await db.query(
        `delete from whop_lesson_imports where creator_id = $1 and whop_lesson_id = $2 and video_id is null`,
        byKey(key),
      );
    },
    async linkVideo(key) {
      await db.query(`update whop_lesson_imports set video_id = $3 where creator_id = $1 and whop_lesson_id = $2`, [
        ...byKey(key),
        key.videoId,
      ]);
    },
    async save(key) {
      await db.query(
        `update whop_lesson_imports
            set course_id = $3, course_title = $4, chapter_id = $5, chapter_title = $6, chapter_order = $7, lesson_order = $8,
                lesson_title = $9, content_hash = $10, transcript_from = coalesce($11, transcript_from),
                mux_asset_id = $12, mux_playback_id = $13, mux_playback_signed = $14, removed_at = null, updated_at = now()
          where creator_id = $1 and whop_lesson_id = $2`,
        [
          ...byKey(key),
          ...placeParams(key.place),
          key.lessonTitle,
          key.contentHash,
          key.transcriptFrom,
          key.muxAssetId,
          key.muxPlaybackId,
          key.muxPlaybackSigned,
        ],
      );
    },
    async reconcileRemoved(input) {
      const removed = await db.query<
        Pick<WhopLessonImportRow, 'whop_lesson_id' | 'lesson_title' | 'course_title' | 'video_id'>
      >(
        `update whop_lesson_imports
            set removed_at = coalesce(removed_at, now())
          where creator_id = $1 and not (whop_lesson_id = any($2::text[]))
            and ($3::text[] is null or course_id = any($3::text[]))
          returning whop_lesson_id, lesson_title, course_title, video_id`,
        [input.creatorId, input.present, input.onlyCourses],
      );
      // Lessons of a course Whop still lists come back un-removed when they reappear.
      await db.query(
        `update whop_lesson_imports set removed_at = null where creator_id = $1 and whop_lesson_id = any($2::text[]) and removed_at is not null`,
        [input.creatorId, input.present],
      );
      return removed;
    },
    async findPlayback(input) {
      const [row] = await db.query<
        Pick<WhopLessonImportRow, 'whop_lesson_id' | 'mux_asset_id' | 'mux_playback_id' | 'mux_playback_signed'>
      >(
        `select whop_lesson_id, mux_asset_id, mux_playback_id, mux_playback_signed from whop_lesson_imports
          where creator_id = $1 and video_id = $2`,
        [input.creatorId, input.videoId],
      );
      return row ?? null;
    },
    listWithVideo: (creatorId) =>
      db.query<Pick<WhopLessonImportRow, 'whop_lesson_id' | 'lesson_title' | 'mux_asset_id'> & { video_id: string }>(
        `select i.whop_lesson_id, i.video_id, i.lesson_title, i.mux_asset_id
           from whop_lesson_imports i join videos v on v.id = i.video_id and v.creator_id = i.creator_id
          where i.creator_id = $1`,
        [creatorId],
      ),
  };
}
