import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';
import type { WhopNotification } from '../../ports/whop';

/** Logs what was sent (or tried) to whom, so a creator's question "did it go out?" has an answer. */
export async function recordNotification(
  db: Db,
  input: { creatorId: string; kind: NotificationKind; notification: WhopNotification; outcome: 'sent' | 'failed' },
): Promise<void> {
  const { audience } = input.notification;
  await db.tables.notificationLog.record({
    creator_id: input.creatorId,
    kind: input.kind,
    audience: audience.kind === 'company' ? audience.companyId : audience.experienceId,
    title: input.notification.title,
    content: input.notification.content,
    rest_path: input.notification.restPath ?? null,
    outcome: input.outcome,
  });
}
