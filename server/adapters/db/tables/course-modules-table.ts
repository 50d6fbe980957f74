import type { Db } from '../../../ports/db';
import type { CourseModuleRow } from '../../../ports/db-schema/tables';
import type { CourseModulesTable } from '../../../ports/tables/course-modules-table';

type Named = Pick<CourseModuleRow, 'id' | 'title'>;

/** The `course_modules` table's statements, on whichever connection or transaction `db` is. */
export function courseModulesTable(db: Pick<Db, 'query'>): CourseModulesTable {
  const one = async <Row>(sql: string, params: readonly unknown[]) => (await db.query<Row>(sql, params))[0] ?? null;
  return {
    // A cap, not a quota (a module costs nothing): two clicks pass it together by a race of one at most.
    create: (input) =>
      one<Named>(
        `insert into course_modules (creator_id, title, position)
         select $1, $2, coalesce(max(position) + 1, 0) from course_modules where creator_id = $1
         having count(*) < $3
         returning id, title`,
        [input.creatorId, input.title, input.max],
      ),
    rename: (key) =>
      one<Named>(
        `update course_modules set title = $3, updated_at = now() where id = $1 and creator_id = $2 returning id, title`,
        [key.moduleId, key.creatorId, key.title],
      ),
    async remove(key) {
      const gone = await db.query(`delete from course_modules where id = $1 and creator_id = $2 returning id`, [
        key.moduleId,
        key.creatorId,
      ]);
      return gone.length > 0;
    },
    list: (creatorId) =>
      db.query<Named>(
        `select id, title from course_modules where creator_id = $1 order by position, created_at, id limit 200`,
        [creatorId],
      ),
    findMany: (input) =>
      db.query<Pick<CourseModuleRow, 'id'>>(
        `select id from course_modules where creator_id = $1 and id = any($2::uuid[])`,
        [input.creatorId, input.moduleIds],
      ),
    async setOrder(input) {
      await db.query(
        `update course_modules m set position = o.n - 1, updated_at = now()
           from unnest($2::uuid[]) with ordinality as o(id, n)
          where m.id = o.id and m.creator_id = $1`,
        [input.creatorId, input.moduleIds],
      );
    },
  };
}
