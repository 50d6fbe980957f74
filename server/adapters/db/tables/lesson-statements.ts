import type { Db } from '../../../ports/db';
import { type VideoRow, videos } from '../../../ports/db-schema/tables';
import type { LessonRow, VideosTable } from '../../../ports/tables/videos-table';
import { selectList } from '../select-list';

/**
 * The creator's order, for `videos v` joined with LESSON_JOIN: lessons outside a module
 * first (a course's introduction rarely sits in one), then each module in its position;
 * inside, lessons by position, and lessons never placed after the placed ones in upload
 * order (a new upload lands at the end until the creator moves it).
 */
const LESSON_ORDER = `m.position nulls first, m.created_at nulls first, m.id nulls first, v.position nulls last, v.created_at, v.id`;
const LESSON_JOIN = `left join course_modules m on m.id = v.module_id and m.creator_id = v.creator_id`;
/** A lesson's columns (LessonRow): an imported lesson plays its Mux stream, so it has media without a file. */
const LESSON = `${selectList(videos, ['id', 'title', 'module_id'], 'v')}, m.title as module_title,
  ${selectList(videos, ['duration_seconds'], 'v')},
  (v.storage_key is not null or exists (select 1 from whop_lesson_imports w
     where w.creator_id = v.creator_id and w.video_id = v.id and w.mux_playback_id is not null)) as has_media`;

/**
 * The `videos` statements about the course as students see it: the lessons' order and
 * place in modules (the outline editor, Whop's imported chapters) and the lesson reads.
 * Part of the videos module (videos-table.ts spreads them in), apart for its length.
 */
export function lessonStatements(
  db: Pick<Db, 'query'>,
): Pick<
  VideosTable,
  | 'lockMany'
  | 'placeInOutline'
  | 'placeImportedLessons'
  | 'listOutline'
  | 'listLessons'
  | 'findRunningTime'
  | 'findLesson'
> {
  const one = async <Row>(sql: string, params: readonly unknown[]) => (await db.query<Row>(sql, params))[0] ?? null;
  return {
    lockMany: (input) =>
      db.query<Pick<VideoRow, 'id'>>(
        `select id from videos where creator_id = $1 and id = any($2::uuid[]) for update`,
        [input.creatorId, input.videoIds],
      ),
    async placeInOutline(input) {
      const videoIds = input.lessons.map((l) => l.videoId);
      // The unlisted first (after the listed, in their old order), so positions stay distinct.
      await db.query(
        `update videos v set position = $3::int + r.n, updated_at = now()
           from (select id, row_number() over (order by position nulls last, created_at, id) as n
                   from videos where creator_id = $1 and not (id = any($2::uuid[]))) r
          where v.id = r.id and v.creator_id = $1`,
        [input.creatorId, videoIds, videoIds.length],
      );
      await db.query(
        `update videos v set position = o.n - 1, module_id = o.module_id, updated_at = now()
           from unnest($2::uuid[], $3::uuid[]) with ordinality as o(id, module_id, n)
          where v.id = o.id and v.creator_id = $1`,
        [input.creatorId, videoIds, input.lessons.map((l) => l.moduleId)],
      );
    },
    async placeImportedLessons(creatorId) {
      // One statement across whop_lesson_imports and course_modules, here because what it
      // writes is the lessons' place: the modules it creates and the lessons it places
      // appear together or not at all.
      const placed = await db.query(
        `with chapters as (
           select distinct on (i.chapter_id) i.chapter_id, i.chapter_title, i.course_id, i.chapter_order
             from whop_lesson_imports i
            where i.creator_id = $1 and i.video_id is not null and i.removed_at is null
            order by i.chapter_id, i.chapter_order
         ), missing as (
           select c.* from chapters c
            where not exists (select 1 from course_modules m where m.creator_id = $1 and m.whop_chapter_id = c.chapter_id)
         ), made as (
           insert into course_modules (creator_id, title, position, whop_chapter_id)
           select $1, coalesce(nullif(left(btrim(c.chapter_title), 120), ''), 'Chapter'),
                  (select coalesce(max(position) + 1, 0) from course_modules where creator_id = $1)
                    + (row_number() over (order by c.course_id, c.chapter_order, c.chapter_id))::int - 1,
                  c.chapter_id
             from missing c
           returning id, whop_chapter_id
         ), modules as (
           select id, whop_chapter_id from made
           union all
           select m.id, m.whop_chapter_id from course_modules m
            where m.creator_id = $1 and m.whop_chapter_id in (select chapter_id from chapters)
         )
         update videos v set module_id = m.id, position = greatest(i.lesson_order, 0), updated_at = now()
           from whop_lesson_imports i join modules m on m.whop_chapter_id = i.chapter_id
          where i.creator_id = $1 and i.video_id = v.id and v.creator_id = $1
            and v.module_id is null and v.position is null
         returning v.id`,
        [creatorId],
      );
      return placed.length;
    },
    listOutline: (creatorId) =>
      db.query<Pick<VideoRow, 'id' | 'title' | 'module_id' | 'status'>>(
        `select ${selectList(videos, ['id', 'title', 'module_id', 'status'], 'v')} from videos v ${LESSON_JOIN}
          where v.creator_id = $1 order by ${LESSON_ORDER} limit 1000`,
        [creatorId],
      ),
    listLessons: (creatorId) =>
      db.query<LessonRow>(
        `select ${LESSON} from videos v ${LESSON_JOIN}
          where v.creator_id = $1 and v.status = 'completed'
          order by ${LESSON_ORDER}
          limit 1000`,
        [creatorId],
      ),
    findRunningTime: (key) =>
      // Where the transcript ends is read from transcript_segments, for a video without a duration.
      one<Pick<VideoRow, 'id'> & { duration: number }>(
        `select v.id, coalesce(v.duration_seconds, (select max(t.end_seconds) from transcript_segments t
                                                     where t.video_id = v.id and t.creator_id = $2), 0)::float8 as duration
           from videos v where v.id = $1 and v.creator_id = $2`,
        [key.videoId, key.creatorId],
      ),
    findLesson: (key) =>
      one<LessonRow & Pick<VideoRow, 'mime_type'> & { n: string }>(
        `select * from (
           select ${LESSON}, v.mime_type, (row_number() over (order by ${LESSON_ORDER}))::text as n
             from videos v ${LESSON_JOIN}
            where v.creator_id = $1 and v.status = 'completed'
         ) ordered where id = $2`,
        [key.creatorId, key.videoId],
      ),
  };
}
