import type { Tier } from '../../../shared/schemas/viewer';
import type { Db } from '../../ports/db';

/** Sets the creator's tier to their best valid membership (FREE when none) and records a change in history. */
export async function recomputeCreatorTier(
  db: Db,
  creatorId: string,
  reason: string,
  webhookId: string | null,
): Promise<Tier> {
  const row = await db.tables.creators.find(creatorId);
  if (!row) throw new Error(`creator ${creatorId} vanished during a tier change`);
  const best = (await db.tables.creatorMemberships.bestValidTier(creatorId)) ?? 'FREE';
  if (best !== row.tier) {
    await db.tables.creators.setTier({ id: creatorId, tier: best });
    await db.tables.creatorTierHistory.record({
      creator_id: creatorId,
      from_tier: row.tier,
      to_tier: best,
      reason,
      webhook_event_id: webhookId,
    });
  }
  return best;
}
