import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';
import { NOTIFICATION_POLICY } from './notification-policy';

/**
 * Takes one of the kind's slots in the current window, or answers false when the
 * creator opted out or the window is full. One statement: the opt-in is read and the
 * counter raised together, so two requests at once cannot both take the last slot
 * (the upsert's `where` re-checks the row it locked).
 */
export async function claimNotificationSlot(db: Db, input: { creatorId: string; kind: NotificationKind; now: Date }) {
  const policy = NOTIFICATION_POLICY[input.kind];
  const rows = await db.query<{ sent: number; opted_in: boolean }>(
    `with opted as (
       select coalesce((select ${policy.setting} from notification_settings where creator_id = $1), false) as opted_in
     ), claimed as (
       insert into notification_windows (creator_id, kind, window_start, sent)
       select $1, $2, to_timestamp(floor(extract(epoch from $3::timestamptz) / $4) * $4), 1
         from opted where opted_in
       on conflict (creator_id, kind, window_start)
       do update set sent = notification_windows.sent + 1 where notification_windows.sent < $5
       returning sent
     )
     select (select opted_in from opted) as opted_in, (select sent from claimed) as sent`,
    [input.creatorId, input.kind, input.now.toISOString(), policy.windowSeconds, policy.limit],
  );
  const row = rows[0];
  if (!row?.opted_in) return 'not_opted_in' as const;
  return row.sent === null ? ('rate_limited' as const) : ('claimed' as const);
}
