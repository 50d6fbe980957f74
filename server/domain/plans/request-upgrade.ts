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
  const recorded = await ports.db.tables.upgradeRequests.recordOnce({
    creator_id: input.creatorId,
    user_id: input.userId,
    experience_id: input.experienceId,
  });
  if (recorded && ports.notify) await notifyUpgradeRequest(ports.notify, { creatorId: input.creatorId });
  return { requested: true, alreadyRequested: !recorded };
}
