import { ApiError } from '../../../shared/api-error';
import type { UpgradeRequestResponse } from '../../../shared/schemas/plan';
import type { Db } from '../../ports/db';
import type { NotifyPorts } from '../notifications/notify-creator';
import { notifyUpgradeRequest } from '../notifications/notify-upgrade-request';

/**
 * A student asks the creator to upgrade: recorded once per student, counted on the
 * dashboard, and (if the creator opted in) a Whop notification to the creator.
 */
export async function requestUpgrade(
  ports: { db: Db; notify?: NotifyPorts },
  input: { creatorId: string; userId: string; experienceId: string | null; role: 'creator' | 'student' },
): Promise<UpgradeRequestResponse> {
  if (input.role !== 'student') throw new ApiError('FORBIDDEN', 'Only students can ask for an upgrade.');
  const inserted = await ports.db.query(
    `insert into upgrade_requests (creator_id, user_id, experience_id) values ($1, $2, $3)
     on conflict (creator_id, user_id) do nothing returning user_id`,
    [input.creatorId, input.userId, input.experienceId],
  );
  if (inserted.length > 0 && ports.notify) await notifyUpgradeRequest(ports.notify, { creatorId: input.creatorId });
  return { requested: true, alreadyRequested: inserted.length === 0 };
}
