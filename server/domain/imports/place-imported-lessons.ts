import type { Db } from '../../ports/db';

/**
 * Puts imported lessons in the outline students read (lessons' LESSON_ORDER): one module
 * per Whop chapter, in the course's chapter order after the creator's existing modules,
 * and each lesson at its Whop position inside it. A chapter's module is found again by
 * its chapter id, so a re-import adds no duplicate; a lesson the creator already placed
 * (a module or a position of their own) is left where they put it. One statement: the
 * modules it creates and the lessons it places appear together or not at all.
 */
export async function placeImportedLessons(db: Db, creatorId: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
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
  return rows.length;
}
