import type { Db } from '../../../ports/db';
import type {
  ClosedGapRow,
  ContentGapChecksTable,
  ContentGapNoticesTable,
  ContentGapResolutionsTable,
} from '../../../ports/tables/content-gap-tables';

/* The tables behind content-gap notifications (domain/insights, domain/notifications), one module each. */

export function contentGapChecksTable(db: Pick<Db, 'query'>): ContentGapChecksTable {
  return {
    async takeTurn(input) {
      // One conditional upsert: of two requests at once, one takes the turn.
      const turn = await db.query(
        `insert into content_gap_checks (creator_id, checked_at) values ($1, $2::timestamptz)
         on conflict (creator_id) do update set checked_at = excluded.checked_at, wanted_at = null
          where content_gap_checks.checked_at <= excluded.checked_at - make_interval(secs => $3)
         returning creator_id`,
        [input.creatorId, input.now.toISOString(), input.intervalSeconds],
      );
      return turn.length > 0;
    },
    async markWanted(input) {
      await db.query(`update content_gap_checks set wanted_at = $2::timestamptz where creator_id = $1`, [
        input.creatorId,
        input.now.toISOString(),
      ]);
    },
    async listDue(input) {
      const rows = await db.query<{ creator_id: string }>(
        `select creator_id from content_gap_checks
          where wanted_at is not null and checked_at <= $1::timestamptz - make_interval(secs => $2)
          order by checked_at limit $3`,
        [input.now.toISOString(), input.intervalSeconds, input.limit],
      );
      return rows.map((r) => r.creator_id);
    },
    async clearWanted(creatorId) {
      await db.query(`update content_gap_checks set wanted_at = null where creator_id = $1`, [creatorId]);
    },
  };
}

export function contentGapNoticesTable(db: Pick<Db, 'query'>): ContentGapNoticesTable {
  return {
    async recordIfNew(input) {
      // A group sharing a question with an announced gap is that gap, grown or shrunk: not new.
      const inserted = await db.query(
        `insert into content_gap_notices (creator_id, gap_key, members)
         select $1, $2, $3::uuid[]
          where not exists (select 1 from content_gap_notices where creator_id = $1 and members && $3::uuid[])
         on conflict do nothing returning gap_key`,
        [input.creatorId, input.key, input.members],
      );
      return inserted.length > 0;
    },
    async forget(input) {
      await db.query(`delete from content_gap_notices where creator_id = $1 and gap_key = $2`, [
        input.creatorId,
        input.key,
      ]);
    },
  };
}

export function contentGapResolutionsTable(db: Pick<Db, 'query'>): ContentGapResolutionsTable {
  return {
    async record(input) {
      // Through the message, so only the creator's own message is recorded.
      const rows = await db.query(
        `insert into content_gap_resolutions (message_id, creator_id, video_id, resolved_at)
         select id, creator_id, $3, $4::timestamptz from chat_messages where id = $1 and creator_id = $2
         on conflict (message_id) do nothing returning message_id`,
        [input.messageId, input.creatorId, input.videoId, input.at.toISOString()],
      );
      return rows.length > 0;
    },
    listClosedSince: (input) =>
      // The lesson's title from videos, joined (a deleted lesson reads '').
      db.query<ClosedGapRow>(
        `select r.video_id, coalesce(v.title, '') as title, count(*)::int as questions,
                to_char(max(r.resolved_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as closed_at
           from content_gap_resolutions r
           left join videos v on v.id = r.video_id and v.creator_id = $1
          where r.creator_id = $1 and r.resolved_at >= $2::timestamptz
          group by r.video_id, v.title
          order by max(r.resolved_at) desc
          limit 10`,
        [input.creatorId, input.since.toISOString()],
      ),
  };
}
