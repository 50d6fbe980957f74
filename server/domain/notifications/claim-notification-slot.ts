import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';
import { NOTIFICATION_POLICY } from './notification-policy';

/**
 * Takes one of the kind's slots in the current window, or says why not: the creator
 * opted out, or the window is full. One statement (notificationWindows.claimSlot): the
 * opt-in is read and the counter raised together, so two requests at once cannot both
 * take the last slot.
 */
export async function claimNotificationSlot(db: Db, input: { creatorId: string; kind: NotificationKind; now: Date }) {
  const policy = NOTIFICATION_POLICY[input.kind];
  const slot = await db.tables.notificationWindows.claimSlot({
    creatorId: input.creatorId,
    kind: input.kind,
    optIn: policy.setting,
    now: input.now,
    windowSeconds: policy.windowSeconds,
    limit: policy.limit,
  });
  if (!slot.optedIn) return 'not_opted_in' as const;
  return slot.claimed ? ('claimed' as const) : ('rate_limited' as const);
}
