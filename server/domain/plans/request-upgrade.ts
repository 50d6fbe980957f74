import { ApiError } from '../../../shared/api-error';
import type { UpgradeRequestResponse } from '../../../shared/schemas/plan';
import type { Db } from '../../ports/db';

/** A student asks the creator to upgrade: recorded once per student, counted on the dashboard. */
export async function requestUpgrade(
  db: Db,
  input: { creatorId: string; userId: string; experienceId: string | null; role: 'creator' | 'student' },
): Promise<UpgradeRequestResponse> {
  if (input.role !== 'student') throw new ApiError('FORBIDDEN', 'Only students can ask for an upgrade.');
  const inserted = await db.query(
    `insert into upgrade_requests (creator_id, user_id, experience_id) values ($1, $2, $3)
     on conflict (creator_id, user_id) do nothing returning user_id`,
    [input.creatorId, input.userId, input.experienceId],
  );
  return { requested: true, alreadyRequested: inserted.length === 0 };
}
