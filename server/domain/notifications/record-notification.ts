import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { Db } from '../../ports/db';
import type { WhopNotification } from '../../ports/whop';

/** Logs what was sent (or tried) to whom, so a creator's question "did it go out?" has an answer. */
export async function recordNotification(
  db: Db,
  input: { creatorId: string; kind: NotificationKind; notification: WhopNotification; outcome: 'sent' | 'failed' },
): Promise<void> {
  const { audience } = input.notification;
  await db.query(
    `insert into notification_log (creator_id, kind, audience, title, content, rest_path, outcome)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      input.creatorId,
      input.kind,
      audience.kind === 'company' ? audience.companyId : audience.experienceId,
      input.notification.title,
      input.notification.content,
      input.notification.restPath ?? null,
      input.outcome,
    ],
  );
}
