import type { Db } from '../../../ports/db';
import type {
  NotificationLogTable,
  NotificationSettingsRow,
  NotificationSettingsTable,
  NotificationWindowsTable,
} from '../../../ports/tables/notification-tables';

/* The tables behind notifications (server/domain/notifications), one module each. */

const SETTINGS = 'upgrade_requests, unanswered_questions, new_lessons, unanswered_threshold';
/** Interpolated into SQL: only these names, whatever a caller passes at runtime. */
const OPT_INS = new Set(['upgrade_requests', 'unanswered_questions', 'new_lessons']);

export function notificationSettingsTable(db: Pick<Db, 'query'>): NotificationSettingsTable {
  return {
    async find(creatorId) {
      const [row] = await db.query<NotificationSettingsRow>(
        `select ${SETTINGS} from notification_settings where creator_id = $1`,
        [creatorId],
      );
      return row ?? null;
    },
    async replace(settings) {
      const [row] = await db.query<NotificationSettingsRow>(
        `insert into notification_settings (creator_id, ${SETTINGS})
         values ($1, $2, $3, $4, $5)
         on conflict (creator_id) do update set
           upgrade_requests = excluded.upgrade_requests, unanswered_questions = excluded.unanswered_questions,
           new_lessons = excluded.new_lessons, unanswered_threshold = excluded.unanswered_threshold, updated_at = now()
         returning ${SETTINGS}`,
        [
          settings.creator_id,
          settings.upgrade_requests,
          settings.unanswered_questions,
          settings.new_lessons,
          settings.unanswered_threshold,
        ],
      );
      return row!;
    },
  };
}

export function notificationWindowsTable(db: Pick<Db, 'query'>): NotificationWindowsTable {
  return {
    async claimSlot(input) {
      if (!OPT_INS.has(input.optIn)) throw new Error(`not an opt-in column: ${input.optIn}`);
      // The upsert's `where` re-checks the row it locked: the last slot goes to one request.
      const [row] = await db.query<{ sent: number | null; opted_in: boolean }>(
        `with opted as (
           select coalesce((select ${input.optIn} from notification_settings where creator_id = $1), false) as opted_in
         ), claimed as (
           insert into notification_windows (creator_id, kind, window_start, sent)
           select $1, $2, to_timestamp(floor(extract(epoch from $3::timestamptz) / $4) * $4), 1
             from opted where opted_in
           on conflict (creator_id, kind, window_start)
           do update set sent = notification_windows.sent + 1 where notification_windows.sent < $5
           returning sent
         )
         select (select opted_in from opted) as opted_in, (select sent from claimed) as sent`,
        [input.creatorId, input.kind, input.now.toISOString(), input.windowSeconds, input.limit],
      );
      return { optedIn: row?.opted_in === true, claimed: row?.sent !== null && row?.sent !== undefined };
    },
  };
}

export function notificationLogTable(db: Pick<Db, 'query'>): NotificationLogTable {
  return {
    async record(entry) {
      await db.query(
        `insert into notification_log (creator_id, kind, audience, title, content, rest_path, outcome)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [entry.creator_id, entry.kind, entry.audience, entry.title, entry.content, entry.rest_path, entry.outcome],
      );
    },
  };
}
